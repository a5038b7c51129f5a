#include "station_printer.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

#include "alarm_event_text.hpp"

namespace vigil::cli {
namespace {

using core::Channel;

std::string number(double v, int decimals = 0) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%.*f", decimals, v);
  return buf.data();
}

std::string value_text(const station::ChannelView& v, int decimals = 0) {
  if (!v.value) {
    return v.absence == station::Absence::none
               ? "---"
               : "--- (" + std::string(station::absence_text(v.absence)) + ")";
  }
  return number(*v.value, decimals);
}

std::string nibp_text(const station::ScreenSnapshot& s) {
  const auto& sys = s.channel(Channel::nibp_systolic);
  const auto& dia = s.channel(Channel::nibp_diastolic);
  const auto& mean = s.channel(Channel::nibp_mean);
  if (s.nibp.measuring) {
    return s.nibp.cuff_pressure ? "measuring (cuff " + number(*s.nibp.cuff_pressure) + ")"
                                : "measuring";
  }
  if (!sys.value || !dia.value) return value_text(sys);
  std::string out = value_text(sys) + "/" + value_text(dia);
  if (mean.value) out += " (" + value_text(mean) + ")";
  if (s.nibp.measured_at) {
    const auto age = std::chrono::duration_cast<std::chrono::minutes>(s.now - *s.nibp.measured_at);
    out += " " + std::to_string(age.count()) + "m ago";
  }
  return out;
}

std::string alarms_text(const station::ScreenSnapshot& s) {
  if (s.annunciation.conditions.empty()) return "none";
  std::string out;
  for (const auto& c : s.annunciation.conditions) {
    if (!out.empty()) out += ", ";
    std::string name(core::alarm_priority_name(c.priority));
    for (auto& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out += name + " " + std::string(core::alarm_condition_name(c.id));
    if (c.acknowledged) out += " (ack)";
  }
  if (s.annunciation.audio_state == core::AudioState::audio_paused) out += " [audio paused]";
  return out;
}

}  // namespace

StationPrinter::StationPrinter(std::vector<std::string> device_names)
    : device_names_(std::move(device_names)) {}

std::string StationPrinter::stamp() const {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "[%7.1fs]",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  return buf.data();
}

std::string StationPrinter::device_name(core::DeviceId id) const {
  if (id >= 1 && id <= device_names_.size()) {
    return device_names_[id - 1] + "#" + std::to_string(id);
  }
  return "device#" + std::to_string(id);
}

void StationPrinter::print_line(const std::string& line) {
  std::puts(line.c_str());
  std::fflush(stdout);
}

void StationPrinter::on_alarm_event(const core::AlarmEvent& e) {
  std::lock_guard lock(mutex_);
  ++alarm_events_;
  print_line(stamp() + " ALARM " + station::alarm_event_text(e));
}

void StationPrinter::on_device_condition(const core::DeviceCondition& c) {
  if (c.kind == core::DeviceConditionKind::nibp_done) return;  // the values line shows it
  std::lock_guard lock(mutex_);
  std::string line = stamp() + " DEVICE " + device_name(c.device) + ": " +
                     std::string(core::device_condition_name(c.kind));
  if (!c.active) line += " ended";
  if (!c.detail.empty()) line += " - " + std::string(c.detail);
  print_line(line);
}

void StationPrinter::on_snapshot(station::ScreenSnapshot&& s) {
  std::lock_guard lock(mutex_);
  latest_ = std::move(s);
}

void StationPrinter::print_values() {
  std::lock_guard lock(mutex_);
  if (!latest_) return;
  const station::ScreenSnapshot& s = *latest_;
  std::string line = stamp();
  if (s.session.active) {
    const auto secs = s.session.elapsed.count();
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), " +%lld:%02lld", static_cast<long long>(secs / 60),
                  static_cast<long long>(secs % 60));
    line += buf.data();
  }
  line += " SpO2 " + value_text(s.channel(Channel::spo2));
  line += " | PR " + value_text(s.channel(Channel::pulse_rate));
  line += " | PI " + value_text(s.channel(Channel::perfusion_index), 1);
  line += " | NIBP " + nibp_text(s);
  line += " | alarms: " + alarms_text(s);
  print_line(line);
}

namespace {
std::atomic<bool> g_stop_requested{false};
extern "C" void on_stop_signal(int) { g_stop_requested = true; }
}  // namespace

void StationPrinter::run(double seconds, const std::function<void()>& each_second) {
  using Clock = std::chrono::steady_clock;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  const auto start = Clock::now();
  const auto end = start + std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  auto next = start + std::chrono::seconds(1);
  while (!g_stop_requested && (seconds <= 0 || Clock::now() < end)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (Clock::now() < next) continue;
    print_values();
    if (each_second) each_second();
    next += std::chrono::seconds(1);
  }
}

std::string StationPrinter::recording_summary(const db::RecorderCounters& c) const {
  return std::to_string(c.rows_written) + " vitals rows, " + std::to_string(c.blocks_written) +
         " waveform blocks, " + std::to_string(alarm_events()) + " alarm events, " +
         std::to_string(c.dropped_vitals) + " vitals dropped";
}

std::uint64_t StationPrinter::alarm_events() const {
  std::lock_guard lock(mutex_);
  return alarm_events_;
}

}  // namespace vigil::cli

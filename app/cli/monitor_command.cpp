// `vigilctl monitor --device PROTOCOL:PORT [--device ...] [--for SECONDS]`: headless monitoring
// without a database. Prints the latest values of every device once a second, and each device
// condition as it happens.
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli_commands.hpp"
#include "vigil/drivers/device_hub.hpp"
#include "vigil/drivers/session_protocol.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct MonitorOptions {
  std::vector<std::string> devices;  // PROTOCOL:PORT
  double for_seconds = 0;            // 0 = until interrupted
  double nibp_every_s = 0;           // SunTech schedule; 0 = none
};

struct DeviceSpec {
  std::string protocol;
  std::string port;
};

std::string valid_protocols() {
  std::string out;
  for (auto name : protocols::protocol_names()) {
    if (!drivers::session_protocol_for(name)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Splits at the first ':' so the port may hold colons ("usb-serial:A1B2"). Empty = valid.
std::string parse_device(const std::string& text, DeviceSpec& out) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return "--device: expected PROTOCOL:PORT (e.g. nonin-df2:/tmp/vigil-sim/nonin), got '" + text +
           "'";
  }
  out.protocol = text.substr(0, colon);
  out.port = text.substr(colon + 1);
  if (!drivers::session_protocol_for(out.protocol) || !protocols::make_decoder(out.protocol)) {
    return "--device: unknown protocol '" + out.protocol + "'; valid: " + valid_protocols();
  }
  return {};
}

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

// Latest values per device, printed by the main thread; conditions printed as they come.
class MonitorPrinter final : public drivers::DeviceSessionListener {
 public:
  explicit MonitorPrinter(std::vector<DeviceSpec> specs) : specs_(std::move(specs)) {
    latest_.resize(specs_.size());
  }

  void on_reading(const core::Reading& r) override {
    if (!r.value || r.device == 0 || r.device > latest_.size()) return;
    std::lock_guard lock(mutex_);
    Latest& l = latest_[r.device - 1];
    l.values[static_cast<std::size_t>(r.channel)] = *r.value;
    if (r.channel != core::Channel::pleth) l.last = Clock::now();
  }

  void on_condition(const core::DeviceCondition& c) override {
    std::lock_guard lock(mutex_);
    std::printf("%s %s: %s%s%s%s\n", stamp().c_str(), name(c.device).c_str(),
                std::string(core::device_condition_name(c.kind)).c_str(), c.active ? "" : " ended",
                c.detail.empty() ? "" : " - ", std::string(c.detail).c_str());
    std::fflush(stdout);
  }

  void print_values() {
    std::lock_guard lock(mutex_);
    std::string line = stamp();
    for (std::size_t i = 0; i < specs_.size(); ++i) {
      const Latest& l = latest_[i];
      line += "  " + name(static_cast<core::DeviceId>(i + 1)) + ":";
      line += " SpO2 " + value(l, core::Channel::spo2);
      line += " PR " + value(l, core::Channel::pulse_rate);
      line += " PI " + value(l, core::Channel::perfusion_index, 2);
      line += " NIBP " + value(l, core::Channel::nibp_systolic) + "/" +
              value(l, core::Channel::nibp_diastolic) + "(" + value(l, core::Channel::nibp_mean) +
              ")";
      if (l.last) {
        const double age = std::chrono::duration<double>(Clock::now() - *l.last).count();
        std::array<char, 32> buf{};
        std::snprintf(buf.data(), buf.size(), " age %.1fs", age);
        line += buf.data();
      } else {
        line += " age -";
      }
    }
    std::puts(line.c_str());
    std::fflush(stdout);
  }

 private:
  struct Latest {
    std::array<std::optional<double>, core::channel_count> values{};
    std::optional<Clock::time_point> last;
  };

  std::string name(core::DeviceId id) const {
    return id >= 1 && id <= specs_.size() ? specs_[id - 1].protocol + "#" + std::to_string(id)
                                          : "device#" + std::to_string(id);
  }
  static std::string value(const Latest& l, core::Channel c, int decimals = 0) {
    const auto& v = l.values[static_cast<std::size_t>(c)];
    if (!v) return "-";
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.*f", decimals, *v);
    return buf.data();
  }
  std::string stamp() const {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "[%6.1fs]",
                  std::chrono::duration<double>(Clock::now() - start_).count());
    return buf.data();
  }

  std::vector<DeviceSpec> specs_;
  std::vector<Latest> latest_;
  std::mutex mutex_;
  Clock::time_point start_ = Clock::now();
};

int run_monitor(const MonitorOptions& o) {
  std::vector<DeviceSpec> specs;
  for (const auto& text : o.devices) {
    DeviceSpec spec;
    if (auto error = parse_device(text, spec); !error.empty()) {
      std::cerr << "vigilctl: error: " << error << '\n';
      return kExitUsage;
    }
    specs.push_back(spec);
  }
  if (o.for_seconds < 0 || o.nibp_every_s < 0) {
    std::cerr << "vigilctl: error: --for and --nibp-every must not be negative\n";
    return kExitUsage;
  }

  MonitorPrinter printer(specs);
  auto discovery = drivers::make_libserialport_discovery();
  drivers::DeviceHub hub(printer, drivers::system_device_clock(), discovery.get());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    drivers::DeviceSessionConfig c;
    c.device_id = static_cast<core::DeviceId>(i + 1);
    c.name = specs[i].protocol;
    c.protocol = specs[i].protocol;
    c.identity = drivers::DeviceIdentity::parse(specs[i].port);
    if (o.nibp_every_s > 0) {
      c.nibp_interval = std::chrono::milliseconds(static_cast<long long>(o.nibp_every_s * 1000));
    }
    hub.add_device(std::move(c));
    std::printf("monitoring %s on %s\n", specs[i].protocol.c_str(), specs[i].port.c_str());
  }
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  hub.start();
  const auto start = Clock::now();
  auto next = start + std::chrono::seconds(1);
  const auto end = start + std::chrono::milliseconds(static_cast<long long>(o.for_seconds * 1000));
  while (!g_interrupted) {
    if (o.for_seconds > 0 && Clock::now() >= end) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (Clock::now() >= next) {
      printer.print_values();
      next += std::chrono::seconds(1);
    }
  }
  hub.stop();
  return kExitOk;
}

}  // namespace

void register_monitor_command(CLI::App& app) {
  auto options = std::make_shared<MonitorOptions>();
  auto* cmd = app.add_subcommand("monitor", "Watch live devices (headless, no database)");
  cmd->add_option("--device", options->devices,
                  "PROTOCOL:PORT; PORT is a path, /dev/serial/by-id/... or usb-serial:SERIAL; "
                  "protocols: " +
                      valid_protocols())
      ->required();
  cmd->add_option("--for", options->for_seconds, "Stop after SECONDS (default: until Ctrl-C)");
  cmd->add_option("--nibp-every", options->nibp_every_s,
                  "SunTech: start a measurement every SECONDS");
  add_runner(cmd, [options] { return run_monitor(*options); });
}

}  // namespace vigil::cli

#pragma once
// Test helpers for the simulator -> session tests: when the simulator's pty really went away and
// came back (the reference for the unplug bounds), and an audit of decoded values against what
// the scenario sent.

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "recording_listener.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/drivers/sim/vital_signs.hpp"

namespace vigil::drivers::test {

// Watches a simulator's symlink from its own thread: holds a second descriptor on the pty slave
// and blocks in poll() until the kernel reports the hang-up (the simulator closed the master),
// then polls every millisecond for the link to reappear (the simulator published a new pty).
// Those two instants are the references for "disconnected within 1 s" and "streaming within 2 s".
class PtyWatcher {
 public:
  using Clock = std::chrono::steady_clock;

  explicit PtyWatcher(std::string link) : link_(std::move(link)) {
    if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) wake_[0] = wake_[1] = -1;
    fd_ = ::open(link_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    thread_ = std::thread([this] { run(); });
  }
  ~PtyWatcher() {
    stop_ = true;
    const char c = 'x';
    [[maybe_unused]] const auto n = ::write(wake_[1], &c, 1);
    thread_.join();
    if (fd_ >= 0) ::close(fd_);
    ::close(wake_[0]);
    ::close(wake_[1]);
  }
  PtyWatcher(const PtyWatcher&) = delete;
  PtyWatcher& operator=(const PtyWatcher&) = delete;

  bool watching() const { return fd_ >= 0; }
  std::optional<Clock::time_point> hung_up_at() const {
    std::lock_guard lock(mutex_);
    return hung_up_;
  }
  std::optional<Clock::time_point> returned_at() const {
    std::lock_guard lock(mutex_);
    return returned_;
  }

 private:
  void run() {
    if (fd_ < 0) return;
    for (;;) {
      pollfd fds[2] = {{fd_, 0, 0}, {wake_[0], POLLIN, 0}};  // events 0: hang-up and errors only
      if (::poll(fds, 2, -1) < 0) continue;
      if (stop_) return;
      if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) break;
    }
    set(hung_up_, Clock::now());
    struct stat st {};
    while (!stop_) {
      if (::lstat(link_.c_str(), &st) == 0) {  // published by rename: the pty already exists
        set(returned_, Clock::now());
        return;
      }
      pollfd wake{wake_[0], POLLIN, 0};
      ::poll(&wake, 1, 1);
    }
  }
  void set(std::optional<Clock::time_point>& slot, Clock::time_point t) {
    std::lock_guard lock(mutex_);
    slot = t;
  }

  std::string link_;
  int fd_ = -1;
  int wake_[2] = {-1, -1};
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::optional<Clock::time_point> hung_up_;
  std::optional<Clock::time_point> returned_;
  std::thread thread_;
};

// Every decoded value against the vitals the scenario sent: a value is right when it is the one
// sent (or, for waveforms, inside the channel's range); a value where none was sent, or another
// value, is "wrong"; anything outside core::channel_info's range is also "out of range".
struct ValueAudit {
  std::size_t values = 0;
  std::size_t absent = 0;
  std::size_t wrong = 0;
  std::size_t out_of_range = 0;
  std::size_t unexpected_conditions = 0;  // device conditions the scenario never causes
  std::vector<std::string> examples;      // the first few wrong values, for the failure message

  std::string summary() const {
    std::string s = std::to_string(values) + " values, " + std::to_string(absent) + " absent, " +
                    std::to_string(wrong) + " wrong, " + std::to_string(out_of_range) +
                    " out of range, " + std::to_string(unexpected_conditions) +
                    " unexpected conditions";
    for (const auto& e : examples) s += "; " + e;
    return s;
  }
};

// What the scenario sent on `channel`; nullopt: nothing (the value must be absent). `waveform`
// is set for channels checked by range only (pleth; cuff pressure up to `cuff_peak`).
struct Expected {
  std::optional<double> value;
  bool waveform = false;
  double waveform_max = 0;
};

inline Expected expected_for(core::Channel c, const sim::VitalSigns& v, double cuff_peak) {
  using core::Channel;
  auto as_double = [](std::optional<int> i) -> std::optional<double> {
    return i ? std::optional<double>(*i) : std::nullopt;
  };
  switch (c) {
    case Channel::spo2:
      return {as_double(v.spo2)};
    case Channel::pulse_rate:
      return {as_double(v.pulse_rate)};
    case Channel::perfusion_index:
      return {v.perfusion_index};
    case Channel::nibp_systolic:
      return {as_double(v.nibp_systolic)};
    case Channel::nibp_diastolic:
      return {as_double(v.nibp_diastolic)};
    case Channel::nibp_mean:
      return {as_double(sim::nibp_mean(v))};
    case Channel::nibp_pulse_rate:
      return {as_double(v.pulse_rate)};
    case Channel::pleth:
      return {std::nullopt, true, core::channel_info(c).max_valid};
    case Channel::cuff_pressure:
      return {std::nullopt, true, cuff_peak};
    default:
      return {};  // SpCO, SpMet, PVI: the simulators send them as unavailable
  }
}

// `cuff_peak`: the SunTech simulator inflates to max(systolic + 30, 150) mmHg.
inline ValueAudit audit_values(const std::vector<core::Reading>& readings,
                               const std::vector<RecordedCondition>& conditions,
                               const sim::VitalSigns& sent, double cuff_peak = 150) {
  ValueAudit a;
  for (const auto& r : readings) {
    if (!r.value) {
      ++a.absent;
      continue;
    }
    ++a.values;
    const double v = *r.value;
    const auto& info = core::channel_info(r.channel);
    if (v < info.min_valid || v > info.max_valid) ++a.out_of_range;
    const Expected e = expected_for(r.channel, sent, cuff_peak);
    const bool right =
        e.waveform ? v >= 0 && v <= e.waveform_max : e.value && std::fabs(*e.value - v) < 1e-6;
    if (!right) {
      ++a.wrong;
      if (a.examples.size() < 5) {
        a.examples.push_back(std::string(info.name) + "=" + std::to_string(v));
      }
    }
  }
  using K = core::DeviceConditionKind;
  for (const auto& recorded : conditions) {
    const core::DeviceCondition& c = recorded.condition;
    const bool link = c.kind == K::connected || c.kind == K::disconnected || c.kind == K::no_data;
    const bool nibp = c.kind == K::nibp_done || c.kind == K::nibp_failed;
    if (!link && !nibp) ++a.unexpected_conditions;
  }
  return a;
}

}  // namespace vigil::drivers::test

#pragma once
// The headless station's output (`vigilctl monitor`, `vigilctl demo`): the latest values once a
// second, taken from the screen snapshot (so absent values print with their reason, as the
// screen shows them), and every alarm event and device condition on its own line as it happens.
//
//   [   3.0s] +25:03 SpO2 93 % | PR 88 | PI 1.4 | NIBP 121/79 (93) 2m ago | alarms: none
//   [   4.2s] ALARM raised MEDIUM spo2_low: spo2 89 % (limit spo2 below 90 %) (device 1)
//   [   9.9s] DEVICE nonin-df2#1: disconnected

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "station.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::cli {

class StationPrinter final : public station::StationListener {
 public:
  // device_names[i] names device id i + 1.
  explicit StationPrinter(std::vector<std::string> device_names);

  void on_alarm_event(const core::AlarmEvent& event) override;
  void on_device_condition(const core::DeviceCondition& condition) override;
  void on_snapshot(station::ScreenSnapshot&& snapshot) override;

  // One line with the latest snapshot's values (main thread).
  void print_values();
  // Prints the values once a second (then calls each_second) until `seconds` have passed (0:
  // no limit) or SIGINT / SIGTERM arrives. Main thread.
  void run(double seconds, const std::function<void()>& each_second = {});
  // "N vitals rows, N waveform blocks, N alarm events, N vitals dropped".
  std::string recording_summary(const db::RecorderCounters& c) const;
  std::uint64_t alarm_events() const;

 private:
  std::string stamp() const;
  std::string device_name(core::DeviceId id) const;
  void print_line(const std::string& line);

  std::vector<std::string> device_names_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  mutable std::mutex mutex_;
  std::optional<station::ScreenSnapshot> latest_;
  std::uint64_t alarm_events_ = 0;
};

}  // namespace vigil::cli

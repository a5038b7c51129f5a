#pragma once
// Shared fixture for the alarm engine tests: an injected clock, a recording sink, and helpers
// that summarise events as short strings for table-driven tests.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vigil/core/alarm_engine.hpp"

namespace vigil::core::testing {

using namespace std::chrono_literals;
using Ms = std::chrono::milliseconds;

class EventLog final : public AlarmEventSink {
 public:
  void on_alarm_event(const AlarmEvent& e) override { events.push_back(e); }
  std::vector<AlarmEvent> events;
};

// "raised:spo2_low:medium", "cleared:sensor_off@2", ... one per event, joined with ", ".
inline std::string describe(const AlarmEvent& e) {
  std::string s(alarm_event_kind_name(e.kind));
  s += ':';
  s += alarm_condition_name(e.condition);
  // Appends only: GCC 12 -O3 warns falsely (-Wrestrict) on "literal" + std::string.
  if (e.condition.kind == AlarmConditionKind::technical) {
    s += '@';
    s += std::to_string(e.device);
  }
  if (e.priority) {
    s += ':';
    s += alarm_priority_name(*e.priority);
  }
  return s;
}

inline std::string describe(const std::vector<AlarmEvent>& events, std::size_t from = 0) {
  std::string s;
  for (std::size_t i = from; i < events.size(); ++i) {
    if (!s.empty()) s += ", ";
    s += describe(events[i]);
  }
  return s;
}

class AlarmEngineTest : public ::testing::Test {
 protected:
  void SetUp() override { start(default_alarm_profile()); }

  void start(AlarmProfile profile, SessionPhase phase = SessionPhase::planned) {
    log_.events.clear();
    read_ = 0;
    engine_ = std::make_unique<AlarmEngine>(std::move(profile), log_, phase);
  }

  AlarmTime now() const { return {steady_, utc_}; }
  void advance(Ms d) {
    steady_ += d;
    utc_ += d;
  }
  void advance_to(Ms since_start) {
    const auto target = SteadyTime{} + kStart + since_start;
    utc_ += target - steady_;
    steady_ = target;
  }

  Reading reading(Channel c, std::optional<double> v, DeviceId device = 1,
                  ReadingFlags flags = {}) const {
    Reading r;
    r.channel = c;
    r.value = v;
    r.flags = flags;
    r.device = device;
    r.steady_time = steady_;
    r.utc_time = utc_;
    return r;
  }
  void feed(Channel c, std::optional<double> v, DeviceId device = 1, ReadingFlags flags = {}) {
    engine_->on_reading(reading(c, v, device, flags));
  }
  void condition(DeviceConditionKind k, bool active, DeviceId device = 1,
                 std::string_view detail = {}) {
    DeviceCondition dc;
    dc.kind = k;
    dc.active = active;
    dc.device = device;
    dc.detail = detail;
    dc.steady_time = steady_;
    dc.utc_time = utc_;
    engine_->on_device_condition(dc);
  }
  void tick() { engine_->tick(now()); }

  // Events since the last call, as text; marks them read.
  std::string new_events() {
    const std::string s = describe(log_.events, read_);
    read_ = log_.events.size();
    return s;
  }
  // Only physiological events (limits and NIBP rise), for tables about limits.
  std::string new_physiological_events() {
    std::vector<AlarmEvent> picked;
    for (std::size_t i = read_; i < log_.events.size(); ++i) {
      if (log_.events[i].condition.kind != AlarmConditionKind::technical) {
        picked.push_back(log_.events[i]);
      }
    }
    read_ = log_.events.size();
    return describe(picked);
  }
  const AlarmEvent& last_event() const { return log_.events.back(); }
  Annunciation annunciation() const { return engine_->annunciation(steady_); }

  static constexpr Ms kStart{1'000'000};
  SteadyTime steady_ = SteadyTime{} + kStart;
  UtcTime utc_ = UtcTime{} + std::chrono::hours(24 * 365 * 56);
  EventLog log_;
  std::size_t read_ = 0;
  std::unique_ptr<AlarmEngine> engine_;
};

}  // namespace vigil::core::testing

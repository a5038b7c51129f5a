#pragma once
// Test helper: records what a session reports, thread-safely, with timestamps of arrival.
#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vigil/drivers/device_clock.hpp"
#include "vigil/drivers/device_session.hpp"

namespace vigil::drivers::test {

struct StateChange {
  core::DeviceId device;
  SessionState from;
  SessionState to;
  std::string reason;
  std::chrono::steady_clock::time_point at;
};

struct RecordedCondition {
  core::DeviceCondition condition;
  std::string detail;  // copied: the condition's view is only valid during the call
  std::chrono::steady_clock::time_point at;
};

class RecordingListener final : public DeviceSessionListener {
 public:
  void on_reading(const core::Reading& r) override {
    std::lock_guard lock(mutex_);
    readings_.push_back(r);
  }
  void on_condition(const core::DeviceCondition& c) override {
    std::lock_guard lock(mutex_);
    conditions_.push_back({c, std::string(c.detail), std::chrono::steady_clock::now()});
  }
  void on_state(core::DeviceId d, SessionState from, SessionState to,
                std::string_view reason) override {
    std::lock_guard lock(mutex_);
    states_.push_back({d, from, to, std::string(reason), std::chrono::steady_clock::now()});
  }

  std::vector<core::Reading> readings() const {
    std::lock_guard lock(mutex_);
    return readings_;
  }
  std::vector<RecordedCondition> conditions() const {
    std::lock_guard lock(mutex_);
    return conditions_;
  }
  std::vector<StateChange> states() const {
    std::lock_guard lock(mutex_);
    return states_;
  }

  // Last reading of `channel` that has a value.
  std::optional<core::Reading> last_value(core::Channel channel,
                                          std::optional<core::DeviceId> device = {}) const {
    std::lock_guard lock(mutex_);
    for (auto it = readings_.rbegin(); it != readings_.rend(); ++it) {
      if (it->channel == channel && it->value && (!device || it->device == *device)) return *it;
    }
    return std::nullopt;
  }
  // First condition of `kind` / `active` recorded at or after `since`.
  std::optional<RecordedCondition> find_condition(
      core::DeviceConditionKind kind, bool active,
      std::chrono::steady_clock::time_point since = {}) const {
    std::lock_guard lock(mutex_);
    for (const auto& c : conditions_) {
      if (c.condition.kind == kind && c.condition.active == active && c.at >= since) return c;
    }
    return std::nullopt;
  }
  // First entry into `to` at or after `since`.
  std::optional<StateChange> find_state(SessionState to,
                                        std::chrono::steady_clock::time_point since = {}) const {
    std::lock_guard lock(mutex_);
    for (const auto& s : states_) {
      if (s.to == to && s.at >= since) return s;
    }
    return std::nullopt;
  }
  std::size_t reading_count() const {
    std::lock_guard lock(mutex_);
    return readings_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::vector<core::Reading> readings_;
  std::vector<RecordedCondition> conditions_;
  std::vector<StateChange> states_;
};

// A clock the test sets: readings must carry its times, not the system's.
class FixedClock final : public DeviceClock {
 public:
  core::SteadyTime steady_now() const override { return steady; }
  core::UtcTime utc_now() const override { return utc; }
  core::SteadyTime steady{std::chrono::hours(1000)};
  core::UtcTime utc{std::chrono::seconds(1'700'000'000)};
};

}  // namespace vigil::drivers::test

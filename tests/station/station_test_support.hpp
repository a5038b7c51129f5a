#pragma once
// A station over real pseudo-terminals: simulators from drivers/sim, a real database file with a
// dosing session, and a listener that keeps every alarm event, device condition and snapshot.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "db/db_test_support.hpp"
#include "station.hpp"
#include "vigil/core/alarm_event.hpp"

namespace vigil::station::test {

using namespace std::chrono_literals;

// An alarm event with its owned texts and the real time it reached the listener.
struct SeenEvent {
  core::AlarmEvent event;
  std::string who;
  std::chrono::steady_clock::time_point seen_at;
};

class CollectingListener : public StationListener {
 public:
  void on_alarm_event(const core::AlarmEvent& e) override {
    std::lock_guard lock(mutex_);
    events_.push_back(SeenEvent{e, std::string(e.who), std::chrono::steady_clock::now()});
    events_.back().event.who = {};
    events_.back().event.detail = {};
    changed_.notify_all();
  }
  void on_device_condition(const core::DeviceCondition& c) override {
    std::lock_guard lock(mutex_);
    conditions_.push_back(c);
    conditions_.back().detail = {};
    changed_.notify_all();
  }
  void on_snapshot(ScreenSnapshot&& s) override {
    std::lock_guard lock(mutex_);
    ++snapshots_;
    last_snapshot_ = std::move(s);
  }

  // Waits up to `timeout` for an event matching `pred`; returns it (or nullopt).
  std::optional<SeenEvent> wait_for(const std::function<bool(const core::AlarmEvent&)>& pred,
                                    std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    std::optional<SeenEvent> found;
    changed_.wait_for(lock, timeout, [&] {
      for (const auto& e : events_) {
        if (pred(e.event)) {
          found = e;
          return true;
        }
      }
      return false;
    });
    return found;
  }
  // Waits up to `timeout` for a device condition matching `pred`.
  bool wait_for_condition(const std::function<bool(const core::DeviceCondition&)>& pred,
                          std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(
        lock, timeout, [&] { return std::any_of(conditions_.begin(), conditions_.end(), pred); });
  }
  std::vector<SeenEvent> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }
  std::uint64_t snapshots() const {
    std::lock_guard lock(mutex_);
    return snapshots_;
  }
  ScreenSnapshot last_snapshot() const {
    std::lock_guard lock(mutex_);
    return last_snapshot_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<SeenEvent> events_;
  std::vector<core::DeviceCondition> conditions_;
  std::uint64_t snapshots_ = 0;
  ScreenSnapshot last_snapshot_;
};

inline bool is_limit(const core::AlarmEvent& e, core::Channel c, core::LimitSide side) {
  return e.condition.kind == core::AlarmConditionKind::limit && e.condition.channel == c &&
         e.condition.side == side;
}

}  // namespace vigil::station::test

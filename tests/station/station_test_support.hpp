#pragma once
// A station over real pseudo-terminals: simulators from drivers/sim, a real database file with a
// dosing session, and a listener that keeps every alarm event, device condition and snapshot.

#include <gtest/gtest.h>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/db_test_support.hpp"
#include "scaled_clock.hpp"
#include "station.hpp"
#include "vigil/core/alarm_event.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

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

// A station on one pty simulator recording into a dosing session of a real database file.
struct PipelineFixture : ::testing::Test {
  db::test::StoreFixture store;
  db::RowId session = store.dosing_session();
  std::unique_ptr<db::Recorder> recorder;
  CollectingListener listener;

  void SetUp() override {
    recorder =
        std::make_unique<db::Recorder>(db::Store::open(store.file, db::OpenMode::open_existing));
  }

  // One simulator and a station reading it, both on scenario time from `start_at_s`.
  struct Bedside {
    std::unique_ptr<drivers::sim::PtySimulator> simulator;
    std::unique_ptr<ScaledClock> clock;
    std::unique_ptr<Station> station;
    std::chrono::steady_clock::time_point epoch;
  };
  // `watch_record`: the station follows the session in the database file (phase, pre-dose BP,
  // bp_overdue), as the bedside does.
  Bedside bedside(const std::string& device, drivers::sim::Timeline timeline, double start_at_s,
                  double speed = 1.0, bool watch_record = false) {
    Bedside b;
    b.epoch = std::chrono::steady_clock::now() + 300ms;  // the station is open before data flows
    drivers::sim::SimulatorOptions o;
    o.device = device;
    o.timeline = std::move(timeline);
    o.speed = speed;
    o.start_at_s = start_at_s;
    o.epoch = b.epoch;
    b.simulator = std::make_unique<drivers::sim::PtySimulator>(std::move(o));
    b.simulator->start();
    b.clock = std::make_unique<ScaledClock>(speed, b.epoch);
    StationConfig c;
    c.clock = b.clock.get();
    drivers::DeviceSessionConfig d;
    d.name = device == "suntech" ? "NIBP" : "Oximeter";
    d.protocol = device;
    d.identity = drivers::DeviceIdentity::parse(b.simulator->link_path());
    d.time_scale = speed;
    c.devices.push_back(d);
    b.station = std::make_unique<Station>(std::move(c), listener);
    b.station->start();
    SessionRecording r;
    r.recorder = recorder.get();
    r.actor = store.nurse;
    r.session_id = session;
    r.info.patient_id = "MRN-1";
    r.info.phase = core::SessionPhase::dosing;
    if (watch_record) r.database_file = store.file;
    b.station->begin_session(std::move(r));
    return b;
  }

  // Scenario seconds (on the bedside's clock) of a steady time.
  static double scenario_s(const Bedside& b, core::SteadyTime t, double start_at_s) {
    return start_at_s + std::chrono::duration<double>(t - b.epoch).count();
  }
};

inline bool is_limit(const core::AlarmEvent& e, core::Channel c, core::LimitSide side) {
  return e.condition.kind == core::AlarmConditionKind::limit && e.condition.channel == c &&
         e.condition.side == side;
}

}  // namespace vigil::station::test

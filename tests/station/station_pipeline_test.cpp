// The station pipeline over real pseudo-terminals: simulator -> port -> device session -> alarm
// engine -> recorder (a real database file) and snapshots.
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "scaled_clock.hpp"
#include "snapshot_mailbox.hpp"
#include "station_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace vigil::station::test {
namespace {

using core::AlarmEventKind;
using core::AlarmPriority;
using core::Channel;
using core::LimitSide;
namespace sim = drivers::sim;

// First scenario second (0.1 s steps) at which `pred(vitals)` holds.
double first_time(const sim::Timeline& t, double from, double to,
                  const std::function<bool(const sim::VitalSigns&)>& pred) {
  for (double s = from; s <= to; s += 0.1) {
    if (pred(t.at(s))) return s;
  }
  return NAN;
}

TEST_F(PipelineFixture, DesaturationRaisesMediumThenHighWithinTheirDelaysAndRecordsThem) {
  const sim::Timeline timeline = *sim::make_scenario("desaturation");
  const double start_at = 50;  // just before SpO2 falls below 90 (scenario ~54 s)
  Bedside b = bedside("nonin-df2", timeline, start_at);

  const double below_90 =
      first_time(timeline, start_at, 200, [](const auto& v) { return v.spo2 && *v.spo2 < 90; });
  const double at_85 =
      first_time(timeline, start_at, 200, [](const auto& v) { return v.spo2 && *v.spo2 <= 85; });
  ASSERT_FALSE(std::isnan(below_90));
  ASSERT_FALSE(std::isnan(at_85));

  auto medium = listener.wait_for(
      [](const auto& e) {
        return e.kind == AlarmEventKind::raised && is_limit(e, Channel::spo2, LimitSide::low);
      },
      40s);
  ASSERT_TRUE(medium) << "no SpO2 low alarm";
  EXPECT_EQ(medium->event.priority, AlarmPriority::medium);
  auto high = listener.wait_for(
      [](const auto& e) {
        return is_limit(e, Channel::spo2, LimitSide::low) && e.priority == AlarmPriority::high &&
               (e.kind == AlarmEventKind::escalated || e.kind == AlarmEventKind::raised);
      },
      30s);
  ASSERT_TRUE(high) << "no high SpO2 alarm";

  // Raised within the condition delay + 1 s of the device first sending the breaching value
  // (SpO2 < 90 %: 10 s; <= 85 %: at once), never before the delay.
  const double medium_s = scenario_s(b, medium->event.steady_time, start_at);
  const double high_s = scenario_s(b, high->event.steady_time, start_at);
  EXPECT_GE(medium_s - below_90, 10.0 - 0.5);
  EXPECT_LE(medium_s - below_90, 10.0 + 1.0);
  EXPECT_GE(high_s - at_85, -0.5);
  EXPECT_LE(high_s - at_85, 1.0);
  EXPECT_LT(*medium->event.value, 90);
  EXPECT_LE(*high->event.value, 85);

  b.station->end_session();
  // The alarm log holds one SpO2 row showing the episode's worst: priority high with the limit
  // and the value at high; the medium start stays in the audit log.
  SQLite::Statement q(store.db,
                      "SELECT condition, priority, limit_in_force, triggering_value, end_utc_ms "
                      "FROM alarm_events WHERE session_id = ? AND condition = 'spo2_low'");
  q.bind(1, session);
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(1).getString(), "high");
  EXPECT_EQ(q.getColumn(2).getString(), "spo2 at or below 85 %");
  EXPECT_LE(q.getColumn(3).getDouble(), 85);
  EXPECT_FALSE(q.getColumn(4).isNull()) << "closed when the session ended";
  EXPECT_FALSE(q.executeStep()) << "one row per condition episode";
  SQLite::Statement raised(store.db,
                           "SELECT new_value FROM audit_log WHERE action = 'alarm_raised' AND "
                           "entity = 'alarm_events' ORDER BY seq LIMIT 1");
  ASSERT_TRUE(raised.executeStep());
  EXPECT_NE(raised.getColumn(0).getString().find("spo2 below 90 %"), std::string::npos);
  EXPECT_EQ(store.db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'alarm_escalated'")
                .getInt(),
            1);

  const auto vitals = store.db
                          .execAndGet("SELECT count(*) FROM vitals_numeric WHERE session_id = " +
                                      std::to_string(session))
                          .getInt64();
  EXPECT_GT(vitals, 20);
  const auto blocks = store.db
                          .execAndGet("SELECT count(*) FROM waveform_blocks WHERE session_id = " +
                                      std::to_string(session))
                          .getInt64();
  EXPECT_GT(blocks, 5);
}

TEST_F(PipelineFixture, UnplugRaisesDisconnectedWithinOneSecond) {
  const sim::Timeline timeline = *sim::make_scenario("unplug");  // unplugged 10 s .. 15 s
  const double start_at = 7;
  Bedside b = bedside("nonin-df2", timeline, start_at);
  auto raised = listener.wait_for(
      [](const auto& e) {
        return e.kind == AlarmEventKind::raised &&
               e.condition.kind == core::AlarmConditionKind::technical &&
               e.condition.technical == core::TechnicalCondition::disconnected;
      },
      10s);
  ASSERT_TRUE(raised) << "no disconnected alarm";
  const auto unplugged_at = b.epoch + std::chrono::milliseconds(static_cast<int>((10 - 7) * 1000));
  EXPECT_LE(raised->seen_at - unplugged_at, 1s);
  EXPECT_GE(raised->seen_at - unplugged_at, -100ms);
  EXPECT_EQ(raised->event.priority, AlarmPriority::medium);
  auto cleared = listener.wait_for(
      [](const auto& e) {
        return e.kind == AlarmEventKind::cleared &&
               e.condition.technical == core::TechnicalCondition::disconnected;
      },
      10s);
  EXPECT_TRUE(cleared) << "the device came back";
  b.station->end_session();
  // Two connection rows: the first closed when the pty went away, the second at session end.
  SQLite::Statement q(store.db,
                      "SELECT family, identity, connected_utc_ms, disconnected_utc_ms FROM "
                      "device_connections WHERE session_id = ? ORDER BY id");
  q.bind(1, session);
  int rows = 0;
  while (q.executeStep()) {
    ++rows;
    EXPECT_EQ(q.getColumn(0).getString(), "nonin-df2");
    EXPECT_EQ(q.getColumn(1).getString(), b.simulator->link_path());
    EXPECT_FALSE(q.getColumn(3).isNull());
    EXPECT_LE(q.getColumn(2).getInt64(), q.getColumn(3).getInt64());
  }
  EXPECT_EQ(rows, 2);
}

// A session that brings its own alarm profile replaces the engine: the new engine must still
// know a device that had already gone silent (its driver reports no_data once), or the silence
// would never alarm during the session.
TEST_F(PipelineFixture, ASessionStartedOnASilentDeviceStillAlarmsNoData) {
  const sim::Timeline timeline = *sim::make_scenario("silence");  // silent from 10 s
  Bedside b = bedside("nonin-df2", timeline, 8);
  ASSERT_TRUE(listener.wait_for_condition(
      [](const auto& c) { return c.kind == core::DeviceConditionKind::no_data && c.active; }, 15s))
      << "the driver never reported the silence";
  SessionRecording r;
  r.recorder = recorder.get();
  r.actor = store.nurse;
  r.session_id = session;
  r.profile = core::default_alarm_profile();
  const auto begun = std::chrono::steady_clock::now();
  b.station->begin_session(std::move(r));
  const auto is_no_data_raised = [&](const SeenEvent& e) {
    return e.seen_at >= begun && e.event.kind == AlarmEventKind::raised &&
           e.event.condition.kind == core::AlarmConditionKind::technical &&
           e.event.condition.technical == core::TechnicalCondition::no_data;
  };
  const auto deadline = begun + 25s;  // the no_data delay (10 s) runs from the silence
  bool raised = false;
  while (!raised && std::chrono::steady_clock::now() < deadline) {
    for (const auto& e : listener.events()) raised = raised || is_no_data_raised(e);
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(raised) << "the new engine did not learn that the device is silent";
  b.station->end_session();
}

// Phases are advanced through the store (the clinician's form, another workstation,
// vigilctl); the station follows the session in its database file, so the engine's
// phase-dependent priorities and the screen's phase change with it.
TEST_F(PipelineFixture, ThePhaseFollowsTheSessionInTheDatabase) {
  Bedside b = bedside("nonin-df2", sim::Timeline(sim::normal_vitals()), 0);
  SessionRecording r;
  r.recorder = recorder.get();
  r.actor = store.nurse;
  r.session_id = session;
  r.info.phase = core::SessionPhase::dosing;
  r.database_file = store.file;
  b.station->begin_session(std::move(r));
  const db::NewAdministration a = db::test::iv_ketamine(session, 35, store.now);
  recorder->run_clinical([&](db::Store& writer) {  // the one writer connection
    db::record_administration(writer, store.nurse, a, store.tick());
    db::advance_session(writer, store.nurse, session, core::SessionPhase::observation,
                        store.tick());
  });
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (listener.last_snapshot().session.phase != core::SessionPhase::observation &&
         std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(listener.last_snapshot().session.phase, core::SessionPhase::observation);
  b.station->end_session();
}

TEST_F(PipelineFixture, SnapshotsAreAtMostThirtyASecondAndShowTheValues) {
  Bedside b = bedside("nonin-df2", sim::Timeline(sim::normal_vitals()), 0);
  const auto start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(2500ms);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto n = listener.snapshots();
  EXPECT_LE(static_cast<double>(n), 30.0 * (elapsed + 0.4));
  EXPECT_GE(static_cast<double>(n), 15.0 * elapsed) << "snapshots keep coming";
  const ScreenSnapshot s = listener.last_snapshot();
  ASSERT_TRUE(s.channel(Channel::spo2).value);
  EXPECT_EQ(*s.channel(Channel::spo2).value, *sim::normal_vitals().spo2);
  EXPECT_EQ(s.channel(Channel::spo2).absence, Absence::none);
  EXPECT_EQ(s.channel(Channel::spo2).low_limit, 90);
  ASSERT_EQ(s.devices.size(), 1u);
  EXPECT_TRUE(s.devices[0].connected);
  EXPECT_TRUE(s.session.active);
}

}  // namespace
}  // namespace vigil::station::test

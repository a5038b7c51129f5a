// What the station's alarm log row says of a condition episode, written through the recorder
// into a real database file.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "db/db_test_support.hpp"
#include "session_event_log.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::station {
namespace {

using core::AlarmEventKind;
using core::AlarmPriority;
using core::LimitComparison;

struct EventLogFixture : ::testing::Test {
  db::test::StoreFixture store;
  db::RowId session = store.dosing_session();
  std::unique_ptr<db::Recorder> recorder =
      std::make_unique<db::Recorder>(db::Store::open(store.file, db::OpenMode::open_existing));
  SessionEventLog log{*recorder, store.nurse, session};
  int second = 0;

  void submit(AlarmEventKind kind, std::optional<AlarmPriority> priority = std::nullopt,
              std::optional<double> threshold = std::nullopt,
              std::optional<double> value = std::nullopt) {
    core::AlarmEvent e;
    e.kind = kind;
    e.condition = core::limit_condition(core::Channel::spo2, core::LimitSide::low);
    e.priority = priority;
    if (threshold) {
      e.limit = core::AlarmLimit{
          *threshold, *threshold < 88 ? LimitComparison::at_or_below : LimitComparison::below};
    }
    e.value = value;
    e.utc_time = core::UtcTime(std::chrono::milliseconds(store.now + 1000 * ++second));
    e.who = "nina";
    log.submit(e);
  }

  // priority, limit_in_force, triggering_value, acknowledged_by (0 when none), ended
  std::tuple<std::string, std::string, double, std::int64_t, bool> row() {
    log.flush();
    SQLite::Statement q(store.db,
                        "SELECT priority, limit_in_force, triggering_value, acknowledged_by, "
                        "end_utc_ms FROM alarm_events WHERE session_id = ?");
    q.bind(1, session);
    EXPECT_TRUE(q.executeStep());
    auto out = std::make_tuple(
        q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getDouble(),
        q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64(), !q.getColumn(4).isNull());
    EXPECT_FALSE(q.executeStep()) << "one row per episode";
    return out;
  }
};

TEST_F(EventLogFixture, TheRowKeepsTheEpisodesWorstPriorityLimitAndValue) {
  submit(AlarmEventKind::raised, AlarmPriority::medium, 90, 88);
  submit(AlarmEventKind::escalated, AlarmPriority::high, 85, 83);
  submit(AlarmEventKind::de_escalated, AlarmPriority::medium, 90, 87);
  submit(AlarmEventKind::cleared, std::nullopt, std::nullopt, 93);
  const auto [priority, limit, value, acknowledged_by, ended] = row();
  EXPECT_EQ(priority, "high");
  EXPECT_EQ(limit, "spo2 at or below 85 %");
  EXPECT_EQ(value, 83);
  EXPECT_EQ(acknowledged_by, 0);
  EXPECT_TRUE(ended);
}

TEST_F(EventLogFixture, ALatchedConditionAcknowledgedAfterItClearedIsRecorded) {
  submit(AlarmEventKind::raised, AlarmPriority::high, 85, 84);
  submit(AlarmEventKind::cleared, std::nullopt, std::nullopt, 95);
  submit(AlarmEventKind::acknowledged, AlarmPriority::high);
  submit(AlarmEventKind::latched_cleared, AlarmPriority::high);
  const auto [priority, limit, value, acknowledged_by, ended] = row();
  EXPECT_TRUE(ended);
  EXPECT_EQ(acknowledged_by, store.nurse.id);
}

}  // namespace
}  // namespace vigil::station

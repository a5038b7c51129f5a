// The aftercare list: a patient's closed dosing sessions, newest first, each with the
// integration sessions planned from it and whether their note is signed.
#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/aftercare_reader.hpp"
#include "vigil/db/discharge_store.hpp"
#include "vigil/db/session_store.hpp"

using namespace vigil;
using namespace vigil::db;
using namespace vigil::db::test;

namespace {

constexpr UtcMs kMinute = 60'000;

RowId closed_session(StoreFixture& f) {
  const RowId id = f.dosing_session();
  const UtcMs dosed = f.now;
  record_administration(f.store, f.nurse, iv_ketamine(id, 35, dosed), f.tick());
  advance_session(f.store, f.nurse, id, core::SessionPhase::observation, f.tick());
  f.now = dosed + 121 * kMinute;
  record_discharge_facts(f, id, f.now);
  record_close_facts(f, id);
  close_session(f.store, f.nurse, id, f.tick());
  return id;
}

}  // namespace

TEST(DbAftercareReader, ClosedDosingSessionsNewestFirstWithTheirIntegrationSessions) {
  StoreFixture f;
  const RowId open = f.dosing_session();
  const RowId first = closed_session(f);
  const RowId second = closed_session(f);
  const RowId video = create_integration_session(
      f.store, f.clinician, {first, VisitMode::video, f.now + 3 * 24 * 60 * kMinute}, f.tick());
  const auto list = read_closed_dosing_sessions(f.store, f.nurse, f.patient, f.tick());
  ASSERT_EQ(list.size(), 2u) << "the open session " << open << " is not aftercare yet";
  EXPECT_EQ(list[0].id, second);
  EXPECT_EQ(list[1].id, first);
  EXPECT_GT(list[1].closed_utc_ms, list[1].planned_utc_ms);
  EXPECT_TRUE(list[0].integrations.empty());
  ASSERT_EQ(list[1].integrations.size(), 1u);
  EXPECT_EQ(list[1].integrations[0].id, video);
  EXPECT_EQ(list[1].integrations[0].visit_mode, "video");
  EXPECT_EQ(list[1].integrations[0].phase, core::SessionPhase::planned);
  EXPECT_FALSE(list[1].integrations[0].note_signed);
  EXPECT_THROW(read_closed_dosing_sessions(f.store, f.nurse, 999, f.tick()), NotFound);
  EXPECT_THROW(read_closed_dosing_sessions(f.store, f.admin, f.patient, f.tick()),
               PermissionDenied);
}

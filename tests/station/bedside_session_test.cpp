// Starting the planned session at the bedside: the station's checks come before the session
// moves, so a refused start leaves the record as it was.
#include <gtest/gtest.h>

#include <string>

#include "alarm_profile_toml.hpp"
#include "bedside_session.hpp"
#include "db/db_test_support.hpp"
#include "session_lookup.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::station {
namespace {

std::string phase_of(db::test::StoreFixture& f, db::RowId id) {
  return f.db.execAndGet("SELECT phase FROM sessions WHERE id = " + std::to_string(id)).getString();
}

TEST(BedsideSession, StartingThePlannedSessionMovesItToPreDose) {
  db::test::StoreFixture f;
  const db::RowId id = f.planned_session();
  const auto s = start_patient_session(f.store, f.nurse, "MRN-1", f.tick());
  EXPECT_EQ(s.id, id);
  EXPECT_EQ(s.info.phase, core::SessionPhase::pre_dose);
  EXPECT_EQ(s.info.patient_id, "MRN-1");
  EXPECT_EQ(phase_of(f, id), "pre_dose");
}

TEST(BedsideSession, AStoredProfileThatDoesNotLoadLeavesTheSessionPlanned) {
  db::test::StoreFixture f;
  const db::RowId id = f.planned_session();
  db::set_session_alarm_profile(f.store, f.clinician, id, "latching = maybe", f.tick());
  try {
    start_patient_session(f.store, f.nurse, "MRN-1", f.tick());
    FAIL() << "started with a profile that does not load";
  } catch (const db::ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("alarm profile does not load"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(phase_of(f, id), "planned");
}

// Latching is a site setting (docs/clinical.md): a session's profile cannot change it.
TEST(BedsideSession, LatchingComesFromTheSiteSetting) {
  db::test::StoreFixture f;
  const db::RowId id = f.planned_session();
  EXPECT_FALSE(start_patient_session(f.store, f.nurse, "MRN-1", f.tick()).profile.latching)
      << "no site setting: the default profile's";
  db::set_site_setting(f.store, f.admin, "latching", "true", f.tick());
  EXPECT_TRUE(lookup_session_for_station(f.store, f.nurse, id, f.tick()).profile.latching);
  auto profile = core::default_alarm_profile();
  profile.latching = false;
  db::set_session_alarm_profile(f.store, f.clinician, id, config::to_toml(profile), f.tick());
  const auto s = lookup_session_for_station(f.store, f.nurse, id, f.tick());
  EXPECT_TRUE(s.profile_from_session);
  EXPECT_TRUE(s.profile.latching) << "the site's setting wins";
}

TEST(BedsideSession, AnUnknownPatientIsNamed) {
  db::test::StoreFixture f;
  try {
    start_patient_session(f.store, f.nurse, "MRN-404", f.tick());
    FAIL();
  } catch (const db::NotFound& e) {
    EXPECT_STREQ(e.what(), "patient MRN-404: no such patient");
  }
}

}  // namespace
}  // namespace vigil::station

// Reading a session for the station through the store: role-checked and audited when a person
// opens it, not audited for the station's own watch; database files are owner-only.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "db_test_support.hpp"
#include "vigil/db/session_reader.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::db {
namespace {

using test::StoreFixture;

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

TEST(DbSessionReader, OpeningASessionReturnsWhatTheStationNeedsAndIsAudited) {
  StoreFixture f;
  const RowId id = f.planned_session();
  set_session_alarm_profile(f.store, f.clinician, id, "# a profile", f.tick());
  const auto before = f.audit_count();
  const SessionOpening s = open_session_record(f.store, f.nurse, id, f.tick());
  EXPECT_EQ(s.id, id);
  EXPECT_EQ(s.phase, core::SessionPhase::planned);
  EXPECT_EQ(s.alarm_profile, "# a profile");
  EXPECT_EQ(s.patient_identifier, "MRN-1");
  EXPECT_EQ(s.patient_name, "Pat Doe");
  EXPECT_EQ(f.audit_count(), before + 1);
  EXPECT_EQ(f.last_action(), "open_record");
  EXPECT_EQ(
      f.db.execAndGet("SELECT actor_name FROM audit_log ORDER BY seq DESC LIMIT 1").getString(),
      "nina");
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbSessionReader, AnAdminMayNotOpenAPatientsSessionAndTheRefusalIsAudited) {
  StoreFixture f;
  const RowId id = f.planned_session();
  EXPECT_THROW(open_session_record(f.store, f.admin, id, f.tick()), PermissionDenied);
  EXPECT_EQ(f.last_action(), "refused");
  EXPECT_THROW(open_patients_open_session(f.store, f.admin, "MRN-1", f.tick()), PermissionDenied);
}

TEST(DbSessionReader, RefusalsNameTheFieldAndTheRule) {
  StoreFixture f;
  try {
    open_session_record(f.store, f.nurse, 99, f.tick());
    ADD_FAILURE() << "no such session was opened";
  } catch (const NotFound& e) {
    EXPECT_STREQ(e.what(), "session 99: no such session");
  }
  EXPECT_THROW(open_patients_open_session(f.store, f.nurse, "", f.tick()), ValidationError);
  try {
    open_patients_open_session(f.store, f.nurse, "MRN-404", f.tick());
    ADD_FAILURE();
  } catch (const NotFound& e) {
    EXPECT_STREQ(e.what(), "patient MRN-404: no such patient");
  }
  try {
    open_patients_open_session(f.store, f.nurse, "MRN-1", f.tick());
    ADD_FAILURE();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "patient MRN-1: no open session; a clinician plans the session first");
  }
}

TEST(DbSessionReader, ThePatientsNewestOpenDosingSessionIsOpened) {
  StoreFixture f;
  f.planned_session();
  const RowId newer = f.planned_session();
  EXPECT_EQ(open_patients_open_session(f.store, f.nurse, "MRN-1", f.tick()).id, newer);
}

TEST(DbSessionReader, TheStationWatchReadsPhaseAndPreDoseBpWithoutAuditing) {
  StoreFixture f;
  const RowId id = f.dosing_session();
  const auto before = f.audit_count();
  const SystemIdentity watch{"station record watch"};
  const SessionWatchState s =
      read_session_watch_state(f.store, watch, id, f.now, std::chrono::minutes(5));
  EXPECT_EQ(s.phase, core::SessionPhase::dosing);
  ASSERT_TRUE(s.pre_dose_bp);
  EXPECT_EQ(*s.pre_dose_bp, std::make_pair(120.0, 80.0));
  EXPECT_EQ(f.audit_count(), before) << "a once-a-second watch fills no audit log";
  EXPECT_FALSE(read_session_watch_state(f.store, watch, 99, f.now, std::chrono::minutes(5)).phase);
}

TEST(DbFileMode, ADatabaseTheStoreCreatesIsOwnerOnlyAndSoAreItsWalAndShm) {
  test::TempDir dir;
  const auto file = dir / "new.db";
  auto store = Store::open(file, OpenMode::create_or_open);
  set_site_setting(
      store,
      create_first_admin(store, "admin", test::kPassword, test::kT0, PasswordCost::cheapest()),
      "latching", "true", test::kT0);
  EXPECT_EQ(mode_of(file), 0600u);
  EXPECT_EQ(mode_of(file.string() + "-wal"), 0600u);
  EXPECT_EQ(mode_of(file.string() + "-shm"), 0600u);
}

TEST(DbFileMode, AnExistingFileKeepsTheModeItsOwnerGaveIt) {
  test::TempDir dir;
  const auto file = dir / "given.db";
  { Store::open(file, OpenMode::create_or_open); }
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  { Store::open(file, OpenMode::open_existing); }
  EXPECT_EQ(mode_of(file), 0640u);
}

}  // namespace
}  // namespace vigil::db

// Patients as the bedside forms find and add them, and a chair's "Today" list.
#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/session_reader.hpp"

namespace vigil::db {
namespace {

using test::StoreFixture;
using test::validation_message;

std::vector<std::string> identifiers(const std::vector<PatientRecord>& found) {
  std::vector<std::string> out;
  for (const auto& p : found) out.push_back(p.identifier);
  return out;
}

NewPatient patient(std::string identifier, std::string name) {
  return {std::move(identifier), std::move(name), "1975-06-30", "male", 82.5};
}

TEST(DbPatientSearch, FindsByIdentifierPrefixOrNameWithoutCaseExactIdentifierFirst) {
  StoreFixture f;
  create_patient(f.store, f.nurse, patient("MRN-10", "Ann Lee"), f.tick());
  create_patient(f.store, f.nurse, patient("X-7", "Mrn Smith"), f.tick());
  EXPECT_EQ(identifiers(find_patients(f.store, f.nurse, "MRN-1", f.tick())),
            (std::vector<std::string>{"MRN-1", "MRN-10"}))
      << "the exact identifier first, then by name";
  EXPECT_EQ(identifiers(find_patients(f.store, f.clinician, "lee", f.tick())),
            std::vector<std::string>{"MRN-10"});
  EXPECT_EQ(identifiers(find_patients(f.store, f.auditor, "mrn", f.tick())),
            (std::vector<std::string>{"MRN-10", "X-7", "MRN-1"}))
      << "Ann Lee, Mrn Smith, Pat Doe";
  const auto found = find_patients(f.store, f.nurse, "MRN-1", f.tick());
  EXPECT_EQ(found[0].name, "Pat Doe");
  EXPECT_EQ(found[0].date_of_birth, "1980-04-02");
  EXPECT_EQ(found[0].weight_kg, 70.0);
}

TEST(DbPatientSearch, WildcardsInTheQueryMatchOnlyThemselves) {
  StoreFixture f;
  create_patient(f.store, f.nurse, patient("A_1", "Under Score"), f.tick());
  create_patient(f.store, f.nurse, patient("AB1", "No Score"), f.tick());
  EXPECT_EQ(identifiers(find_patients(f.store, f.nurse, "A_", f.tick())),
            std::vector<std::string>{"A_1"});
  EXPECT_TRUE(find_patients(f.store, f.nurse, "%", f.tick()).empty());
}

TEST(DbPatientSearch, ABlankQueryAndAnAdminAreRefusedAndASearchIsNotAudited) {
  StoreFixture f;
  EXPECT_EQ(validation_message([&] { find_patients(f.store, f.nurse, "  ", f.tick()); }),
            "query: required, must not be blank");
  EXPECT_THROW(find_patients(f.store, f.admin, "MRN", f.tick()), PermissionDenied);
  const auto before = f.audit_count();
  find_patients(f.store, f.nurse, "MRN", f.tick());
  EXPECT_EQ(f.audit_count(), before);
}

TEST(DbPatientRules, DateOfBirthNotInTheFutureAndWeightTwentyToThreeHundredKg) {
  StoreFixture f;  // now: 2026-09-21 (UTC)
  EXPECT_EQ(validation_message([&] {
              create_patient(f.store, f.nurse,
                             {"N-1", "Future Child", "2026-09-22", "female", 30.0}, f.now);
            }),
            "date_of_birth: must not be in the future (got '2026-09-22')");
  EXPECT_NO_THROW(
      create_patient(f.store, f.nurse, {"N-2", "Born Today", "2026-09-21", "female", 20.0}, f.now));
  EXPECT_EQ(validation_message([&] {
              create_patient(f.store, f.nurse, {"N-3", "Light", "1990-01-01", "male", 19.9}, f.now);
            }),
            "weight_kg: must be 20-300 kg (got 19.9)");
  EXPECT_NO_THROW(
      create_patient(f.store, f.nurse, {"N-4", "Heavy", "1990-01-01", "male", 300.0}, f.now));
  EXPECT_EQ(validation_message(
                [&] { update_patient_weight(f.store, f.nurse, f.patient, 300.5, f.tick()); }),
            "weight_kg: must be 20-300 kg (got 300.5)");
}

TEST(DbPatientRules, AWeightUpdateIsAuditedWithTheOldValueKept) {
  StoreFixture f;
  update_patient_weight(f.store, f.nurse, f.patient, 72.5, f.tick());
  SQLite::Statement q(f.db,
                      "SELECT old_value, new_value FROM audit_log WHERE action = 'update_patient'");
  ASSERT_TRUE(q.executeStep());
  EXPECT_NE(q.getColumn(0).getString().find("\"weight_kg\":70"), std::string::npos)
      << q.getColumn(0).getString();
  EXPECT_NE(q.getColumn(1).getString().find("\"weight_kg\":72.5"), std::string::npos)
      << q.getColumn(1).getString();
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbTodayList, AChairsOpenSessionsPlannedInTheWindowInPlannedOrder) {
  StoreFixture f;
  const UtcMs day = f.now;
  const RowId first = f.planned_session();  // chair 2, at day + 1 s
  NewSession other;
  other.patient_id = f.patient;
  other.chair = "chair 3";
  other.planned_utc_ms = day + 5000;
  create_session(f.store, f.clinician, other, f.tick());
  const RowId second = f.planned_session();
  const RowId ended = f.planned_session();
  end_session_early(f.store, f.nurse, ended, "patient cancelled", f.tick());
  const auto today =
      sessions_planned_for_chair(f.store, f.nurse, "chair 2", day, day + 86'400'000, f.tick());
  ASSERT_EQ(today.size(), 2u);
  EXPECT_EQ(today[0].id, first);
  EXPECT_EQ(today[1].id, second);
  EXPECT_EQ(today[0].patient_identifier, "MRN-1");
  EXPECT_EQ(today[0].patient_name, "Pat Doe");
  EXPECT_EQ(today[0].phase, core::SessionPhase::planned);
  EXPECT_TRUE(sessions_planned_for_chair(f.store, f.nurse, "chair 2", day + 86'400'000,
                                         day + 2 * 86'400'000, f.tick())
                  .empty());
  EXPECT_EQ(validation_message(
                [&] { sessions_planned_for_chair(f.store, f.nurse, "", day, day + 1, f.now); }),
            "chair: required, must not be blank");
  EXPECT_EQ(validation_message(
                [&] { sessions_planned_for_chair(f.store, f.nurse, "c", day, day, f.now); }),
            "to_utc_ms: must be after from_utc_ms");
  EXPECT_THROW(sessions_planned_for_chair(f.store, f.admin, "chair 2", day, day + 1, f.now),
               PermissionDenied);
}

}  // namespace
}  // namespace vigil::db

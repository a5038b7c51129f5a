// A dose's witness (and its waste's) is a second person who may give the drug; a refusal names
// the field and writes nothing.
#include <gtest/gtest.h>

#include "db_test_support.hpp"

namespace vigil::db {
namespace {

using test::StoreFixture;

std::int64_t administrations(StoreFixture& f) {
  return f.db.execAndGet("SELECT count(*) FROM administrations").getInt64();
}

std::string refusal(StoreFixture& f, const NewAdministration& d) {
  return test::validation_message([&] { record_administration(f.store, f.nurse, d, f.tick()); });
}

TEST(DbDoseWitness, TheAdministratorCannotWitnessTheirOwnDose) {
  StoreFixture f;
  auto d = test::iv_ketamine(f.dosing_session(), 35, f.now);
  d.witness_id = f.nurse.id;
  EXPECT_EQ(refusal(f, d),
            "witness_id: the witness must be another user than nina, who administers");
  EXPECT_EQ(administrations(f), 0);
  EXPECT_EQ(f.last_action(), "refused");
}

TEST(DbDoseWitness, AWitnessIsAnActiveNurseOrClinician) {
  StoreFixture f;
  auto d = test::iv_ketamine(f.dosing_session(), 35, f.now);
  d.witness_id = f.auditor.id;
  EXPECT_EQ(refusal(f, d), "witness_id: user " + std::to_string(f.auditor.id) +
                               " is not an active nurse or clinician");
  d.witness_id = 999;
  EXPECT_EQ(refusal(f, d), "witness_id: user 999 is not an active nurse or clinician");
  set_user_active(f.store, f.admin, f.clinician.id, false, f.tick());
  d.witness_id = f.clinician.id;
  EXPECT_EQ(refusal(f, d), "witness_id: user " + std::to_string(f.clinician.id) +
                               " is not an active nurse or clinician");
  EXPECT_EQ(administrations(f), 0);
}

TEST(DbDoseWitness, WasteHasTheSameRuleAndAClinicianWitnessIsAccepted) {
  StoreFixture f;
  auto d = test::iv_ketamine(f.dosing_session(), 35, f.now);
  d.waste_mg = 15;
  d.waste_method = "drain, witnessed";
  d.waste_witness_id = f.nurse.id;
  EXPECT_EQ(refusal(f, d),
            "waste_witness_id: the witness must be another user than nina, who administers");
  d.witness_id = f.clinician.id;
  d.waste_witness_id = f.clinician.id;
  EXPECT_EQ(refusal(f, d), "(accepted)");
  EXPECT_EQ(administrations(f), 1);
}

}  // namespace
}  // namespace vigil::db

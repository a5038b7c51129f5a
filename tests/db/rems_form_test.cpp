// The REMS Patient Monitoring Form filled from the record: values, missing fields in words, the
// 7-day deadline, and who may print it.
#include "vigil/db/rems_form.hpp"

#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/session_store.hpp"

namespace vigil::db {
namespace {

constexpr UtcMs kDay = 86'400'000;

struct Rems : ::testing::Test {
  test::StoreFixture f;
  RowId session = f.dosing_session(56);
  UtcMs dosed_at = f.now;

  void SetUp() override {
    record_administration(f.store, f.nurse,
                          test::dose(session, core::DoseRoute::esketamine_nasal, 28, dosed_at),
                          f.tick());
  }
  const RemsFormField& field(const RemsForm& form, const std::string& label) {
    for (const auto& x : form.fields) {
      if (x.label == label) return x;
    }
    throw std::runtime_error("no field " + label);
  }
};

TEST_F(Rems, FillsWhatTheRecordHoldsAndListsWhatIsMissingWithTheReason) {
  const auto form = read_rems_form(f.store, f.clinician, session, f.tick());
  EXPECT_EQ(field(form, "Name").value, "Pat Doe");
  EXPECT_EQ(field(form, "Sex").value, "female");
  EXPECT_EQ(field(form, "Dose").value, "other: 28 mg") << "one device of two so far";
  EXPECT_EQ(field(form, "Lot number").value, "LOT-1");
  EXPECT_EQ(field(form, "BP before administration").value, "120/80 mmHg");
  EXPECT_EQ(field(form, "Acceptable before administration").value,
            "yes (pre-dose BP 120/80 mmHg, within 140/90)");
  EXPECT_EQ(field(form, "Serious adverse events").value, "no");
  const auto has = [&](const std::string& line) {
    return std::find(form.missing.begin(), form.missing.end(), line) != form.missing.end();
  };
  EXPECT_TRUE(has("First treatment: not answered on the pre-dose checklist"));
  EXPECT_TRUE(has("Benzodiazepines: not answered on the pre-dose checklist"));
  EXPECT_TRUE(has("BP at about 40 minutes: no BP taken in its checkpoint window"));
  EXPECT_TRUE(
      has("Monitoring provider (name, phone, email): site setting "
          "rems.monitoring_provider is not set (an admin sets it)"));
  EXPECT_TRUE(has("Sedation: ready to leave is not recorded"));
  EXPECT_FALSE(has("Name: ")) << "the record always holds the patient";
}

TEST_F(Rems, IsDueWithinSevenCalendarDaysOfTheTreatment) {
  const auto form = read_rems_form(f.store, f.auditor, session, f.tick());
  EXPECT_EQ(form.treatment_utc_ms, dosed_at);
  EXPECT_EQ(form.due_utc_ms, (dosed_at / kDay + 8) * kDay - 1);
  EXPECT_EQ(form.days_left, 7) << "kT0 is early on its day";
  EXPECT_EQ(read_rems_form(f.store, f.auditor, session, form.due_utc_ms).days_left, 0);
  EXPECT_EQ(read_rems_form(f.store, f.auditor, session, form.due_utc_ms + 1).days_left, -1);
  EXPECT_EQ(read_rems_form(f.store, f.auditor, session, form.due_utc_ms + 3 * kDay).days_left, -3);
}

TEST_F(Rems, IsForEsketamineSessionsAndIsPrintedByAClinicianOrAnAuditor) {
  EXPECT_THROW(read_rems_form(f.store, f.nurse, session, f.tick()), PermissionDenied);
  const RowId iv = f.dosing_session(50);
  EXPECT_EQ(test::validation_message([&] { read_rems_form(f.store, f.clinician, iv, f.tick()); }),
            "session " + std::to_string(iv) +
                ": the REMS Patient Monitoring Form is for esketamine sessions (this one has no "
                "esketamine planned or given)");
  const auto before = f.audit_count();
  read_rems_form(f.store, f.clinician, session, f.tick());
  EXPECT_EQ(f.audit_count(), before + 1);
  EXPECT_EQ(f.last_action(), "export_report");
}

}  // namespace
}  // namespace vigil::db

#include "plan_session_form.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <nlohmann/json.hpp>

#include "clinical_test_support.hpp"
#include "vigil/db/session_panel.hpp"
#include "vigil/db/site_store.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::PlanSessionForm;

namespace {

void pickPatientAndDose(PlanSessionForm& form, DoseRoute route, const char* mg) {
  QTest::keyClicks(form.picker()->queryEdit(), "MRN-1");
  QTest::keyClick(form.picker()->queryEdit(), Qt::Key_Return);
  form.selectTreatment(route);
  QTest::keyClicks(form.doseEdit(), mg);
}

QStringList comboItems(const QComboBox& box) {
  QStringList out;
  for (int i = 0; i < box.count(); ++i) out << box.itemText(i);
  return out;
}

nlohmann::json sessionRow(t::ClinicalFixture& f, db::RowId id) {
  return nlohmann::json::parse(f.store([&](db::Store& s) {
    return db::read_session_records(s, f.auditor, "sessions", id, f.now).at(0);
  }));
}

}  // namespace

TEST(PlanSessionForm, ANursePlanningIsRefusedWithTheRoleAndNothingIsPlanned) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  PlanSessionForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  QSignalSpy planned(&form, &PlanSessionForm::sessionPlanned);
  pickPatientAndDose(form, DoseRoute::esketamine_nasal, "56");
  QTest::mouseClick(form.planButton(), Qt::LeftButton);
  EXPECT_EQ(form.refusalAt("").toStdString(),
            "A clinician plans sessions: role nurse may not create_session");
  EXPECT_EQ(planned.count(), 0);
  EXPECT_TRUE(f.plannedToday().empty());
  EXPECT_EQ(form.doseEdit()->text(), "56");  // kept
  EXPECT_EQ(t::shortTouchTargets(form).toStdString(), "");
  t::savePng(form, "form-plan-refused-nurse.png");
}

TEST(PlanSessionForm, AClinicianPlansTheTreatmentWithMgPerKgShownAsTyped) {
  t::ClinicalFixture f;
  f.signIn(f.clinician);
  PlanSessionForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  QSignalSpy planned(&form, &PlanSessionForm::sessionPlanned);
  QSignalSpy changed(f.gateway.get(), &vigil::gui::ClinicalGateway::recordChanged);
  EXPECT_EQ(form.chairEdit()->text(), "chair 2");
  pickPatientAndDose(form, DoseRoute::iv, "35");
  EXPECT_EQ(form.perKgText(), "0.50 mg/kg (70 kg)");
  QTest::keyClick(form.doseEdit(), Qt::Key_Return);  // Enter plans
  ASSERT_EQ(planned.count(), 1);
  EXPECT_EQ(changed.count(), 1);
  EXPECT_TRUE(form.refusalAt("").isEmpty());
  const auto today = f.plannedToday();
  ASSERT_EQ(today.size(), 1u);
  EXPECT_EQ(today[0].id, planned.front().at(0).toLongLong());
  EXPECT_EQ(today[0].patient_identifier, "MRN-1");
  EXPECT_EQ(today[0].planned_dose_mg, 35.0);
  EXPECT_EQ(today[0].planned_utc_ms / 60000, f.now / 60000);  // the local time typed, in UTC
  const auto panel = f.store(
      [&](db::Store& s) { return db::read_session_panel(s, f.auditor, today[0].id, f.now); });
  EXPECT_EQ(panel.planned_route, DoseRoute::iv);
  EXPECT_TRUE(form.statusText().startsWith("Planned: Pat Doe, Ketamine IV infusion, chair 2"))
      << form.statusText().toStdString();
  EXPECT_TRUE(sessionRow(f, today[0].id)["nurse_id"].is_null()) << "(not assigned)";
  t::savePng(form, "form-plan-planned.png");
}

TEST(PlanSessionForm, APlannedDoseOutOfRangeIsRefusedAtTheDoseField) {
  t::ClinicalFixture f;
  f.signIn(f.clinician);
  PlanSessionForm form(*f.gateway);
  form.show();
  pickPatientAndDose(form, DoseRoute::iv, "5000");
  QTest::mouseClick(form.planButton(), Qt::LeftButton);
  EXPECT_TRUE(form.refusalAt("planned_dose_mg").startsWith("planned_dose_mg: must be 0-1000 mg"))
      << form.refusalAt("planned_dose_mg").toStdString();
  EXPECT_TRUE(f.plannedToday().empty());
  form.doseEdit()->setText("lots");
  QTest::mouseClick(form.planButton(), Qt::LeftButton);
  EXPECT_EQ(form.refusalAt("planned_dose_mg"), "planned_dose_mg: not a number (got 'lots')");
}

TEST(PlanSessionForm, WithoutAPatientPickedItAsksForOne) {
  t::ClinicalFixture f;
  f.signIn(f.clinician);
  PlanSessionForm form(*f.gateway);
  form.show();
  QTest::mouseClick(form.planButton(), Qt::LeftButton);
  EXPECT_EQ(form.refusalAt("patient"), "patient: find and pick the patient first");
  EXPECT_TRUE(f.plannedToday().empty());
}

TEST(PlanSessionForm, TheChosenNurseIsPlannedWithTheSessionAndTheBoxIsReachedByKeyboard) {
  t::ClinicalFixture f;
  f.signIn(f.clinician);
  PlanSessionForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  form.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&form));
  QComboBox* nurses = form.nurseBox();
  EXPECT_EQ(comboItems(*nurses), (QStringList{"(not assigned)", "nina", "nora"}))
      << "the active nurses only, by name";
  EXPECT_EQ(nurses->currentIndex(), 0);
  form.picker()->list()->setFocus();
  QTest::keyClick(form.picker()->list(), Qt::Key_Tab);
  EXPECT_EQ(QApplication::focusWidget(), nurses) << "Tab from the patients found reaches Nurse";
  QTest::keyClick(nurses, Qt::Key_Tab);
  EXPECT_EQ(QApplication::focusWidget(), form.treatmentBox()) << "then the treatment";
  form.doseEdit()->setFocus();
  QTest::keyClick(form.doseEdit(), Qt::Key_N, Qt::AltModifier);
  EXPECT_EQ(QApplication::focusWidget(), nurses) << "Alt+N reaches Nurse";
  pickPatientAndDose(form, DoseRoute::iv, "35");
  nurses->setCurrentIndex(nurses->findText("nora"));
  EXPECT_EQ(t::shortTouchTargets(form).toStdString(), "");
  t::savePng(form, "form-plan-nurse.png");
  QSignalSpy planned(&form, &PlanSessionForm::sessionPlanned);
  QTest::mouseClick(form.planButton(), Qt::LeftButton);
  ASSERT_EQ(planned.count(), 1) << form.refusalAt("").toStdString();
  const auto row = sessionRow(f, planned.front().at(0).toLongLong());
  EXPECT_EQ(row["nurse_id"], f.nurse2.id) << row.dump();
  EXPECT_EQ(row["clinician_id"], f.clinician.id);
}

TEST(PlanSessionForm, TheNurseListIsReadAgainWhenTheFormIsShownAndKeepsTheChoice) {
  t::ClinicalFixture f;
  f.signIn(f.clinician);
  PlanSessionForm form(*f.gateway);
  form.show();
  form.nurseBox()->setCurrentIndex(form.nurseBox()->findText("nora"));
  form.hide();
  f.store([&](db::Store& s) {
    db::add_user(s, f.admin, "ann", db::Role::nurse, t::kPassword, f.tick(),
                 db::PasswordCost::cheapest());
    db::set_user_active(s, f.admin, f.nurse.id, false, f.tick());
  });
  form.show();
  EXPECT_EQ(comboItems(*form.nurseBox()), (QStringList{"(not assigned)", "ann", "nora"}));
  EXPECT_EQ(form.nurseBox()->currentText(), "nora");
  f.gateway->signOut();
  EXPECT_EQ(comboItems(*form.nurseBox()), QStringList{"(not assigned)"}) << "signed out";
}

TEST(PlanSessionForm, AStoredSiteProfileIsOfferedAndStoredWithTheSession) {
  t::ClinicalFixture f;
  const std::string toml = "[spo2]\nlow = 88\n";
  f.store([&](db::Store& s) {
    db::set_site_setting(s, f.admin, "alarm_profile.copd", toml, f.now);
    return 0;
  });
  f.signIn(f.clinician);
  PlanSessionForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  EXPECT_EQ(comboItems(*form.profileBox()), (QStringList{"site default", "copd"}));
  pickPatientAndDose(form, DoseRoute::iv, "35");
  form.profileBox()->setCurrentText("copd");
  QSignalSpy planned(&form, &PlanSessionForm::sessionPlanned);
  QTest::mouseClick(form.planButton(), Qt::LeftButton);
  ASSERT_EQ(planned.count(), 1) << form.refusalAt("").toStdString();
  const auto row = sessionRow(f, planned.front().at(0).toLongLong());
  EXPECT_EQ(row["alarm_profile"], toml) << "the clinician's choice, on the audited session row";
}

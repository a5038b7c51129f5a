#include "patient_form.hpp"

#include <gtest/gtest.h>

#include <QTest>

#include "clinical_test_support.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::gui::PatientForm;

namespace {

std::vector<db::PatientRecord> find(t::ClinicalFixture& f, const std::string& q) {
  return f.store([&](db::Store& s) { return db::find_patients(s, f.nurse, q, f.now); });
}

void typeNewPatient(PatientForm& form, const char* weight) {
  QTest::keyClicks(form.identifierEdit(), "MRN-2");
  QTest::keyClicks(form.nameEdit(), "Sam Roe");
  form.birthDateEdit()->setDate(QDate(1975, 6, 30));
  form.sexBox()->setCurrentText("male");
  QTest::keyClicks(form.weightEdit(), weight);
}

}  // namespace

TEST(PatientForm, AddsAPatientWithEnterAndShowsItFound) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  PatientForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  typeNewPatient(form, "82.5");
  QTest::keyClick(form.weightEdit(), Qt::Key_Return);
  EXPECT_EQ(form.statusText(), "Added Sam Roe (MRN-2)");
  const auto found = find(f, "MRN-2");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Sam Roe");
  EXPECT_EQ(found[0].date_of_birth, "1975-06-30");
  EXPECT_EQ(found[0].sex, "male");
  EXPECT_EQ(found[0].weight_kg, 82.5);
  ASSERT_TRUE(form.picker()->selected());
  EXPECT_EQ(form.picker()->selected()->identifier, "MRN-2");
  EXPECT_EQ(t::shortTouchTargets(form).toStdString(), "");
  t::savePng(form, "form-patients-added.png");
}

TEST(PatientForm, AnImplausibleWeightIsRefusedBesideTheFieldAndTheInputKept) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  PatientForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  typeNewPatient(form, "5");
  const auto audit_before = f.auditCount();
  QTest::mouseClick(form.addButton(), Qt::LeftButton);
  EXPECT_EQ(form.refusalAt("weight_kg").left(28).toStdString(), "weight_kg: must be 20-300 kg");
  EXPECT_TRUE(form.refusalAt("identifier").isEmpty());
  EXPECT_EQ(form.identifierEdit()->text(), "MRN-2");
  EXPECT_EQ(form.weightEdit()->text(), "5");
  EXPECT_TRUE(find(f, "MRN-2").empty());
  EXPECT_EQ(f.auditCount(), audit_before + 1);  // the refusal itself, no patient row
  t::savePng(form, "form-patients-refused.png");

  form.weightEdit()->setText("seventy");
  QTest::mouseClick(form.addButton(), Qt::LeftButton);
  EXPECT_EQ(form.refusalAt("weight_kg"), "weight_kg: not a number (got 'seventy')");
  EXPECT_EQ(f.auditCount(), audit_before + 1);  // refused by the form: nothing reached the store
}

TEST(PatientForm, UpdatesTheFoundPatientsWeight) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  PatientForm form(*f.gateway);
  form.show();
  QTest::keyClicks(form.picker()->queryEdit(), "doe");
  QTest::keyClick(form.picker()->queryEdit(), Qt::Key_Return);
  ASSERT_TRUE(form.picker()->selected());
  EXPECT_EQ(form.picker()->selected()->identifier, "MRN-1");
  EXPECT_TRUE(form.refusalAt("identifier").isEmpty());  // Enter in the search did not add
  QTest::keyClicks(form.newWeightEdit(), "400");
  QTest::keyClick(form.newWeightEdit(), Qt::Key_Return);
  EXPECT_EQ(form.refusalAt("new weight").left(28).toStdString(), "weight_kg: must be 20-300 kg");
  EXPECT_EQ(find(f, "MRN-1")[0].weight_kg, 70.0);
  form.newWeightEdit()->setText("72");
  QTest::mouseClick(form.updateWeightButton(), Qt::LeftButton);
  EXPECT_TRUE(form.refusalAt("new weight").isEmpty());
  EXPECT_EQ(find(f, "MRN-1")[0].weight_kg, 72.0);
  EXPECT_EQ(form.statusText(), "Weight of Pat Doe is now 72 kg");
}

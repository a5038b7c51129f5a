#include "dose_form.hpp"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "clinical_test_support.hpp"
#include "clinical_time.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::ClinicalGateway;
using vigil::gui::DoseContext;
using vigil::gui::DoseForm;

namespace {

struct DoseFixture : t::ClinicalFixture {
  explicit DoseFixture(DoseRoute route, std::optional<double> planned_mg)
      : planned_route(route), session(dosingSession(route, planned_mg)) {
    signIn(nurse);
    form.resize(t::kPanelWidth, t::kPanelHeight);
    form.setContext(context());
    form.show();
  }
  DoseContext context(std::optional<db::UtcMs> next_device = std::nullopt) const {
    return {session, "Pat Doe (MRN-1)", planned_route, 70.0, next_device};
  }
  std::size_t doses() { return records("administrations", session); }
  void type(const char* mg, const char* lot, const char* witness = "carl") {
    if (!form.doseEdit()->isReadOnly()) form.doseEdit()->setText(mg);
    form.lotEdit()->setText(lot);
    form.witness()->nameEdit()->setText(witness);
    form.witness()->passwordEdit()->setText(t::kPassword);
  }

  DoseRoute planned_route;
  db::RowId session;
  DoseForm form{*gateway};
};

}  // namespace

TEST(DoseForm, ADoseAboveTheRoutesBoundIsRefusedAtTheDoseFieldAndNothingWritten) {
  DoseFixture f(DoseRoute::iv, 35);
  EXPECT_EQ(f.form.route(), DoseRoute::iv);                // the planned route
  EXPECT_FALSE(f.form.overrideReasonEdit()->isEnabled());  // a nurse does not override
  f.type("100", "LOT-7");
  EXPECT_EQ(f.form.perKgText(), "1.43 mg/kg (70 kg)");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  const QString refusal = f.form.refusalAt("dose");
  EXPECT_TRUE(refusal.startsWith("dose refused:")) << refusal.toStdString();
  EXPECT_TRUE(refusal.contains("0.75 mg/kg")) << refusal.toStdString();
  EXPECT_EQ(f.doses(), 0u);
  EXPECT_EQ(f.form.doseEdit()->text(), "100");  // kept
  EXPECT_EQ(f.form.lotEdit()->text(), "LOT-7");
  // The README picture of a refused dose.
  EXPECT_EQ(t::shortTouchTargets(f.form).toStdString(), "");
  t::savePng(f.form, "form-dose-refused.png");
}

TEST(DoseForm, ADoseThatIsNoNumberOrNotPositiveIsRefusedBeforeTheStore) {
  DoseFixture f(DoseRoute::iv, 35);
  const auto audit = f.auditCount();
  f.type("abc", "LOT-7");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_EQ(f.form.refusalAt("dose"), "dose_mg: not a number (got 'abc')");
  f.type("-5", "LOT-7");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_EQ(f.form.refusalAt("dose"), "dose_mg: must be more than 0 mg (got -5)");
  EXPECT_EQ(f.doses(), 0u);
  EXPECT_EQ(f.auditCount(), audit);  // not even a refusal reached the record
}

TEST(DoseForm, AMissingLotIsRefusedAtTheLotField) {
  DoseFixture f(DoseRoute::iv, 35);
  f.type("35", "");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_TRUE(f.form.refusalAt("lot").startsWith("lot: required"));
  EXPECT_TRUE(f.form.refusalAt("dose").isEmpty());
  EXPECT_EQ(f.doses(), 0u);
}

TEST(DoseForm, AFutureTimeIsRefusedAtTheTimeField) {
  DoseFixture f(DoseRoute::iv, 35);
  f.type("35", "LOT-7");
  f.form.givenNowBox()->setChecked(false);
  f.form.givenAtEdit()->setDateTime(vigil::gui::localDateTime(f.now + 10 * 60 * 1000));
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_TRUE(f.form.refusalAt("given at").startsWith("start time: must not be in the future"))
      << f.form.refusalAt("given at").toStdString();
  EXPECT_EQ(f.doses(), 0u);
}

TEST(DoseForm, AWitnessWhoIsTheAdministratorIsRefusedAtTheWitnessField) {
  DoseFixture f(DoseRoute::iv, 35);
  f.type("35", "LOT-7", "nina");  // nina is signed in and gives the dose
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_EQ(f.form.refusalAt("witness").toStdString(),
            "witness_id: the witness must be another user than nina, who administers");
  EXPECT_EQ(f.doses(), 0u);
  EXPECT_TRUE(f.form.witness()->passwordEdit()->text().isEmpty());  // never kept
  EXPECT_EQ(f.form.witness()->nameEdit()->text(), "nina");
}

TEST(DoseForm, AWrongWitnessPasswordIsRefusedAtTheWitnessField) {
  DoseFixture f(DoseRoute::iv, 35);
  f.type("35", "LOT-7");
  f.form.witness()->passwordEdit()->setText("not the password");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_TRUE(f.form.refusalAt("witness").startsWith("witness: authentication failed"))
      << f.form.refusalAt("witness").toStdString();
  EXPECT_EQ(f.doses(), 0u);
  ASSERT_TRUE(f.gateway->user());
  EXPECT_EQ(f.gateway->user()->name, "nina");  // the station's user did not change
}

TEST(DoseForm, AnIvDoseWithAWitnessIsRecordedWithEnterAndMarkedOnTheTrends) {
  DoseFixture f(DoseRoute::iv, 35);
  QSignalSpy dose(f.gateway.get(), &ClinicalGateway::doseRecorded);
  QSignalSpy changed(f.gateway.get(), &ClinicalGateway::recordChanged);
  f.type("35", "LOT-7");
  f.form.wasteEdit()->setText("5");
  f.form.wasteMethodEdit()->setText("sink, witnessed");
  f.form.wasteWitness()->nameEdit()->setText("nora");
  f.form.wasteWitness()->passwordEdit()->setText(t::kPassword);
  QTest::keyClick(f.form.lotEdit(), Qt::Key_Return);
  EXPECT_TRUE(f.form.refusalAt("").isEmpty()) << f.form.refusalAt("").toStdString();
  ASSERT_EQ(f.doses(), 1u);
  ASSERT_EQ(dose.count(), 1);
  EXPECT_EQ(dose.front().at(0).value<db::RowId>(), f.session);
  EXPECT_EQ(dose.front().at(1).value<db::UtcMs>(), f.now);
  EXPECT_EQ(dose.front().at(2).toString(), "ketamine IV 35 mg");
  EXPECT_EQ(changed.count(), 1);
  const std::string row = f.store([&](db::Store& s) {
    return db::read_session_records(s, f.auditor, "administrations", f.session, f.now)[0];
  });
  EXPECT_NE(row.find("\"lot\":\"LOT-7\""), std::string::npos) << row;
  EXPECT_NE(row.find("\"witness_id\":" + std::to_string(f.clinician.id)), std::string::npos);
  EXPECT_NE(row.find("\"waste_witness_id\":" + std::to_string(f.nurse2.id)), std::string::npos);
  EXPECT_TRUE(f.form.statusText().startsWith("Recorded: ketamine IV 35 mg"));
}

TEST(DoseForm, ASecondEsketamineDeviceWithinFiveMinutesIsRefusedByTheStore) {
  DoseFixture f(DoseRoute::esketamine_nasal, 56);
  EXPECT_EQ(f.form.doseEdit()->text(), "28");
  EXPECT_TRUE(f.form.doseEdit()->isReadOnly());
  f.type("28", "LOT-E");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  ASSERT_EQ(f.doses(), 1u) << f.form.refusalAt("").toStdString();
  f.tick(2 * 60 * 1000);
  f.type("28", "LOT-E");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);  // the form was not told the spacing
  const QString refusal = f.form.refusalAt("dose");
  EXPECT_TRUE(refusal.contains("at least 5 min")) << refusal.toStdString();
  EXPECT_EQ(f.doses(), 1u);
}

TEST(DoseForm, GiveWaitsForTheEsketamineRestWithACountdown) {
  DoseFixture f(DoseRoute::esketamine_nasal, 56);
  f.form.setContext(f.context(f.now + 3 * 60 * 1000));
  EXPECT_FALSE(f.form.giveButton()->isEnabled());
  EXPECT_EQ(f.form.spacingText(), "Next device in 3:00");
  f.type("28", "LOT-E");
  QTest::keyClick(f.form.lotEdit(), Qt::Key_Return);  // Enter does not give either
  EXPECT_EQ(f.doses(), 0u);
  t::savePng(f.form, "form-dose-esketamine-wait.png");
  f.tick(3 * 60 * 1000);
  QTest::qWait(1100);  // the countdown's next second
  EXPECT_TRUE(f.form.giveButton()->isEnabled());
  EXPECT_TRUE(f.form.spacingText().isEmpty());
}

TEST(DoseForm, AClinicianGivesABoundBreakingDoseWithAnOverrideReason) {
  DoseFixture f(DoseRoute::iv, 35);
  f.gateway->signOut();
  f.signIn(f.clinician);
  f.form.hide();
  f.form.show();
  ASSERT_TRUE(f.form.overrideReasonEdit()->isEnabled());
  f.type("60", "LOT-7", "nina");
  f.form.overrideReasonEdit()->setText("tolerance: 0.86 mg/kg agreed with the medical director");
  QTest::mouseClick(f.form.giveButton(), Qt::LeftButton);
  EXPECT_TRUE(f.form.refusalAt("dose").isEmpty()) << f.form.refusalAt("dose").toStdString();
  EXPECT_EQ(f.doses(), 1u);
}

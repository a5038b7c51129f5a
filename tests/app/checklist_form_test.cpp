#include "checklist_form.hpp"

#include <gtest/gtest.h>

#include <QTest>

#include "clinical_test_support.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::core::PreDoseItem;
using vigil::core::SessionPhase;
using vigil::gui::ChecklistForm;

namespace {

struct ChecklistFixture : t::ClinicalFixture {
  explicit ChecklistFixture(DoseRoute route, double systolic = 120, double diastolic = 80)
      : session(plannedSession(route, route == DoseRoute::iv ? 35.0 : 56.0)) {
    store([&](db::Store& s) {
      db::advance_session(s, nurse, session, SessionPhase::pre_dose, tick());
      db::record_bp(
          s, nurse,
          {session, now, systolic, diastolic, std::nullopt, vigil::core::BpSource::device}, tick());
    });
  }
  void open(const db::Actor& who) {
    signIn(who);
    form.resize(t::kPanelWidth, t::kPanelHeight - 52);
    form.setState(panelState());
    form.show();
  }
  db::SessionPanelState panelState() {
    return store([&](db::Store& s) { return db::read_session_panel(s, auditor, session, now); });
  }
  void tickAll() {
    for (std::size_t i = 0; i < vigil::core::pre_dose_item_count; ++i) {
      if (auto* box = form.tick(static_cast<PreDoseItem>(i))) box->setChecked(true);
    }
  }

  db::RowId session;
  ChecklistForm form{*gateway};
};

}  // namespace

TEST(ChecklistForm, AnIncompleteChecklistShowsWhatIsMissingAndDosingStaysRefused) {
  ChecklistFixture f(DoseRoute::esketamine_nasal);
  f.open(f.nurse);
  EXPECT_EQ(f.form.tick(PreDoseItem::baseline_bp_recorded), nullptr);  // a reading, not a tick
  EXPECT_TRUE(f.form.baselineText().startsWith("Baseline BP 120/80 mmHg"))
      << f.form.baselineText().toStdString();
  f.tickAll();
  f.form.tick(PreDoseItem::rems_enrollment_verified)->setChecked(false);
  QTest::mouseClick(f.form.saveButton(), Qt::LeftButton);
  EXPECT_EQ(f.form.missingText(), "Missing: REMS enrollment verified (esketamine)");
  EXPECT_EQ(f.records("checklists", f.session), 1u);
  const auto s = f.panelState();
  EXPECT_FALSE(s.checklist_complete);
  ASSERT_FALSE(s.next_steps.empty());
  EXPECT_FALSE(s.next_steps[0].allowed);
  t::savePng(f.form, "form-checklist-missing.png");
}

TEST(ChecklistForm, ACompleteChecklistWithTheRemsFactsAndAPhq9AllowsDosing) {
  ChecklistFixture f(DoseRoute::esketamine_nasal);
  f.open(f.nurse);
  f.tickAll();
  EXPECT_EQ(f.form.fact("first_treatment")->currentText(), "yes");  // no earlier esketamine
  for (const std::string& name : db::pre_dose_fact_names()) {
    if (name != "first_treatment") f.form.fact(name)->setCurrentIndex(1);  // no
  }
  f.form.fact("concomitant_opioids")->setCurrentIndex(2);  // yes
  f.form.phq9Box()->setChecked(true);
  for (int i = 0; i < 9; ++i) f.form.phq9Item(i)->setValue(i == 8 ? 1 : 2);
  EXPECT_TRUE(f.form.phq9FlagText().startsWith("PHQ-9 item 9 (thoughts of self-harm)"));
  QTest::keyClick(&f.form, Qt::Key_Return);  // Enter saves
  EXPECT_EQ(f.form.statusText(), "Checklist saved: complete");
  EXPECT_TRUE(f.form.missingText().isEmpty());
  EXPECT_TRUE(f.panelState().checklist_complete);
  const std::string row = f.store([&](db::Store& s) {
    return db::read_session_records(s, f.auditor, "checklists", f.session, f.now)[0];
  });
  EXPECT_NE(row.find("concomitant_opioids"), std::string::npos) << row;
  EXPECT_EQ(f.records("observations", f.session), 2u);  // the BP and the PHQ-9
}

TEST(ChecklistForm, ABaselineAbove140Over90ShowsTheAdvisory) {
  ChecklistFixture f(DoseRoute::iv, 150, 95);
  f.open(f.nurse);
  EXPECT_TRUE(f.form.advisoryText().contains("consider deferring"))
      << f.form.advisoryText().toStdString();
  t::savePng(f.form, "form-checklist-advisory.png");
}

TEST(ChecklistForm, AClinicianOverridesWithAReasonANurseCannot) {
  ChecklistFixture f(DoseRoute::iv);
  f.open(f.nurse);
  EXPECT_FALSE(f.form.overrideReasonEdit()->isEnabled());
  f.gateway->signOut();
  f.signIn(f.clinician);
  f.form.hide();
  f.form.show();
  ASSERT_TRUE(f.form.overrideReasonEdit()->isEnabled());
  f.form.tick(PreDoseItem::identity_confirmed)->setChecked(true);
  f.form.overrideReasonEdit()->setText("consent re-confirmed verbally, form signed after");
  QTest::mouseClick(f.form.saveButton(), Qt::LeftButton);
  EXPECT_TRUE(f.form.refusalShown().isEmpty()) << f.form.refusalShown().toStdString();
  const auto s = f.panelState();
  EXPECT_TRUE(s.checklist_complete);
  EXPECT_EQ(s.checklist_override_reason, "consent re-confirmed verbally, form signed after");
}

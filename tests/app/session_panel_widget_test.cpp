#include "session_panel_widget.hpp"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "clinical_test_support.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::core::SessionPhase;
using vigil::gui::ClinicalGateway;
using vigil::gui::SessionPanelWidget;

namespace {

struct PanelFixture : t::ClinicalFixture {
  PanelFixture() {
    signIn(nurse);
    panel.resize(t::kPanelWidth, t::kPanelHeight - 52);
  }
  void open(db::RowId id) {
    gateway->setActiveSession(id);
    panel.show();
    panel.refresh();
  }
  SessionPhase phase(db::RowId id) {
    return store([&](db::Store& s) { return db::read_session_panel(s, auditor, id, now).phase; });
  }
  // pre_dose with a BP 120/80 from the device and a checklist with only the identity ticked.
  db::RowId preDoseWithIncompleteChecklist() {
    const db::RowId id = plannedSession(DoseRoute::iv, 35);
    store([&](db::Store& s) {
      db::advance_session(s, nurse, id, SessionPhase::pre_dose, tick());
      db::record_bp(s, nurse, {id, now, 120, 80, std::nullopt, vigil::core::BpSource::device},
                    tick());
      db::record_checklist(
          s, nurse,
          {id, db::ChecklistKind::pre_dose, {{"identity_confirmed", true}}, now, std::nullopt},
          tick());
    });
    return id;
  }

  SessionPanelWidget panel{*gateway};
};

}  // namespace

TEST(SessionPanelWidget, ShowsThePhaseTheCheckpointsAndTheTimeSinceTheFirstDose) {
  PanelFixture f;
  const db::RowId id = f.dosingSession(DoseRoute::iv, 35);
  const db::UtcMs given = f.now;
  f.store([&](db::Store& s) {
    return db::record_administration(s, f.nurse, db::test::iv_ketamine(id, 35, given), f.now);
  });
  f.tick(1000);
  f.tick(64 * 1000);
  f.open(id);
  EXPECT_EQ(f.panel.phaseLabelText(), "Dosing");
  EXPECT_EQ(f.panel.sinceDoseText(), "since first dose 0:01:05");
  EXPECT_TRUE(f.panel.headerText().startsWith("Pat Doe (MRN-1), 46 y, 70 kg"))
      << f.panel.headerText().toStdString();
  EXPECT_TRUE(f.panel.checkpointsText().contains("Pre-dose BP: met"))
      << f.panel.checkpointsText().toStdString();
  EXPECT_TRUE(f.panel.checkpointsText().contains("by device"));
  EXPECT_TRUE(f.panel.nextCheckpointLabel().startsWith("Next BP: 40-min BP due in"))
      << f.panel.nextCheckpointLabel().toStdString();
  EXPECT_TRUE(f.panel.summaryText().contains("35 mg at")) << f.panel.summaryText().toStdString();
  EXPECT_TRUE(f.panel.doseButton()->isEnabled());
  EXPECT_FALSE(f.panel.checklistButton()->isEnabled());
  t::savePng(f.panel, "form-session-panel-dosing.png");
}

TEST(SessionPanelWidget, DosingIsRefusedWithTheRuleWhileTheChecklistIsIncomplete) {
  PanelFixture f;
  const db::RowId id = f.preDoseWithIncompleteChecklist();
  f.open(id);
  QPushButton* to_dosing = f.panel.stepButton(SessionPhase::dosing);
  ASSERT_NE(to_dosing, nullptr);
  EXPECT_FALSE(to_dosing->isEnabled());
  EXPECT_TRUE(f.panel.stepReasonsText().startsWith("Dosing: "))
      << f.panel.stepReasonsText().toStdString();
  EXPECT_TRUE(f.panel.stepReasonsText().contains("checklist"));
  const auto audit = f.auditCount();
  f.panel.advanceTo(SessionPhase::dosing);  // as if pressed anyway: the store has the last word
  EXPECT_TRUE(f.panel.refusalText().contains("checklist")) << f.panel.refusalText().toStdString();
  EXPECT_EQ(f.phase(id), SessionPhase::pre_dose);
  EXPECT_EQ(f.auditCount(), audit + 1);  // the refusal, no phase change
  t::savePng(f.panel, "form-session-panel-refused-step.png");
}

TEST(SessionPanelWidget, AnAllowedStepAdvancesTheSession) {
  PanelFixture f;
  const db::RowId id = f.plannedSession(DoseRoute::esketamine_nasal, 56);
  f.open(id);
  QPushButton* to_pre_dose = f.panel.stepButton(SessionPhase::pre_dose);
  ASSERT_NE(to_pre_dose, nullptr);
  ASSERT_TRUE(to_pre_dose->isEnabled());
  QTest::mouseClick(to_pre_dose, Qt::LeftButton);
  EXPECT_EQ(f.phase(id), SessionPhase::pre_dose);
  EXPECT_EQ(f.panel.phaseLabelText(), "Pre-dose");
  EXPECT_TRUE(f.panel.checklistButton()->isEnabled());
}

TEST(SessionPanelWidget, AManualBpIsRecordedAndMeetsThePreDoseCheckpoint) {
  PanelFixture f;
  const db::RowId id = f.plannedSession(DoseRoute::iv, 35);
  f.store(
      [&](db::Store& s) { db::advance_session(s, f.nurse, id, SessionPhase::pre_dose, f.tick()); });
  f.open(id);
  const auto before = f.records("observations", id);
  QTest::keyClicks(f.panel.systolicEdit(), "80");
  QTest::keyClicks(f.panel.diastolicEdit(), "120");
  QTest::keyClick(f.panel.diastolicEdit(), Qt::Key_Return);
  EXPECT_FALSE(f.panel.refusalText().isEmpty());  // systolic below diastolic: the store's rule
  EXPECT_EQ(f.records("observations", id), before);
  f.panel.systolicEdit()->setText("130");
  f.panel.diastolicEdit()->setText("85");
  QTest::mouseClick(f.panel.recordBpButton(), Qt::LeftButton);
  EXPECT_TRUE(f.panel.refusalText().isEmpty()) << f.panel.refusalText().toStdString();
  EXPECT_EQ(f.records("observations", id), before + 1);
  EXPECT_TRUE(f.panel.checkpointsText().contains("Pre-dose BP: met"))
      << f.panel.checkpointsText().toStdString();
  EXPECT_TRUE(f.panel.checkpointsText().contains("manual"));
}

TEST(SessionPanelWidget, MeasureNowAsksTheDeviceAndTheFormButtonsLeaveAsSignals) {
  PanelFixture f;
  const db::RowId id = f.preDoseWithIncompleteChecklist();
  f.open(id);
  QSignalSpy nibp(f.gateway.get(), &ClinicalGateway::nibpRequested);
  QSignalSpy checklist(&f.panel, &SessionPanelWidget::checklistRequested);
  QTest::mouseClick(f.panel.measureButton(), Qt::LeftButton);
  QTest::mouseClick(f.panel.checklistButton(), Qt::LeftButton);
  EXPECT_EQ(nibp.count(), 1);
  EXPECT_EQ(checklist.count(), 1);
}

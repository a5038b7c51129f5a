#include "clinical_panel.hpp"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "checklist_form.hpp"
#include "clinical_test_support.hpp"
#include "dose_form.hpp"
#include "patient_form.hpp"
#include "session_panel_widget.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using Page = vigil::gui::ClinicalPanel::Page;
using vigil::core::DoseRoute;
using vigil::gui::ClinicalGateway;
using vigil::gui::ClinicalPanel;

TEST(ClinicalPanel, PagesByButtonAndKeyAndEscapeReturns) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  ClinicalPanel panel(*f.gateway);
  panel.resize(t::kPanelWidth, t::kPanelHeight);
  panel.show();
  panel.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
  EXPECT_EQ(panel.currentPage(), Page::today);
  QTest::keyClick(&panel, Qt::Key_F3);
  EXPECT_EQ(panel.currentPage(), Page::patients);
  QTest::keyClick(panel.patientForm()->nameEdit(), Qt::Key_Escape);
  EXPECT_EQ(panel.currentPage(), Page::today);  // no session recording
  QTest::mouseClick(panel.pageButton(Page::plan), Qt::LeftButton);
  EXPECT_EQ(panel.currentPage(), Page::plan);
  for (QWidget* w : {panel.pageButton(Page::today), panel.pageButton(Page::session)}) {
    EXPECT_GE(w->height(), 48);
  }
  const db::RowId id = f.dosingSession(DoseRoute::iv, 35);
  f.gateway->setActiveSession(id);
  EXPECT_EQ(panel.currentPage(), Page::session);
  QTest::mouseClick(panel.sessionPanel()->doseButton(), Qt::LeftButton);
  EXPECT_EQ(panel.currentPage(), Page::dose);
  QTest::keyClick(panel.doseForm()->lotEdit(), Qt::Key_Escape);
  EXPECT_EQ(panel.currentPage(), Page::session);
  f.gateway->signOut();
  EXPECT_EQ(panel.currentPage(), Page::today);
}

TEST(ClinicalPanel, AnEsketamineDeviceThenTheFiveMinuteRestOnTheDoseForm) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  const db::RowId id = f.dosingSession(DoseRoute::esketamine_nasal, 56);
  f.gateway->setActiveSession(id);
  ClinicalPanel panel(*f.gateway);
  panel.resize(t::kPanelWidth, t::kPanelHeight);
  panel.show();
  QSignalSpy dose(f.gateway.get(), &ClinicalGateway::doseRecorded);
  QTest::mouseClick(panel.sessionPanel()->doseButton(), Qt::LeftButton);
  auto* form = panel.doseForm();
  EXPECT_EQ(form->route(), DoseRoute::esketamine_nasal);  // the planned treatment
  form->lotEdit()->setText("LOT-E");
  form->witness()->nameEdit()->setText("carl");
  form->witness()->passwordEdit()->setText(t::kPassword);
  QTest::mouseClick(form->giveButton(), Qt::LeftButton);
  ASSERT_EQ(dose.count(), 1) << form->refusalAt("").toStdString()
                             << form->refusalAt("dose").toStdString();
  EXPECT_EQ(dose.front().at(2).toString(), "esketamine 28 mg");
  EXPECT_FALSE(form->giveButton()->isEnabled());  // the record's spacing came back at once
  EXPECT_EQ(form->spacingText(), "Next device in 5:00");
  t::savePng(panel, "form-panel-dose-esketamine-rest.png");
  QTest::keyClick(form->lotEdit(), Qt::Key_Escape);
  EXPECT_TRUE(panel.sessionPanel()->summaryText().contains("28 mg at"));
  t::savePng(panel, "form-panel-session.png");
}

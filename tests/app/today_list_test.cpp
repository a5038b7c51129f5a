#include "today_list.hpp"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "clinical_test_support.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::ClinicalGateway;
using vigil::gui::TodayList;

TEST(TodayList, ShowsTodaysSessionsAtThisChairAndStartAsksTheStation) {
  t::ClinicalFixture f;
  const db::RowId first = f.plannedSession(DoseRoute::esketamine_nasal, 56, 60 * 60 * 1000);
  const db::RowId second = f.plannedSession(DoseRoute::iv, 35, 2 * 60 * 60 * 1000);
  f.plannedSession(DoseRoute::iv, 35, 3 * 24 * 60 * 60 * 1000);  // another day: not listed
  f.signIn(f.nurse);
  TodayList list(*f.gateway);
  list.resize(t::kPanelWidth, t::kPanelHeight);
  list.show();
  ASSERT_EQ(list.sessions().size(), 2u);
  EXPECT_EQ(list.sessions()[0].id, first);
  EXPECT_TRUE(list.rowText(1).contains("Pat Doe (MRN-1)  35 mg")) << list.rowText(1).toStdString();
  QSignalSpy start(f.gateway.get(), &ClinicalGateway::startRequested);
  QTest::mouseClick(list.startButton(1), Qt::LeftButton);
  ASSERT_EQ(start.count(), 1);
  EXPECT_EQ(start.front().at(0).value<db::RowId>(), second);
  EXPECT_EQ(t::shortTouchTargets(list).toStdString(), "");
  t::savePng(list, "form-today.png");
}

TEST(TodayList, RefreshesWhenTheRecordChangesAndAsksToSignIn) {
  t::ClinicalFixture f;
  f.signIn(f.nurse);
  TodayList list(*f.gateway);
  list.show();
  EXPECT_TRUE(list.sessions().empty());
  EXPECT_EQ(list.messageText(), "No session planned at this chair today.");
  const db::RowId id = f.plannedSession(DoseRoute::iv, 35, 60 * 1000);
  f.gateway->notifyRecordChanged(id);
  ASSERT_EQ(list.sessions().size(), 1u);
  f.gateway->setActiveSession(id);
  EXPECT_FALSE(list.startButton(0)->isEnabled());  // already recording here
  f.gateway->signOut();
  EXPECT_TRUE(list.sessions().empty());
  EXPECT_EQ(list.messageText().toStdString(), vigil::gui::NotSignedIn().what());
}

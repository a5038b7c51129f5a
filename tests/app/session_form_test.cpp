#include "session_form.hpp"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

using vigil::gui::SessionForm;

TEST(SessionForm, StartNeedsAPatientIdentifierAndEmitsIt) {
  SessionForm form;
  form.show();
  QSignalSpy start(&form, &SessionForm::startRequested);
  EXPECT_FALSE(form.startButton()->isEnabled());
  QTest::keyClicks(form.patientIdEdit(), "P-7");
  QTest::keyClicks(form.patientNameEdit(), "Sam Doe");
  ASSERT_TRUE(form.startButton()->isEnabled());
  QTest::mouseClick(form.startButton(), Qt::LeftButton);
  ASSERT_EQ(start.count(), 1);
  EXPECT_EQ(start.front().at(0).toString(), "P-7");
  EXPECT_EQ(start.front().at(1).toString(), "Sam Doe");
}

TEST(SessionForm, StopWhileASessionRuns) {
  SessionForm form;
  form.show();
  QSignalSpy stop(&form, &SessionForm::stopRequested);
  EXPECT_FALSE(form.stopButton()->isEnabled());
  form.setSession(
      {true, "P-7", "Sam Doe", vigil::core::SessionPhase::observation, std::chrono::seconds(3725)});
  EXPECT_EQ(form.statusText(), "Sam Doe (P-7)  phase: observation  1:02");
  EXPECT_FALSE(form.startButton()->isEnabled());
  QTest::mouseClick(form.stopButton(), Qt::LeftButton);
  EXPECT_EQ(stop.count(), 1);
}

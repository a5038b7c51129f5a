#include "clinical_time.hpp"

#include <gtest/gtest.h>

#include "session_panel_text.hpp"

using namespace vigil::gui;

TEST(ClinicalTime, CountdownsAndDurationsInWords) {
  EXPECT_EQ(hmsText(3'725'000).toStdString(), "1:02:05");
  EXPECT_EQ(hmsText(-5).toStdString(), "0:00:00");
  EXPECT_EQ(msText(180'000).toStdString(), "3:00");
  EXPECT_EQ(msText(179'001).toStdString(), "3:00");  // a countdown rounds up to the second
  EXPECT_EQ(msText(6'235'000).toStdString(), "1:43:55");
}

TEST(ClinicalTime, TheLocalDayHoldsTheTimeAndStoredTimesRoundTrip) {
  const vigil::db::UtcMs t = 1'790'000'000'000;
  const auto [from, to] = localDayWindow(t);
  EXPECT_LE(from, t);
  EXPECT_LT(t, to);
  EXPECT_EQ(localDateTime(from).time(), QTime(0, 0));
  EXPECT_EQ(utcMs(localDateTime(t)), t);
}

TEST(SessionPanelText, ACheckpointSaysHowItWasMetOrWhenItIsDue) {
  using namespace std::chrono;
  const vigil::db::UtcMs now = 1'790'000'000'000;
  const auto at = [](vigil::db::UtcMs ms) { return vigil::core::UtcTime(milliseconds(ms)); };
  vigil::core::CheckpointStatus c;
  c.kind = vigil::core::CheckpointKind::post_dose_bp;
  c.window_start = at(now + 60'000);
  c.due_at = at(now + 360'000);
  c.overdue_at = at(now + 1'260'000);
  EXPECT_TRUE(checkpointStateText(c, now).startsWith("opens in 1:00 (due "));
  EXPECT_EQ(nextCheckpointText({c}, now).toStdString(), "Next BP: 40-min BP due in 6:00");
  c.state = vigil::core::CheckpointState::due;
  EXPECT_EQ(checkpointStateText(c, now).toStdString(), "due now: overdue in 21:00");
  c.state = vigil::core::CheckpointState::met;
  c.met_by = vigil::core::BpReading{130, 85, at(now), vigil::core::BpSource::manual};
  c.met_late = true;
  EXPECT_TRUE(checkpointStateText(c, now).endsWith(", manual (late)"));
  EXPECT_TRUE(nextCheckpointText({c}, now).isEmpty());
  c.state = vigil::core::CheckpointState::overdue;
  EXPECT_EQ(nextCheckpointText({c}, now).toStdString(),
            "Next BP: 40-min BP is overdue, measure now");
}

#include "alarm_bar.hpp"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "alarm_text.hpp"
#include "gui_test_support.hpp"

using vigil::core::AlarmPriority;
using vigil::gui::AlarmBar;
namespace t = vigil::gui::test;

namespace {

void show(AlarmBar& bar, AlarmPriority p, double value = 87) {
  const auto c = t::spo2LowCondition(p, value, p == AlarmPriority::high ? 85 : 90);
  bar.setAnnunciation(t::annunciationFor(c), {vigil::gui::describeCondition(c)}, {});
}

}  // namespace

TEST(AlarmBar, NoAlarmsByDefault) {
  AlarmBar bar;
  bar.resize(1000, 120);
  bar.show();
  EXPECT_EQ(bar.headlineText(), "no alarms");
  EXPECT_FALSE(bar.acknowledgeButton()->isEnabled());
  EXPECT_FALSE(t::isRed(t::cornerColour(bar.headline())));
}

TEST(AlarmBar, HighIsRedMediumYellowLowCyan) {
  AlarmBar bar;
  bar.resize(1000, 120);
  bar.show();
  show(bar, AlarmPriority::high, 82);
  bar.setPhaseForTest(true);
  EXPECT_EQ(bar.headlineText(), QString::fromUtf8("!!! SpO2 LOW 82 \u2264 85 %"));
  EXPECT_TRUE(t::isRed(t::cornerColour(bar.headline())))
      << t::cornerColour(bar.headline()).name().toStdString();
  show(bar, AlarmPriority::medium, 87);
  bar.setPhaseForTest(true);
  EXPECT_EQ(bar.headlineText(), "!! SpO2 LOW 87 < 90 %");
  EXPECT_TRUE(t::isYellow(t::cornerColour(bar.headline())));
  show(bar, AlarmPriority::low, 89);
  EXPECT_TRUE(t::isCyan(t::cornerColour(bar.headline())));
}

TEST(AlarmBar, HighAndMediumFlashAtTheAnnunciationRateLowIsSteady) {
  AlarmBar bar;
  bar.resize(1000, 120);
  bar.show();
  show(bar, AlarmPriority::high);
  EXPECT_TRUE(bar.flashTimer().isFlashing());
  // 2 Hz, 50 % duty: 250 ms on, 250 ms off.
  EXPECT_EQ(bar.flashTimer().onMs() + bar.flashTimer().offMs(), 500);
  bar.setPhaseForTest(true);
  const QImage on = bar.grab().toImage();
  bar.setPhaseForTest(false);
  const QImage off = bar.grab().toImage();
  EXPECT_GT(t::differingPixels(on, off), 1000);
  EXPECT_FALSE(t::isRed(t::cornerColour(bar.headline())));

  show(bar, AlarmPriority::medium);
  EXPECT_NEAR(bar.flashTimer().onMs() + bar.flashTimer().offMs(), 1667, 2);  // 0.6 Hz

  show(bar, AlarmPriority::low);
  EXPECT_FALSE(bar.flashTimer().isFlashing());
  EXPECT_TRUE(bar.flashTimer().isOn());
}

TEST(AlarmBar, FlashTimerTogglesByItself) {
  AlarmBar bar;
  bar.resize(1000, 120);
  bar.show();
  show(bar, AlarmPriority::high);
  QCoreApplication::processEvents();
  const QImage first = bar.grab().toImage();
  QSignalSpy toggles(&bar.flashTimer(), &vigil::gui::FlashTimer::phaseChanged);
  EXPECT_TRUE(toggles.wait(1000));
  EXPECT_GT(t::differingPixels(first, bar.grab().toImage()), 1000);
}

TEST(AlarmBar, RepeatedSnapshotsDoNotRestartTheFlash) {
  AlarmBar bar;
  show(bar, AlarmPriority::high);
  bar.setPhaseForTest(false);
  show(bar, AlarmPriority::high);
  EXPECT_FALSE(bar.flashTimer().isOn());
}

TEST(AlarmBar, ListsEveryVisibleConditionBelowTheHeadline) {
  AlarmBar bar;
  auto a = t::annunciationFor(t::spo2LowCondition(AlarmPriority::high, 82, 85));
  vigil::core::AnnunciatedCondition tech;
  tech.id = vigil::core::technical_condition(vigil::core::TechnicalCondition::sensor_off, 3);
  tech.priority = AlarmPriority::medium;
  a.conditions.push_back(tech);
  QStringList texts;
  for (const auto& c : a.conditions) texts << vigil::gui::describeCondition(c, "Oximeter");
  bar.setAnnunciation(a, texts, {});
  EXPECT_EQ(bar.conditionsText(), "!! Oximeter: sensor off");
}

TEST(AlarmBar, AcknowledgeAndAudioPauseEmitWhenClicked) {
  AlarmBar bar;
  bar.show();
  show(bar, AlarmPriority::medium);
  QSignalSpy ack(&bar, &AlarmBar::acknowledgeRequested);
  QSignalSpy pause(&bar, &AlarmBar::audioPauseRequested);
  QTest::mouseClick(bar.acknowledgeButton(), Qt::LeftButton);
  EXPECT_EQ(ack.count(), 1);
  EXPECT_EQ(pause.count(), 0);
  QTest::mouseClick(bar.audioPauseButton(), Qt::LeftButton);
  EXPECT_EQ(pause.count(), 1);
}

TEST(AlarmBar, AudioPauseCountdownFollowsTheSnapshots) {
  AlarmBar bar;
  auto c = t::spo2LowCondition(AlarmPriority::medium, 87, 90);
  auto a = t::annunciationFor(c);
  const QStringList texts{vigil::gui::describeCondition(c)};
  bar.setAnnunciation(a, texts, {});
  EXPECT_TRUE(bar.countdownText().isEmpty());
  a.audio_state = vigil::core::AudioState::audio_paused;
  a.audio = {};
  a.audio_priority.reset();
  a.audio_pause_remaining = std::chrono::milliseconds(120000);
  bar.setAnnunciation(a, texts, {});
  EXPECT_EQ(bar.countdownText(), "Audio paused 2:00");
  a.audio_pause_remaining = std::chrono::milliseconds(119400);
  bar.setAnnunciation(a, texts, {});
  EXPECT_EQ(bar.countdownText(), "Audio paused 2:00");
  a.audio_pause_remaining = std::chrono::milliseconds(118900);
  bar.setAnnunciation(a, texts, {});
  EXPECT_EQ(bar.countdownText(), "Audio paused 1:59");
  a.audio_pause_remaining = std::chrono::milliseconds(5000);
  bar.setAnnunciation(a, texts, {});
  EXPECT_EQ(bar.countdownText(), "Audio paused 0:05");
  EXPECT_EQ(bar.headlineText(), "!! SpO2 LOW 87 < 90 %");  // the visual signal stays
  a.audio_pause_remaining = {};
  bar.setAnnunciation(a, texts, {});
  EXPECT_TRUE(bar.countdownText().isEmpty());
}

TEST(AlarmBar, AlarmOffStateIsVisible) {
  AlarmBar bar;
  vigil::core::Annunciation a;
  a.audio_state = vigil::core::AudioState::alarm_off;
  bar.setAnnunciation(a, {}, {"SpO2"});
  EXPECT_EQ(bar.alarmOffText(), "ALARM OFF: SpO2");
  EXPECT_EQ(bar.audioStateText(), "alarm off");
}

TEST(AlarmBar, NoAudioOutputIndicator) {
  AlarmBar bar;
  EXPECT_FALSE(bar.audioIndicatorShown());
  show(bar, AlarmPriority::medium);
  EXPECT_EQ(bar.audioStateText(), "audio sounding");
  bar.setAudioAvailable(false, "no audio output");
  EXPECT_TRUE(bar.audioIndicatorShown());
  EXPECT_EQ(bar.audioStateText(), "audio NOT sounding");
  EXPECT_EQ(bar.audioIndicatorText(), "no audio output");
  bar.setAudioAvailable(true);
  EXPECT_FALSE(bar.audioIndicatorShown());
}

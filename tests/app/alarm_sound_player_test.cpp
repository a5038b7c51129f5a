#include "alarm_sound_player.hpp"

#include <gtest/gtest.h>

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSignalSpy>

#include "gui_test_support.hpp"

using vigil::core::AlarmPriority;
using vigil::gui::AlarmSoundPlayer;
namespace t = vigil::gui::test;

TEST(AlarmSoundPlayer, ReportsNoAudioOutputInsteadOfFailingSilently) {
  AlarmSoundPlayer player;
  if (!QMediaDevices::audioOutputs().isEmpty()) GTEST_SKIP() << "an audio output exists here";
  EXPECT_FALSE(player.available());
  EXPECT_EQ(player.unavailableReason(), "no audio output");
  // A sounding alarm with no output: nothing plays and no burst is reported as played, so the
  // engine keeps owing it (the screen shows the technical indicator).
  QSignalSpy played(&player, &AlarmSoundPlayer::burstPlayed);
  const auto a = t::annunciationFor(t::spo2LowCondition(AlarmPriority::high, 80, 85));
  player.update(a, vigil::core::SteadyTime{} + std::chrono::seconds(1));
  EXPECT_FALSE(player.playing());
  EXPECT_EQ(played.count(), 0);
}

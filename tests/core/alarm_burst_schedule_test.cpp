// When the speaker starts which burst: IEC 60601-1-8 pulse counts and repeat intervals, stopping
// on acknowledge and audio pause, a priority change mid-burst, and a brief condition's one burst.
#include "vigil/core/alarm_burst_schedule.hpp"

#include <gtest/gtest.h>

#include "alarm_engine_test_support.hpp"

namespace vigil::core {
namespace {

using namespace std::chrono_literals;
using testing::AlarmEngineTest;

const SteadyTime kT0 = SteadyTime{} + 1000s;

Annunciation sounding(AlarmPriority p) {
  Annunciation a;
  a.highest = p;
  a.audio_state = AudioState::sounding;
  a.audio_priority = p;
  a.audio = audio_pattern_for(p);
  return a;
}

Annunciation silent(AudioState why) {
  Annunciation a;
  a.audio_state = why;
  return a;
}

// Starts a burst of `p` at `at`, lets it end in full after `length` and checks its report.
void play_burst(AlarmBurstSchedule& s, AlarmPriority p, SteadyTime at,
                SteadyTime::duration length) {
  const BurstStep step = s.update(sounding(p), at);
  ASSERT_EQ(step.start, p);
  EXPECT_FALSE(step.stop);
  EXPECT_TRUE(s.playing());
  EXPECT_FALSE(s.update(sounding(p), at + length / 2).start);  // no overlap while it plays
  const std::optional<PlayedBurst> played = s.finished();
  ASSERT_TRUE(played);
  EXPECT_EQ(played->priority, p);
  EXPECT_EQ(played->start, at);
  EXPECT_FALSE(s.playing());
}

TEST(AlarmBurstSchedule, HighPlaysTenPulsesEveryTenSeconds) {
  AlarmBurstSchedule s;
  const BurstStep first = s.update(sounding(AlarmPriority::high), kT0);
  ASSERT_EQ(first.start, AlarmPriority::high);
  EXPECT_EQ(first.pattern.pulses_per_burst, 10);
  EXPECT_EQ(first.pattern.burst_interval, 10s);  // IEC: 2.5-15 s
  EXPECT_TRUE(s.finished());
  EXPECT_FALSE(s.update(sounding(AlarmPriority::high), kT0 + 10s - 1ms).start);
  play_burst(s, AlarmPriority::high, kT0 + 10s, 3s);
  EXPECT_FALSE(s.update(sounding(AlarmPriority::high), kT0 + 20s - 1ms).start);
  EXPECT_EQ(s.update(sounding(AlarmPriority::high), kT0 + 20s).start, AlarmPriority::high);
}

TEST(AlarmBurstSchedule, MediumPlaysThreePulsesEveryTwentyFiveSeconds) {
  AlarmBurstSchedule s;
  const BurstStep first = s.update(sounding(AlarmPriority::medium), kT0);
  ASSERT_EQ(first.start, AlarmPriority::medium);
  EXPECT_EQ(first.pattern.pulses_per_burst, 3);
  EXPECT_EQ(first.pattern.burst_interval, 25s);  // IEC: 2.5-30 s
  EXPECT_TRUE(s.finished());
  EXPECT_FALSE(s.update(sounding(AlarmPriority::medium), kT0 + 25s - 1ms).start);
  EXPECT_EQ(s.update(sounding(AlarmPriority::medium), kT0 + 25s).start, AlarmPriority::medium);
}

TEST(AlarmBurstSchedule, LowPlaysOnePulseAndNeverRepeatsWithinFifteenSeconds) {
  AlarmBurstSchedule s;
  const BurstStep first = s.update(sounding(AlarmPriority::low), kT0);
  ASSERT_EQ(first.start, AlarmPriority::low);
  EXPECT_EQ(first.pattern.pulses_per_burst, 1);  // IEC: 1-2 pulses
  EXPECT_EQ(first.pattern.burst_interval, 0ms);  // played once
  EXPECT_TRUE(s.finished());
  // The engine has not yet been told (snapshots in between still ask for low): no repeat.
  EXPECT_FALSE(s.update(sounding(AlarmPriority::low), kT0 + 15s - 1ms).start);
  EXPECT_EQ(s.update(sounding(AlarmPriority::low), kT0 + 15s).start, AlarmPriority::low);
}

TEST(AlarmBurstSchedule, SilenceStopsTheBurstAndItIsNotReported) {
  for (AudioState why : {AudioState::acknowledged, AudioState::audio_paused,
                         AudioState::no_condition, AudioState::alarm_off}) {
    AlarmBurstSchedule s;
    ASSERT_TRUE(s.update(sounding(AlarmPriority::high), kT0).start);
    const BurstStep step = s.update(silent(why), kT0 + 500ms);
    EXPECT_TRUE(step.stop) << audio_state_name(why);
    EXPECT_FALSE(step.start) << audio_state_name(why);
    EXPECT_FALSE(s.finished()) << audio_state_name(why);
    EXPECT_FALSE(s.update(silent(why), kT0 + 30s).stop) << audio_state_name(why);
    // Sounding again (a new condition, the pause over) starts a burst at once.
    EXPECT_EQ(s.update(sounding(AlarmPriority::high), kT0 + 31s).start, AlarmPriority::high);
  }
}

TEST(AlarmBurstSchedule, LouderPriorityMidBurstSwitchesAtOnce) {
  AlarmBurstSchedule s;
  ASSERT_EQ(s.update(sounding(AlarmPriority::medium), kT0).start, AlarmPriority::medium);
  const BurstStep step = s.update(sounding(AlarmPriority::high), kT0 + 400ms);
  EXPECT_TRUE(step.stop);
  EXPECT_EQ(step.start, AlarmPriority::high);
  EXPECT_EQ(step.pattern.pulses_per_burst, 10);
  const std::optional<PlayedBurst> played = s.finished();
  ASSERT_TRUE(played);  // only the high burst, which played in full, is reported
  EXPECT_EQ(played->priority, AlarmPriority::high);
  EXPECT_EQ(played->start, kT0 + 400ms);
}

TEST(AlarmBurstSchedule, QuieterPriorityMidBurstWaitsForItsInterval) {
  AlarmBurstSchedule s;
  ASSERT_EQ(s.update(sounding(AlarmPriority::high), kT0).start, AlarmPriority::high);
  EXPECT_FALSE(s.update(sounding(AlarmPriority::medium), kT0 + 1s).stop);  // the burst finishes
  ASSERT_TRUE(s.finished());
  EXPECT_FALSE(s.update(sounding(AlarmPriority::medium), kT0 + 25s - 1ms).start);
  EXPECT_EQ(s.update(sounding(AlarmPriority::medium), kT0 + 25s).start, AlarmPriority::medium);
}

TEST(AlarmBurstSchedule, BurstThatCouldNotPlayIsRetriedAtTheInterval) {
  AlarmBurstSchedule s;
  ASSERT_TRUE(s.update(sounding(AlarmPriority::high), kT0).start);
  s.not_completed();  // no audio output
  EXPECT_FALSE(s.playing());
  EXPECT_FALSE(s.finished());
  EXPECT_FALSE(s.update(sounding(AlarmPriority::high), kT0 + 5s).start);
  EXPECT_TRUE(s.update(sounding(AlarmPriority::high), kT0 + 10s).start);
}

// With the real engine: its annunciation drives the schedule, the played burst is reported back.
class AlarmBurstScheduleWithEngine : public AlarmEngineTest {
 protected:
  BurstStep update() { return schedule_.update(annunciation(), steady_); }
  void report_finished() {
    if (const auto played = schedule_.finished()) {
      engine_->audio_burst_played(played->priority, played->start);
    }
  }
  AlarmBurstSchedule schedule_;
};

TEST_F(AlarmBurstScheduleWithEngine, BriefConditionPlaysExactlyOneFullBurst) {
  feed(Channel::spo2, 84);  // high tier, no condition delay
  advance(200ms);
  feed(Channel::spo2, 97);  // cleared before the speaker even started
  ASSERT_EQ(new_events(), "raised:spo2_low:high, cleared:spo2_low:high");
  EXPECT_EQ(update().start, AlarmPriority::high);
  advance(3s);
  report_finished();
  for (int i = 0; i < 30; ++i) {  // a minute of normal values: no second burst
    advance(2s);
    feed(Channel::spo2, 97);
    EXPECT_FALSE(update().start) << i;
  }
}

TEST_F(AlarmBurstScheduleWithEngine, BriefConditionBurstCutShortIsStillOwed) {
  feed(Channel::spo2, 84);
  advance(200ms);
  feed(Channel::spo2, 97);
  ASSERT_TRUE(update().start);
  schedule_.not_completed();  // the output failed mid-burst: nothing reported
  advance(10s);
  feed(Channel::spo2, 97);
  EXPECT_EQ(update().start, AlarmPriority::high);  // still owed, played at the interval
}

TEST_F(AlarmBurstScheduleWithEngine, AcknowledgeStopsTheBurst) {
  feed(Channel::spo2, 84);
  ASSERT_EQ(update().start, AlarmPriority::high);
  advance(500ms);
  engine_->acknowledge_all(now(), "nurse");
  const BurstStep step = update();
  EXPECT_TRUE(step.stop);
  EXPECT_FALSE(step.start);
  for (int i = 0; i < 15; ++i) {  // still low, acknowledged: silent
    advance(1s);
    feed(Channel::spo2, 84);
    EXPECT_FALSE(update().start) << i;
  }
}

TEST_F(AlarmBurstScheduleWithEngine, AudioPauseStopsTheBurstUntilItEnds) {
  feed(Channel::spo2, 84);
  ASSERT_EQ(update().start, AlarmPriority::high);
  advance(500ms);
  engine_->pause_audio(now(), "nurse");
  EXPECT_TRUE(update().stop);
  for (int i = 0; i < 119; ++i) {  // the 2 minute pause, the desaturation going on
    advance(1s);
    feed(Channel::spo2, 84);
    EXPECT_FALSE(update().start) << i;
  }
  advance(1s);
  feed(Channel::spo2, 84);
  EXPECT_EQ(update().start, AlarmPriority::high);  // the pause is over: sounds at once
}

}  // namespace
}  // namespace vigil::core

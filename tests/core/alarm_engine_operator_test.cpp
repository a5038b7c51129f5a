// Operator-facing behaviour: acknowledge, latching, audio pause, alarm off, brief conditions.
#include "alarm_engine_test_support.hpp"

namespace vigil::core::testing {
namespace {

const AlarmConditionId kSpo2Low = limit_condition(Channel::spo2, LimitSide::low);
const AlarmConditionId kPulseHigh = limit_condition(Channel::pulse_rate, LimitSide::high);

TEST_F(AlarmEngineTest, AcknowledgeSilencesWhatIsActiveNowNotLaterConditions) {
  feed(Channel::spo2, 84);
  EXPECT_EQ(annunciation().audio_state, AudioState::sounding);
  engine_->acknowledge_all(now(), "nurse ana");
  EXPECT_EQ(new_events(), "raised:spo2_low:high, acknowledged:spo2_low:high");
  EXPECT_EQ(last_event().who, "nurse ana");
  Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::acknowledged);
  EXPECT_EQ(a.visual.colour, AlarmColour::red);  // the visual signal stays
  ASSERT_EQ(a.conditions.size(), 1u);
  EXPECT_TRUE(a.conditions[0].acknowledged);

  feed(Channel::pulse_rate, 155);  // a later condition sounds
  a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  EXPECT_EQ(a.audio_priority, AlarmPriority::high);
  ASSERT_EQ(a.conditions.size(), 2u);
  EXPECT_FALSE(a.conditions[1].acknowledged);
}

TEST_F(AlarmEngineTest, AcknowledgingOneConditionLeavesAnotherSounding) {
  feed(Channel::spo2, 84);
  feed(Channel::pulse_rate, 155);
  EXPECT_TRUE(engine_->acknowledge(kSpo2Low, now(), "ana"));
  EXPECT_FALSE(engine_->acknowledge(limit_condition(Channel::spo2, LimitSide::high), now(), "x"));
  const Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  for (const auto& c : a.conditions) EXPECT_EQ(c.acknowledged, c.id == kSpo2Low);
}

TEST_F(AlarmEngineTest, EscalationAfterAcknowledgeSoundsAgain) {
  feed(Channel::spo2, 88);
  advance(10s);
  feed(Channel::spo2, 88);
  engine_->acknowledge_all(now(), "ana");
  EXPECT_EQ(annunciation().audio_state, AudioState::acknowledged);
  advance(1s);
  feed(Channel::spo2, 84);
  const Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  EXPECT_EQ(a.audio_priority, AlarmPriority::high);
  advance(1s);
  feed(Channel::spo2, 88);  // de-escalation keeps the new state unacknowledged
  EXPECT_EQ(annunciation().audio_priority, AlarmPriority::high);  // the high burst is owed
  engine_->audio_burst_played(AlarmPriority::high, steady_);
  EXPECT_EQ(annunciation().audio_priority, AlarmPriority::medium);
}

TEST_F(AlarmEngineTest, LatchedConditionStaysUntilAcknowledged) {
  AlarmProfile p = default_alarm_profile();
  p.latching = true;
  start(p);
  feed(Channel::spo2, 84);
  advance(200ms);
  feed(Channel::spo2, 97);
  EXPECT_EQ(new_events(), "raised:spo2_low:high, cleared:spo2_low:high");
  Annunciation a = annunciation();
  ASSERT_EQ(a.conditions.size(), 1u);
  EXPECT_FALSE(a.conditions[0].active);
  EXPECT_TRUE(a.conditions[0].latched);
  EXPECT_EQ(a.visual.colour, AlarmColour::red);
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  advance(1min);
  engine_->acknowledge_all(now(), "ana");
  EXPECT_EQ(new_events(), "acknowledged:spo2_low:high, latched_cleared:spo2_low:high");
  a = annunciation();
  EXPECT_TRUE(a.conditions.empty());
  EXPECT_EQ(a.audio_state, AudioState::no_condition);
}

TEST_F(AlarmEngineTest, AcknowledgedBeforeClearingDoesNotLatch) {
  AlarmProfile p = default_alarm_profile();
  p.latching = true;
  start(p);
  feed(Channel::spo2, 84);
  engine_->acknowledge_all(now(), "ana");
  feed(Channel::spo2, 97);
  EXPECT_TRUE(annunciation().conditions.empty());
}

TEST_F(AlarmEngineTest, WithoutLatchingAClearedConditionLeaves) {
  feed(Channel::pulse_rate, 155);
  feed(Channel::pulse_rate, 100);
  EXPECT_TRUE(annunciation().conditions.empty());
}

TEST_F(AlarmEngineTest, AudioPausePausesTheAudioAndCountsDown) {
  feed(Channel::spo2, 84);
  engine_->pause_audio(now(), "ana");
  EXPECT_EQ(new_events(), "raised:spo2_low:high, audio_paused:alarm_system");
  EXPECT_EQ(last_event().who, "ana");
  advance(30s);
  feed(Channel::spo2, 83);  // the same condition goes on: still paused
  Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::audio_paused);
  EXPECT_EQ(a.audio_pause_remaining, 90s);
  EXPECT_EQ(a.audio.pulses_per_burst, 0);
  EXPECT_EQ(a.visual.colour, AlarmColour::red);
  for (int s = 0; s < 89; ++s) {  // the oximeter goes on sending: no other condition comes
    advance(1s);
    feed(Channel::spo2, 83);
  }
  tick();
  EXPECT_EQ(annunciation().audio_pause_remaining, 1s);
  advance(1s);
  tick();
  EXPECT_EQ(new_events(), "audio_resumed:alarm_system");
  a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  EXPECT_EQ(a.audio_priority, AlarmPriority::high);
}

// Silencing one condition never silences others (docs/alarms.md): pausing answers what was
// signalled; a condition raised during the pause ends it and sounds at once.
TEST_F(AlarmEngineTest, ANewConditionDuringThePauseEndsIt) {
  feed(Channel::pulse_rate, 155);
  engine_->pause_audio(now(), "ana");
  advance(30s);
  feed(Channel::spo2, 84);
  EXPECT_EQ(new_events(),
            "raised:pulse_rate_high:high, audio_paused:alarm_system, raised:spo2_low:high, "
            "audio_resumed:alarm_system");
  EXPECT_EQ(last_event().who, "");
  const Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  EXPECT_EQ(a.audio_priority, AlarmPriority::high);
  EXPECT_EQ(a.audio_pause_remaining, 0s);
  EXPECT_EQ(a.conditions.size(), 2u);
}

TEST_F(AlarmEngineTest, AnEscalationDuringThePauseEndsIt) {
  feed(Channel::spo2, 88);
  advance(10s);
  feed(Channel::spo2, 88);  // medium after its 10 s delay
  engine_->pause_audio(now(), "ana");
  advance(20s);
  feed(Channel::spo2, 88);
  EXPECT_EQ(annunciation().audio_state, AudioState::audio_paused);
  feed(Channel::spo2, 84);  // worse: high
  EXPECT_EQ(new_events(),
            "raised:spo2_low:medium, audio_paused:alarm_system, escalated:spo2_low:high, "
            "audio_resumed:alarm_system");
  EXPECT_EQ(annunciation().audio_state, AudioState::sounding);
  EXPECT_EQ(annunciation().audio_priority, AlarmPriority::high);
}

TEST_F(AlarmEngineTest, AudioPauseLengthComesFromTheProfileAndCanEndEarly) {
  AlarmProfile p = default_alarm_profile();
  p.audio_pause = 60s;
  start(p);
  feed(Channel::spo2, 84);
  engine_->pause_audio(now(), "ana");
  EXPECT_EQ(engine_->audio_pause_remaining(steady_), 60s);
  advance(10s);
  engine_->resume_audio(now(), "ben");
  EXPECT_EQ(new_events(),
            "raised:spo2_low:high, audio_paused:alarm_system, "
            "audio_resumed:alarm_system");
  EXPECT_EQ(last_event().who, "ben");
  EXPECT_EQ(annunciation().audio_state, AudioState::sounding);
}

TEST_F(AlarmEngineTest, BriefConditionDuringPauseEndsItAndOwesItsBurst) {
  engine_->pause_audio(now(), "ana");
  advance(10s);
  feed(Channel::spo2, 84);
  advance(200ms);
  feed(Channel::spo2, 97);
  const Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding) << "the brief desaturation is heard once";
  EXPECT_EQ(a.audio_priority, AlarmPriority::high);
  EXPECT_EQ(a.audio_pause_remaining, 0s);
}

TEST_F(AlarmEngineTest, AlarmOffNeedsAClinician) {
  const AlarmCommandResult refused = engine_->alarm_off(Channel::spo2, now(), "nurse", false);
  EXPECT_FALSE(refused.accepted);
  EXPECT_NE(refused.reason, "");
  EXPECT_FALSE(engine_->is_alarm_off(Channel::spo2));
  EXPECT_EQ(new_events(), "");
}

TEST_F(AlarmEngineTest, AlarmOffIsVisibleRemindsAndStopsEvaluation) {
  feed(Channel::spo2, 84);
  const AlarmCommandResult ok = engine_->alarm_off(Channel::spo2, now(), "dr kim", true);
  EXPECT_TRUE(ok.accepted);
  EXPECT_EQ(new_physiological_events(),
            "raised:spo2_low:high, alarm_off:spo2, cleared:spo2_low:high");
  EXPECT_FALSE(engine_->alarm_off(Channel::spo2, now(), "dr kim", true).accepted);
  feed(Channel::spo2, 70);
  Annunciation a = annunciation();
  EXPECT_TRUE(a.conditions.empty());
  EXPECT_EQ(a.audio_state, AudioState::alarm_off);
  ASSERT_EQ(a.alarms_off.size(), 1u);
  EXPECT_EQ(a.alarms_off[0].channel, Channel::spo2);
  EXPECT_EQ(a.alarms_off[0].who, "dr kim");
  advance(5min - 1ms);
  tick();
  EXPECT_EQ(new_physiological_events(), "");
  advance(1ms);
  tick();
  EXPECT_EQ(new_physiological_events(), "alarm_off_reminder:spo2");
  EXPECT_EQ(last_event().who, "dr kim");
  advance(5min);
  tick();
  EXPECT_EQ(new_physiological_events(), "alarm_off_reminder:spo2");
  engine_->alarm_on(Channel::spo2, now(), "ana");
  feed(Channel::spo2, 70);
  EXPECT_EQ(new_physiological_events(), "alarm_on:spo2, raised:spo2_low:high");
  EXPECT_TRUE(annunciation().alarms_off.empty());
}

TEST_F(AlarmEngineTest, AlarmOffOnOneChannelLeavesOthers) {
  engine_->alarm_off(Channel::spo2, now(), "dr kim", true);
  feed(Channel::pulse_rate, 155);
  EXPECT_EQ(new_events(), "alarm_off:spo2, raised:pulse_rate_high:high");
  EXPECT_EQ(annunciation().audio_state, AudioState::sounding);
}

TEST_F(AlarmEngineTest, BriefConditionStillOwesOneFullBurst) {
  const SteadyTime raised_at = steady_;
  feed(Channel::spo2, 84);
  advance(200ms);
  feed(Channel::spo2, 97);
  EXPECT_EQ(new_events(), "raised:spo2_low:high, cleared:spo2_low:high");
  Annunciation a = annunciation();
  EXPECT_TRUE(a.conditions.empty());
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  EXPECT_EQ(a.audio, audio_pattern_for(AlarmPriority::high));
  engine_->audio_burst_played(AlarmPriority::high, raised_at - 1ms);  // started before: no
  EXPECT_EQ(annunciation().audio_state, AudioState::sounding);
  engine_->audio_burst_played(AlarmPriority::medium, raised_at + 10ms);  // too quiet: no
  EXPECT_EQ(annunciation().audio_state, AudioState::sounding);
  engine_->audio_burst_played(AlarmPriority::high, raised_at + 10ms);
  EXPECT_EQ(annunciation().audio_state, AudioState::no_condition);
}

TEST_F(AlarmEngineTest, LowPriorityPlaysOneBurst) {
  condition(DeviceConditionKind::low_battery, true);
  Annunciation a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::sounding);
  EXPECT_EQ(a.audio.pulses_per_burst, 1);
  EXPECT_EQ(a.visual, visual_pattern_for(AlarmPriority::low));
  engine_->audio_burst_played(AlarmPriority::low, steady_);
  a = annunciation();
  EXPECT_EQ(a.audio_state, AudioState::low_played);
  EXPECT_EQ(a.visual.colour, AlarmColour::cyan);
}

TEST_F(AlarmEngineTest, AnnunciationListsHighestFirstThenOldest) {
  condition(DeviceConditionKind::low_battery, true);
  advance(1s);
  feed(Channel::pulse_rate, 125);
  advance(5s);
  feed(Channel::pulse_rate, 125);                         // medium
  feed(Channel::spo2, 80);                                // high
  condition(DeviceConditionKind::disconnected, true, 2);  // medium, newer
  const Annunciation a = annunciation();
  ASSERT_EQ(a.conditions.size(), 4u);
  EXPECT_EQ(a.highest, AlarmPriority::high);
  EXPECT_EQ(a.conditions[0].id, kSpo2Low);
  EXPECT_EQ(a.conditions[1].id, kPulseHigh);
  EXPECT_EQ(a.conditions[2].id, technical_condition(TechnicalCondition::disconnected, 2));
  EXPECT_EQ(a.conditions[3].id, technical_condition(TechnicalCondition::low_battery, 1));
  EXPECT_EQ(a.visual, visual_pattern_for(AlarmPriority::high));
}

}  // namespace
}  // namespace vigil::core::testing

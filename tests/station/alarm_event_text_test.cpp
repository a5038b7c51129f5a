// alarm_event_text / limit_text: the one-line texts the headless monitor, the demo and the
// session log print (tests/app/demo_cli_test.sh greps the raised SpO2 line).

#include "alarm_event_text.hpp"

#include <gtest/gtest.h>

#include "vigil/core/alarm_condition.hpp"

namespace vigil::station {
namespace {

using core::AlarmEventKind;
using core::AlarmPriority;
using core::Channel;
using core::LimitComparison;
using core::LimitSide;

core::AlarmEvent spo2_low_event(AlarmEventKind kind) {
  core::AlarmEvent e;
  e.kind = kind;
  e.condition = core::limit_condition(Channel::spo2, LimitSide::low);
  e.priority = AlarmPriority::medium;
  e.limit = core::AlarmLimit{90, LimitComparison::below};
  e.value = 87;
  return e;
}

TEST(AlarmEventText, RaisedLimitEventNamesValueAndLimit) {
  EXPECT_EQ(alarm_event_text(spo2_low_event(AlarmEventKind::raised)),
            "raised MEDIUM spo2_low: spo2 87 % (limit spo2 below 90 %)");

  core::AlarmEvent e = spo2_low_event(AlarmEventKind::raised);
  e.device = 1;  // the engine names the oximeter whose reading raised it
  EXPECT_EQ(alarm_event_text(e),
            "raised MEDIUM spo2_low: spo2 87 % (limit spo2 below 90 %) "
            "(device 1)");
}

TEST(AlarmEventText, EscalatedNamesThePreviousPriority) {
  core::AlarmEvent e = spo2_low_event(AlarmEventKind::escalated);
  e.priority = AlarmPriority::high;
  e.previous_priority = AlarmPriority::medium;
  e.limit = core::AlarmLimit{85, LimitComparison::at_or_below};
  e.value = 84.5;
  EXPECT_EQ(alarm_event_text(e),
            "escalated HIGH (was MEDIUM) spo2_low: spo2 84.5 % (limit spo2 at or below 85 %)");
}

TEST(AlarmEventText, HighPulseAndNibpRise) {
  core::AlarmEvent e;
  e.kind = AlarmEventKind::raised;
  e.condition = core::limit_condition(Channel::pulse_rate, LimitSide::high);
  e.priority = AlarmPriority::high;
  e.limit = core::AlarmLimit{150, LimitComparison::above};
  e.value = 162;
  EXPECT_EQ(alarm_event_text(e),
            "raised HIGH pulse_rate_high: pulse_rate 162 bpm "
            "(limit pulse_rate above 150 bpm)");

  e.condition = core::nibp_rise_condition(Channel::nibp_systolic);
  e.priority = AlarmPriority::medium;
  e.limit = core::AlarmLimit{160, LimitComparison::at_or_above};
  e.value = 165;
  EXPECT_EQ(alarm_event_text(e),
            "raised MEDIUM nibp_systolic_rise: nibp_systolic 165 mmHg "
            "(limit nibp_systolic at or above 160 mmHg)");
}

TEST(AlarmEventText, TechnicalEventNamesTheDeviceAndDetail) {
  core::AlarmEvent e;
  e.kind = AlarmEventKind::raised;
  e.condition = core::technical_condition(core::TechnicalCondition::disconnected, 1);
  e.priority = AlarmPriority::medium;
  e.device = 1;
  EXPECT_EQ(alarm_event_text(e), "raised MEDIUM disconnected (device 1)");

  e.condition = core::technical_condition(core::TechnicalCondition::nibp_failed, 2);
  e.priority = AlarmPriority::low;
  e.device = 2;
  e.detail = "loose cuff";
  EXPECT_EQ(alarm_event_text(e), "raised LOW nibp_failed (device 2) - loose cuff");

  e.kind = AlarmEventKind::cleared;
  e.detail = {};
  EXPECT_EQ(alarm_event_text(e), "cleared LOW nibp_failed (device 2)");
}

TEST(AlarmEventText, AcknowledgedNamesWho) {
  core::AlarmEvent e;
  e.kind = AlarmEventKind::acknowledged;
  e.condition = core::limit_condition(Channel::spo2, LimitSide::low);
  e.priority = AlarmPriority::medium;
  e.who = "nurse";
  EXPECT_EQ(alarm_event_text(e), "acknowledged MEDIUM spo2_low by nurse");
}

TEST(AlarmEventText, AudioPauseAndChannelEvents) {
  core::AlarmEvent e;
  e.kind = AlarmEventKind::audio_paused;
  e.who = "nina";
  EXPECT_EQ(alarm_event_text(e), "audio_paused by nina");
  e.kind = AlarmEventKind::audio_resumed;
  e.who = {};
  EXPECT_EQ(alarm_event_text(e), "audio_resumed");

  e.kind = AlarmEventKind::alarm_off;
  e.condition = core::channel_condition(Channel::pulse_rate);
  e.who = "carl";
  EXPECT_EQ(alarm_event_text(e), "alarm_off pulse_rate by carl");
}

TEST(LimitText, ChannelComparisonThresholdAndUnit) {
  EXPECT_EQ(limit_text(Channel::spo2, {90, LimitComparison::below}), "spo2 below 90 %");
  EXPECT_EQ(limit_text(Channel::spo2, {85, LimitComparison::at_or_below}), "spo2 at or below 85 %");
  EXPECT_EQ(limit_text(Channel::pulse_rate, {120, LimitComparison::above}),
            "pulse_rate above 120 bpm");
  EXPECT_EQ(limit_text(Channel::nibp_diastolic, {100, LimitComparison::at_or_above}),
            "nibp_diastolic at or above 100 mmHg");
  EXPECT_EQ(limit_text(Channel::perfusion_index, {0.3, LimitComparison::below}),
            "perfusion_index below 0.3 %");
}

}  // namespace
}  // namespace vigil::station

// validate_alarm_profile: each rule refuses an unsafe profile, naming the key and the rule.
#include <gtest/gtest.h>

#include <functional>
#include <limits>

#include "vigil/core/alarm_profile_validation.hpp"

using namespace vigil::core;
using namespace std::chrono_literals;

namespace {

std::size_t index(Channel c) { return static_cast<std::size_t>(c); }
std::size_t index(TechnicalCondition c) { return static_cast<std::size_t>(c); }

struct ValidationCase {
  const char* name;
  std::function<void(AlarmProfile&)> change;
  const char* key;
  const char* rule_part;
};

class AlarmProfileValidation : public ::testing::TestWithParam<ValidationCase> {};

}  // namespace

TEST(AlarmProfileValidationDefault, DefaultProfileHasNoProblems) {
  EXPECT_EQ(validate_alarm_profile(default_alarm_profile()), std::vector<ProfileProblem>{});
}

TEST_P(AlarmProfileValidation, RefusesNamingKeyAndRule) {
  const auto& c = GetParam();
  AlarmProfile p = default_alarm_profile();
  c.change(p);
  const auto problems = validate_alarm_profile(p);
  std::string all;
  bool found = false;
  for (const auto& pr : problems) {
    found |= pr.key == c.key && pr.rule.find(c.rule_part) != std::string::npos;
    all += "\n  " + pr.key + ": " + pr.rule;
  }
  EXPECT_TRUE(found) << "want `" << c.key << "` with \"" << c.rule_part << "\", got:" << all;
}

// Default limits: [0] spo2 < 90 medium 10 s, [1] spo2 <= 85 high, [2] pr < 50, [3] pr > 120,
// [4] pr < 40 high, [5] pr > 150 high, [6] sys >= 160, [7] dia >= 100, [8] sys >= 180 high,
// [9] dia >= 110 high, [10] sys < 90, [11] map < 65.
INSTANTIATE_TEST_SUITE_P(
    Rules, AlarmProfileValidation,
    ::testing::Values(
        ValidationCase{"low_at_or_above_high", [](auto& p) { p.limits[2].threshold = 130; },
                       "limit[3].threshold", "low >= high"},
        ValidationCase{"low_equal_high", [](auto& p) { p.limits[10].threshold = 160; },
                       "limit[11].threshold", "low >= high"},
        ValidationCase{"threshold_above_range", [](auto& p) { p.limits[0].threshold = 101; },
                       "limit[1].threshold", "outside the physiological range of spo2 (0..100 %)"},
        ValidationCase{"threshold_below_range", [](auto& p) { p.limits[6].threshold = -5; },
                       "limit[7].threshold", "outside the physiological range"},
        ValidationCase{
            "threshold_not_a_number",
            [](auto& p) { p.limits[3].threshold = std::numeric_limits<double>::quiet_NaN(); },
            "limit[4].threshold", "outside the physiological range"},
        ValidationCase{"can_never_trigger", [](auto& p) { p.limits[5].threshold = 350; },
                       "limit[6].threshold", "can never be met"},
        ValidationCase{"delay_over_60_s", [](auto& p) { p.limits[0].delay = 70s; },
                       "limit[1].delay_s", "delay 70 s exceeds the 60 s maximum"},
        ValidationCase{"negative_delay", [](auto& p) { p.limits[0].delay = -1s; },
                       "limit[1].delay_s", "must not be negative"},
        ValidationCase{"nibp_delay_not_zero", [](auto& p) { p.limits[6].delay = 5s; },
                       "limit[7].delay_s", "once per measurement: delay must be 0"},
        ValidationCase{"pleth_limit",
                       [](auto& p) {
                         p.limits.push_back(
                             {Channel::pleth, LimitComparison::below, 10, AlarmPriority::low, 0s});
                       },
                       "limit[13].channel", "waveform"},
        ValidationCase{"high_spo2_tier_missing",
                       [](auto& p) { p.limits[1].priority = AlarmPriority::medium; }, "limit",
                       "no high-priority SpO2 low limit"},
        ValidationCase{"high_spo2_tier_removed",
                       [](auto& p) { p.limits.erase(p.limits.begin() + 1); }, "limit",
                       "no high-priority SpO2 low limit"},
        ValidationCase{"priority_falls_as_value_worsens",
                       [](auto& p) { p.limits[4].priority = AlarmPriority::low; },
                       "limit[5].priority", "priority must not fall"},
        ValidationCase{"duplicate_tier", [](auto& p) { p.limits.push_back(p.limits[3]); },
                       "limit[13]", "duplicates limit[4]"},
        ValidationCase{"negative_hysteresis",
                       [](auto& p) { p.hysteresis[index(Channel::spo2)] = -1; }, "hysteresis.spo2",
                       "must be a number >= 0"},
        ValidationCase{"hysteresis_never_clears",
                       [](auto& p) { p.hysteresis[index(Channel::spo2)] = 15; }, "hysteresis.spo2",
                       "from ever clearing"},
        ValidationCase{"hysteresis_wider_than_gap",
                       [](auto& p) { p.hysteresis[index(Channel::pulse_rate)] = 70; },
                       "hysteresis.pulse_rate", "not smaller than the gap"},
        ValidationCase{"nibp_rise_zero", [](auto& p) { p.nibp_rise.systolic_rise = 0; },
                       "nibp_rise.systolic", "must be > 0"},
        ValidationCase{"nibp_rise_negative", [](auto& p) { p.nibp_rise.diastolic_rise = -25; },
                       "nibp_rise.diastolic", "must be > 0"},
        ValidationCase{
            "technical_delay_over_60_s",
            [](auto& p) { p.technical[index(TechnicalCondition::sensor_off)].delay = 61s; },
            "technical.sensor_off.delay_s", "exceeds the 60 s maximum"},
        ValidationCase{
            "bp_overdue_margin_over_an_hour",
            [](auto& p) { p.technical[index(TechnicalCondition::bp_overdue)].delay = 61min; },
            "technical.bp_overdue.delay_s", "3600 s (60 min) maximum"},
        ValidationCase{
            "disconnected_disabled",
            [](auto& p) { p.technical[index(TechnicalCondition::disconnected)].enabled = false; },
            "technical.disconnected.enabled", "a lost device link must alarm"},
        ValidationCase{
            "no_data_disabled",
            [](auto& p) { p.technical[index(TechnicalCondition::no_data)].enabled = false; },
            "technical.no_data.enabled", "must be true"},
        ValidationCase{"technical_out_of_order",
                       [](auto& p) { std::swap(p.technical[0], p.technical[1]); },
                       "technical.sensor_off", "condition order"},
        ValidationCase{"audio_pause_zero", [](auto& p) { p.audio_pause = 0s; }, "audio_pause_s",
                       "outside 1..300 s"},
        ValidationCase{"audio_pause_too_long", [](auto& p) { p.audio_pause = 301s; },
                       "audio_pause_s", "outside 1..300 s"},
        ValidationCase{"silence_limit_too_long", [](auto& p) { p.silence_limit = 61s; },
                       "silence_limit_s", "outside 1..60 s"},
        ValidationCase{"alarm_off_reminder_zero", [](auto& p) { p.alarm_off_reminder = 0min; },
                       "alarm_off_reminder_min", "outside 1..60 min"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AlarmProfileValidationBounds, AcceptsTheEdgesOfEachRange) {
  AlarmProfile p = default_alarm_profile();
  p.limits[0].delay = 60s;
  p.technical[index(TechnicalCondition::bp_overdue)].delay = 60min;
  p.technical[index(TechnicalCondition::low_battery)].enabled = false;  // may be turned off
  p.audio_pause = 300s;
  p.silence_limit = 1s;
  p.alarm_off_reminder = 60min;
  EXPECT_EQ(validate_alarm_profile(p), std::vector<ProfileProblem>{});
}

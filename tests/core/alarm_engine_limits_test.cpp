// Physiological limits: tiers, delays, hysteresis, escalation, absent values (default profile:
// SpO2 < 90 medium after 10 s, <= 85 high at once; pulse < 50 / > 120 medium after 5 s,
// < 40 / > 150 high; hysteresis 1).
#include "alarm_engine_test_support.hpp"

namespace vigil::core::testing {
namespace {

struct Step {
  int at_ms;                    // since the start of the case
  std::optional<double> value;  // empty: an absent value
  const char* events;           // expected events at this step, "" for none
};

struct LimitCase {
  const char* name;
  Channel channel;
  std::vector<Step> steps;
};

class LimitTable : public AlarmEngineTest, public ::testing::WithParamInterface<LimitCase> {};

TEST_P(LimitTable, EventsMatch) {
  const LimitCase& c = GetParam();
  for (const Step& s : c.steps) {
    advance_to(Ms(s.at_ms));
    feed(c.channel, s.value);
    EXPECT_EQ(new_physiological_events(), s.events) << c.name << " at " << s.at_ms << " ms";
  }
}

const std::vector<LimitCase> kLimitCases = {
    {"medium_after_its_delay",
     Channel::spo2,
     {{0, 89, ""}, {5000, 89, ""}, {9999, 89, ""}, {10000, 89, "raised:spo2_low:medium"}}},
    {"high_at_once", Channel::spo2, {{0, 97, ""}, {1000, 85, "raised:spo2_low:high"}}},
    {"dip_shorter_than_delay_restarts_timer",
     Channel::spo2,
     {{0, 89, ""},
      {6000, 89, ""},
      {7000, 95, ""},
      {8000, 89, ""},
      {17000, 89, ""},
      {18000, 89, "raised:spo2_low:medium"}}},
    {"escalates_then_de_escalates_then_clears",
     Channel::spo2,
     {{0, 88, ""},
      {10000, 88, "raised:spo2_low:medium"},
      {11000, 84, "escalated:spo2_low:high"},
      {12000, 85.5, ""},  // inside the high tier by 0.5 < hysteresis 1: still high
      {13000, 88, "de_escalated:spo2_low:medium"},
      {14000, 90, ""},  // back at the limit but not by the hysteresis
      {15000, 90.9, ""},
      {16000, 91, "cleared:spo2_low:medium"}}},
    {"falling_back_from_high_keeps_the_condition",
     Channel::spo2,
     {{0, 84, "raised:spo2_low:high"}, {1000, 88, "de_escalated:spo2_low:medium"}}},
    {"value_at_threshold_of_strict_limit_is_normal", Channel::spo2, {{0, 90, ""}, {20000, 90, ""}}},
    {"absent_values_pause_the_delay",
     Channel::spo2,
     {{0, 89, ""},
      {5000, std::nullopt, ""},  // 5 s on the alarm side so far
      {15000, std::nullopt, ""},
      {20000, 89, ""},  // resumes; the absent 15 s do not count
      {24000, 89, ""},
      {25000, 89, "raised:spo2_low:medium"}}},
    {"absent_values_never_raise_or_clear",
     Channel::spo2,
     {{0, 84, "raised:spo2_low:high"},
      {1000, std::nullopt, ""},
      {60000, std::nullopt, ""},
      {61000, 97, "cleared:spo2_low:high"}}},
    {"pulse_high_side_medium_then_high",
     Channel::pulse_rate,
     {{0, 125, ""},
      {5000, 125, "raised:pulse_rate_high:medium"},
      {6000, 151, "escalated:pulse_rate_high:high"},
      {7000, 119, "cleared:pulse_rate_high:high"}}},
    {"pulse_low_and_high_are_separate_conditions",
     Channel::pulse_rate,
     {{0, 39, "raised:pulse_rate_low:high"},
      {1000, 160, "cleared:pulse_rate_low:high, raised:pulse_rate_high:high"}}},
    {"channel_without_tiers_never_alarms",
     Channel::perfusion_index,
     {{0, 0.01, ""}, {60000, 0.01, ""}}},
};

INSTANTIATE_TEST_SUITE_P(Default, LimitTable, ::testing::ValuesIn(kLimitCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(AlarmEngineTest, RaisedEventCarriesLimitValueAndTimes) {
  feed(Channel::spo2, 89, 7);
  advance(10s);
  feed(Channel::spo2, 88.5, 7);
  ASSERT_EQ(log_.events.size(), 1u);
  const AlarmEvent& e = last_event();
  EXPECT_EQ(e.kind, AlarmEventKind::raised);
  EXPECT_EQ(e.condition, limit_condition(Channel::spo2, LimitSide::low));
  EXPECT_EQ(e.priority, AlarmPriority::medium);
  EXPECT_EQ(e.limit, (AlarmLimit{90, LimitComparison::below}));
  EXPECT_EQ(e.value, 88.5);
  EXPECT_EQ(e.device, 7);
  EXPECT_EQ(e.steady_time, steady_);
  EXPECT_EQ(e.utc_time, utc_);
}

TEST_F(AlarmEngineTest, EscalationCarriesPreviousPriorityAndNewLimit) {
  feed(Channel::spo2, 88);
  advance(10s);
  feed(Channel::spo2, 88);
  advance(1s);
  feed(Channel::spo2, 80);
  const AlarmEvent& e = last_event();
  EXPECT_EQ(e.kind, AlarmEventKind::escalated);
  EXPECT_EQ(e.previous_priority, AlarmPriority::medium);
  EXPECT_EQ(e.priority, AlarmPriority::high);
  EXPECT_EQ(e.limit, (AlarmLimit{85, LimitComparison::at_or_below}));
  EXPECT_EQ(e.value, 80);
}

TEST_F(AlarmEngineTest, FlaggedSensorOffValueIsTreatedAsAbsent) {
  ReadingFlags off;
  off.set(ReadingFlag::sensor_off);
  for (int i = 0; i < 30; ++i) {
    feed(Channel::spo2, 70, 1, off);
    advance(1s);
  }
  for (const AlarmEvent& e : log_.events) {
    EXPECT_NE(e.condition.kind, AlarmConditionKind::limit) << describe(e);
  }
}

TEST_F(AlarmEngineTest, HysteresisComesFromTheProfilePerChannel) {
  AlarmProfile p = default_alarm_profile();
  p.hysteresis[static_cast<std::size_t>(Channel::spo2)] = 3;
  start(p);
  feed(Channel::spo2, 80);
  EXPECT_EQ(new_events(), "raised:spo2_low:high");
  advance(1s);
  feed(Channel::spo2, 92);  // leaves the high tier; inside the 90 limit by 2 < 3
  EXPECT_EQ(new_events(), "de_escalated:spo2_low:medium");
  advance(1s);
  feed(Channel::spo2, 93);
  EXPECT_EQ(new_events(), "cleared:spo2_low:medium");
}

TEST_F(AlarmEngineTest, AMoreSevereTierKeepsItsOwnDelayWhileAMilderOneIsActive) {
  AlarmProfile p = default_alarm_profile();
  p.limits = {{Channel::spo2, LimitComparison::below, 90, AlarmPriority::medium, 0s},
              {Channel::spo2, LimitComparison::at_or_below, 85, AlarmPriority::high, 10s}};
  start(p);
  feed(Channel::spo2, 84);
  EXPECT_EQ(new_events(), "raised:spo2_low:medium");
  advance(9s);
  feed(Channel::spo2, 84);
  EXPECT_EQ(new_events(), "");
  advance(1s);
  feed(Channel::spo2, 84);
  EXPECT_EQ(new_events(), "escalated:spo2_low:high");
}

TEST_F(AlarmEngineTest, TwoTiersOfTheSamePriorityShowTheMoreExtremeLimit) {
  AlarmProfile p = default_alarm_profile();
  p.limits.push_back({Channel::spo2, LimitComparison::below, 80, AlarmPriority::high, 0s});
  start(p);
  feed(Channel::spo2, 84);
  EXPECT_EQ(new_events(), "raised:spo2_low:high");
  advance(1s);
  feed(Channel::spo2, 75);
  EXPECT_EQ(new_events(), "");  // same priority: no event, the limit in force changes
  const Annunciation a = annunciation();
  ASSERT_EQ(a.conditions.size(), 1u);
  EXPECT_EQ(a.conditions[0].limit, (AlarmLimit{80, LimitComparison::below}));
  EXPECT_EQ(a.conditions[0].value, 84);  // the triggering value stays
}

TEST(AlarmLimit, BreachedAndRecoveredFollowTheComparison) {
  struct Row {
    AlarmLimit limit;
    double value;
    double hysteresis;
    bool breached;
    bool recovered;
  };
  using enum LimitComparison;
  const Row rows[] = {
      {{90, below}, 89.9, 1, true, false},       {{90, below}, 90, 1, false, false},
      {{90, below}, 91, 1, false, true},         {{85, at_or_below}, 85, 1, true, false},
      {{85, at_or_below}, 86, 1, false, true},   {{85, at_or_below}, 85.5, 0, false, true},
      {{120, above}, 120, 1, false, false},      {{120, above}, 119, 1, false, true},
      {{160, at_or_above}, 160, 0, true, false}, {{160, at_or_above}, 159, 0, false, true},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(limit_breached(r.limit, r.value), r.breached) << r.limit.threshold << " " << r.value;
    EXPECT_EQ(limit_recovered(r.limit, r.value, r.hysteresis), r.recovered)
        << r.limit.threshold << " " << r.value;
  }
}

TEST(AlarmConditionName, NamesSayWhatTheConditionIs) {
  EXPECT_EQ(alarm_condition_name(limit_condition(Channel::spo2, LimitSide::low)), "spo2_low");
  EXPECT_EQ(alarm_condition_name(limit_condition(Channel::pulse_rate, LimitSide::high)),
            "pulse_rate_high");
  EXPECT_EQ(alarm_condition_name(nibp_rise_condition(Channel::nibp_systolic)),
            "nibp_systolic_rise");
  EXPECT_EQ(alarm_condition_name(technical_condition(TechnicalCondition::no_data, 3)), "no_data");
  EXPECT_EQ(alarm_condition_name(channel_condition(Channel::spo2)), "spo2");
  EXPECT_EQ(alarm_condition_name(AlarmConditionId{}), "alarm_system");
}

}  // namespace
}  // namespace vigil::core::testing

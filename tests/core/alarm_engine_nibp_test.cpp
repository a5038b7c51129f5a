// NIBP: one evaluation per measurement, absolute limits and rise over the pre-dose baseline
// (default profile: systolic >= 160 / diastolic >= 100 medium, >= 180 / >= 110 high, systolic
// < 90 or MAP < 65 medium; rise >= 40 / >= 25 mmHg medium).
#include "alarm_engine_test_support.hpp"

namespace vigil::core::testing {
namespace {

struct Measurement {
  Channel channel;
  std::optional<double> value;
  const char* events;
};

struct NibpCase {
  const char* name;
  std::optional<std::pair<double, double>> baseline;  // systolic, diastolic mmHg
  std::vector<Measurement> measurements;
};

class NibpTable : public AlarmEngineTest, public ::testing::WithParamInterface<NibpCase> {};

TEST_P(NibpTable, EventsMatch) {
  const NibpCase& c = GetParam();
  if (c.baseline) engine_->set_nibp_baseline(c.baseline->first, c.baseline->second);
  int i = 0;
  for (const Measurement& m : c.measurements) {
    advance(15min);  // measurements are minutes apart: no delay or timer may matter
    feed(m.channel, m.value, 4);
    EXPECT_EQ(new_physiological_events(), m.events) << c.name << " measurement " << i++;
  }
}

constexpr Channel sys = Channel::nibp_systolic;
constexpr Channel dia = Channel::nibp_diastolic;
constexpr Channel map = Channel::nibp_mean;

const std::vector<NibpCase> kNibpCases = {
    {"systolic_tiers_per_measurement",
     std::nullopt,
     {{sys, 150, ""},
      {sys, 160, "raised:nibp_systolic_high:medium"},
      {sys, 185, "escalated:nibp_systolic_high:high"},
      {sys, 170, "de_escalated:nibp_systolic_high:medium"},
      {sys, 159, "cleared:nibp_systolic_high:medium"}}},  // no hysteresis per measurement
    {"stays_active_until_a_measurement_within_limits",
     std::nullopt,
     {{dia, 112, "raised:nibp_diastolic_high:high"},
      {dia, std::nullopt, ""},  // a failed measurement changes nothing
      {sys, 120, ""},           // other channels do not clear it
      {dia, 99, "cleared:nibp_diastolic_high:high"}}},
    {"hypotension",
     std::nullopt,
     {{sys, 88, "raised:nibp_systolic_low:medium"},
      {sys, 90, "cleared:nibp_systolic_low:medium"},
      {map, 64, "raised:nibp_mean_low:medium"},
      {map, 65, "cleared:nibp_mean_low:medium"}}},
    {"rise_over_baseline",
     std::pair{100.0, 60.0},
     {{sys, 139, ""},
      {sys, 140, "raised:nibp_systolic_rise:medium"},
      {sys, 139, "cleared:nibp_systolic_rise:medium"},
      {dia, 84, ""},
      {dia, 85, "raised:nibp_diastolic_rise:medium"},
      {dia, 70, "cleared:nibp_diastolic_rise:medium"}}},
    {"rise_and_absolute_limit_together",
     std::pair{130.0, 80.0},
     {{sys, 170, "raised:nibp_systolic_high:medium, raised:nibp_systolic_rise:medium"}}},
    {"no_baseline_no_rise", std::nullopt, {{sys, 150, ""}, {dia, 95, ""}}},
};

INSTANTIATE_TEST_SUITE_P(Default, NibpTable, ::testing::ValuesIn(kNibpCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(AlarmEngineTest, NibpRiseCarriesTheBaselineLimit) {
  engine_->set_nibp_baseline(110, 70);
  feed(Channel::nibp_systolic, 152, 4);
  const AlarmEvent& e = last_event();
  EXPECT_EQ(e.condition, nibp_rise_condition(Channel::nibp_systolic));
  EXPECT_EQ(e.limit, (AlarmLimit{150, LimitComparison::at_or_above}));
  EXPECT_EQ(e.value, 152);
}

TEST_F(AlarmEngineTest, NibpRiseRuleCanBeDisabledAndBaselineCleared) {
  engine_->set_nibp_baseline(100, 60);
  engine_->clear_nibp_baseline();
  feed(Channel::nibp_systolic, 150, 4);
  EXPECT_EQ(new_physiological_events(), "");
  AlarmProfile p = default_alarm_profile();
  p.nibp_rise.enabled = false;
  start(p);
  engine_->set_nibp_baseline(100, 60);
  feed(Channel::nibp_systolic, 150, 4);
  EXPECT_EQ(new_physiological_events(), "");
}

TEST_F(AlarmEngineTest, NibpIgnoresATierDelay) {
  AlarmProfile p = default_alarm_profile();
  for (LimitTier& t : p.limits) {
    if (t.channel == Channel::nibp_systolic) t.delay = 30s;  // validation refuses this
  }
  start(p);
  feed(Channel::nibp_systolic, 165, 4);
  EXPECT_EQ(new_physiological_events(), "raised:nibp_systolic_high:medium");
}

}  // namespace
}  // namespace vigil::core::testing

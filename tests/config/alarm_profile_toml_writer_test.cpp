// to_toml writes a complete, commented file that reads back to the same profile.
#include <gtest/gtest.h>

#include "alarm_profile_toml.hpp"
#include "profile_equality.hpp"

using namespace vigil;
using namespace std::chrono_literals;

namespace {
core::AlarmProfile reload(const core::AlarmProfile& p) {
  const auto r = config::load_alarm_profile_from_string(config::to_toml(p), "written.toml");
  for (const auto& pr : r.problems) ADD_FAILURE() << pr.key << ": " << pr.rule;
  return r.profile.value_or(core::AlarmProfile{});
}
}  // namespace

TEST(AlarmProfileTomlWriter, DefaultRoundTrips) {
  const auto p = core::default_alarm_profile();
  EXPECT_EQ(test::profile_differences(reload(p), p), std::vector<std::string>{});
}

TEST(AlarmProfileTomlWriter, FractionalValuesAndSettingsRoundTrip) {
  auto p = core::default_alarm_profile();
  p.limits[0].threshold = 91.5;
  p.limits[0].delay = 2500ms;
  p.limits[2].delay = 1ms;
  p.hysteresis[static_cast<std::size_t>(core::Channel::spo2)] = 0.3;
  p.nibp_rise = {false, 35.5, 20, core::AlarmPriority::high};
  p.technical[static_cast<std::size_t>(core::TechnicalCondition::low_battery)].enabled = false;
  p.technical[static_cast<std::size_t>(core::TechnicalCondition::bp_overdue)].delay = 10min;
  p.audio_pause = 60s;
  p.latching = true;
  p.alarm_off_reminder = 15min;
  p.silence_limit = 20s;
  EXPECT_EQ(test::profile_differences(reload(p), p), std::vector<std::string>{});
}

TEST(AlarmProfileTomlWriter, DocumentsEachLimitAndTheRules) {
  const std::string text = config::to_toml(core::default_alarm_profile());
  EXPECT_NE(text.find("# spo2 < 90 %: medium after 10 s"), std::string::npos) << text;
  EXPECT_NE(text.find("Unknown keys are refused"), std::string::npos);
  EXPECT_NE(text.find("[technical.bp_overdue]"), std::string::npos);
}

TEST(AlarmProfileTomlWriter, NoLimitsReadsBackAsNoLimits) {
  auto p = core::default_alarm_profile();
  p.limits.clear();
  const auto r = config::load_alarm_profile_from_string(config::to_toml(p), "empty.toml");
  ASSERT_EQ(r.problems.size(), 1u);  // structurally sound; only the validator objects
  EXPECT_EQ(r.problems[0].key, "limit");
}

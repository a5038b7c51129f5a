#include <gtest/gtest.h>

#include "vigil/core/alarm_profile.hpp"

using namespace vigil::core;

TEST(DefaultAlarmProfile, HasTheClinicalDefaults) {
  const AlarmProfile p = default_alarm_profile();
  ASSERT_FALSE(p.limits.empty());
  const LimitTier& spo2_medium = p.limits[0];
  EXPECT_EQ(spo2_medium.channel, Channel::spo2);
  EXPECT_EQ(spo2_medium.comparison, LimitComparison::below);
  EXPECT_EQ(spo2_medium.threshold, 90);
  EXPECT_EQ(spo2_medium.priority, AlarmPriority::medium);
  EXPECT_EQ(spo2_medium.delay, std::chrono::seconds(10));
  const auto& sensor_off = p.technical[static_cast<std::size_t>(TechnicalCondition::sensor_off)];
  EXPECT_EQ(sensor_off.priority_in(SessionPhase::dosing), AlarmPriority::medium);
  EXPECT_EQ(sensor_off.priority_in(SessionPhase::pre_dose), AlarmPriority::low);
  EXPECT_EQ(p.audio_pause, std::chrono::seconds(120));
  for (std::size_t i = 0; i < technical_condition_count; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(p.technical[i].condition), i) << "rules in enum order";
  }
}

TEST(SessionPhase, NamesRoundTrip) {
  for (std::size_t i = 0; i < session_phase_count; ++i) {
    const auto p = static_cast<SessionPhase>(i);
    EXPECT_EQ(session_phase_from_name(session_phase_name(p)), p);
  }
  EXPECT_TRUE(is_monitored_phase(SessionPhase::observation));
  EXPECT_FALSE(is_monitored_phase(SessionPhase::discharge_ready));
}

#include <gtest/gtest.h>

#include "vigil/core/checkpoint_session_times.hpp"

using namespace vigil::core;
using std::chrono::minutes;
using P = SessionPhase;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
UtcTime at(int min) { return t0 + minutes{min}; }
const TransitionGuards kAll{true, true, true, true, true};
}  // namespace

TEST(CheckpointSessionTimes, ReadsPhasesFromTheTimeline) {
  SessionTimeline s(SessionType::dosing, at(0));
  ASSERT_TRUE(s.advance(P::pre_dose, {}, at(5)));
  ASSERT_TRUE(s.advance(P::dosing, kAll, at(20)));
  ASSERT_TRUE(s.advance(P::observation, kAll, at(30)));
  const DoseTimes doses{at(21), std::nullopt, std::nullopt, at(141)};
  auto t = checkpoint_times_for(s, doses);
  EXPECT_EQ(t.pre_dose_started, at(5));
  EXPECT_EQ(t.first_dose, at(21));
  EXPECT_EQ(t.observation_started, at(30));
  EXPECT_EQ(t.observation_ended, std::nullopt);  // still observing
  EXPECT_EQ(t.earliest_discharge, at(141));
  EXPECT_EQ(t.closed, std::nullopt);

  // A booster: observation -> dosing -> observation keeps one series.
  ASSERT_TRUE(s.advance(P::dosing, kAll, at(50)));
  t = checkpoint_times_for(s, doses);
  EXPECT_EQ(t.observation_ended, at(50));
  ASSERT_TRUE(s.advance(P::observation, kAll, at(55)));
  t = checkpoint_times_for(s, doses);
  EXPECT_EQ(t.observation_started, at(30));
  EXPECT_EQ(t.observation_ended, std::nullopt);

  ASSERT_TRUE(s.advance(P::discharge_ready, kAll, at(150)));
  ASSERT_TRUE(s.advance(P::closed, {}, at(155)));
  t = checkpoint_times_for(s, doses);
  EXPECT_EQ(t.observation_ended, at(150));
  EXPECT_EQ(t.closed, at(155));
}

TEST(CheckpointSessionTimes, IntegrationSessionHasNoCheckpoints) {
  SessionTimeline s(SessionType::integration, at(0));
  const auto t = checkpoint_times_for(s, {at(1), std::nullopt, std::nullopt, at(121)});
  EXPECT_TRUE(evaluate_checkpoints({}, {}, t, minutes{5}, at(300)).empty());
}

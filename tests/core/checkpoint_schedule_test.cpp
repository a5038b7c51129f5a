#include <gtest/gtest.h>

#include <random>

#include "vigil/core/checkpoint_schedule.hpp"

using namespace vigil::core;
using std::chrono::minutes;
using S = CheckpointState;
using K = CheckpointKind;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
UtcTime at(int min) { return t0 + minutes{min}; }
BpReading bp(int min, BpSource source = BpSource::device) { return {128, 82, at(min), source}; }
constexpr std::chrono::milliseconds grace = minutes{5};

std::optional<CheckpointStatus> find(const std::vector<CheckpointStatus>& list, K kind,
                                     int number = 1) {
  for (const auto& c : list) {
    if (c.kind == kind && c.number == number) return c;
  }
  return std::nullopt;
}

// Pre-dose at 0, first dose at 20 min.
SessionCheckpointTimes dosed_times() {
  SessionCheckpointTimes t;
  t.pre_dose_started = at(0);
  t.first_dose = at(20);
  return t;
}
}  // namespace

struct PostDoseCase {
  std::vector<int> reading_minutes;  // after the first dose
  int now_minutes;                   // after the first dose
  S expected;
  bool late;
};

// The 40-min check: window 35-50 min after the first dose, overdue after 55.
TEST(CheckpointSchedule, FortyMinuteCheckTable) {
  const std::vector<PostDoseCase> cases{
      {{}, 30, S::upcoming, false}, {{}, 35, S::due, false},
      {{}, 55, S::due, false},      {{}, 56, S::overdue, false},
      {{40}, 45, S::met, false},    {{35}, 60, S::met, false},
      {{50}, 60, S::met, false},    {{34}, 56, S::overdue, false},
      {{52}, 60, S::met, true},     {{56}, 60, S::overdue, false},
      {{45}, 40, S::due, false},    {{20, 34, 47}, 48, S::met, false},
  };
  for (const auto& c : cases) {
    std::vector<BpReading> readings;
    for (int m : c.reading_minutes) readings.push_back(bp(20 + m, BpSource::manual));
    const auto list =
        evaluate_checkpoints({}, readings, dosed_times(), grace, at(20 + c.now_minutes));
    const auto post = find(list, K::post_dose_bp);
    ASSERT_TRUE(post);
    SCOPED_TRACE("now +" + std::to_string(c.now_minutes));
    EXPECT_EQ(post->state, c.expected) << checkpoint_state_name(post->state);
    EXPECT_EQ(post->met_late, c.late);
    EXPECT_EQ(post->due_at, at(60));
    EXPECT_EQ(post->window_start, at(55));
    EXPECT_EQ(post->overdue_at, at(75));
  }
}

TEST(CheckpointSchedule, PreDoseCheckTable) {
  struct Case {
    std::vector<int> readings;
    std::optional<int> first_dose;
    int now;
    S expected;
  };
  const std::vector<Case> cases{
      {{}, std::nullopt, 10, S::due},
      {{}, std::nullopt, 35, S::due},
      {{}, std::nullopt, 36, S::overdue},
      {{40}, std::nullopt, 41, S::met},
      {{5}, 20, 21, S::met},
      {{-5}, std::nullopt, 10, S::due},
      {{25}, 20, 30, S::overdue},
      {{}, 10, 16, S::overdue},
  };
  for (const auto& c : cases) {
    SessionCheckpointTimes t;
    t.pre_dose_started = at(0);
    if (c.first_dose) t.first_dose = at(*c.first_dose);
    std::vector<BpReading> readings;
    for (int m : c.readings) readings.push_back(bp(m));
    const auto pre = find(evaluate_checkpoints({}, readings, t, grace, at(c.now)), K::pre_dose_bp);
    ASSERT_TRUE(pre);
    EXPECT_EQ(pre->state, c.expected) << "now " << c.now;
  }
}

TEST(CheckpointSchedule, ObservationSeriesEveryFifteenMinutes) {
  SessionCheckpointTimes t = dosed_times();
  t.observation_started = at(30);
  // Due at 45, 60, 75, 90; readings at 44 and 76; now 92.
  const auto list = evaluate_checkpoints({}, {bp(44), bp(76)}, t, grace, at(92));
  EXPECT_EQ(find(list, K::observation_bp, 1)->state, S::met);
  EXPECT_EQ(find(list, K::observation_bp, 2)->state, S::overdue);  // 55-65, overdue after 70
  EXPECT_EQ(find(list, K::observation_bp, 3)->state, S::met);
  EXPECT_EQ(find(list, K::observation_bp, 4)->state, S::due);
  EXPECT_EQ(find(list, K::observation_bp, 5)->state, S::upcoming);  // the next one only
  EXPECT_FALSE(find(list, K::observation_bp, 6));
  EXPECT_TRUE(any_overdue(list));
}

TEST(CheckpointSchedule, IntervalIsConfigurableAndZeroDisables) {
  SessionCheckpointTimes t = dosed_times();
  t.observation_started = at(30);
  CheckpointSchedule every10;
  every10.observation_bp_interval = minutes{10};
  EXPECT_EQ(find(evaluate_checkpoints(every10, {}, t, grace, at(45)), K::observation_bp, 1)->due_at,
            at(40));
  CheckpointSchedule off;
  off.observation_bp_interval = minutes{0};
  EXPECT_FALSE(find(evaluate_checkpoints(off, {}, t, grace, at(45)), K::observation_bp, 1));
}

TEST(CheckpointSchedule, InfusionSeriesStopsWhenInfusionEnds) {
  SessionCheckpointTimes t = dosed_times();
  t.infusion_started = at(20);
  t.infusion_ended = at(60);
  const auto list = evaluate_checkpoints({}, {}, t, grace, at(200));
  int count = 0;
  for (const auto& c : list) count += c.kind == K::infusion_bp;
  EXPECT_EQ(count, 4);  // 30, 40, 50, 60
}

TEST(CheckpointSchedule, DischargeCheckOpensBeforeEarliestDischarge) {
  SessionCheckpointTimes t = dosed_times();
  t.earliest_discharge = at(140);
  auto d = find(evaluate_checkpoints({}, {bp(120)}, t, grace, at(130)), K::discharge_bp);
  EXPECT_EQ(d->state, S::due);  // 120 is before the window (125)
  d = find(evaluate_checkpoints({}, {bp(126)}, t, grace, at(130)), K::discharge_bp);
  EXPECT_EQ(d->state, S::met);
  d = find(evaluate_checkpoints({}, {}, t, grace, at(146)), K::discharge_bp);
  EXPECT_EQ(d->state, S::overdue);
  d = find(evaluate_checkpoints({}, {bp(170)}, t, grace, at(171)), K::discharge_bp);
  EXPECT_EQ(d->state, S::met);  // still open until the session closes
  EXPECT_TRUE(
      all_met(evaluate_checkpoints({}, {bp(10), bp(170)}, t, grace, at(171)), K::discharge_bp));
}

TEST(CheckpointSchedule, ClosedSessionFreezesAndDropsUnopened) {
  SessionCheckpointTimes t = dosed_times();
  t.earliest_discharge = at(140);
  t.closed = at(30);  // early end, transfer
  const auto list = evaluate_checkpoints({}, {bp(5)}, t, grace, at(500));
  EXPECT_FALSE(find(list, K::post_dose_bp));
  EXPECT_FALSE(find(list, K::discharge_bp));
  EXPECT_EQ(find(list, K::pre_dose_bp)->state, S::met);
}

TEST(CheckpointSchedule, InvalidAndFutureReadingsDoNotCount) {
  BpReading zero{0, 0, at(60), BpSource::manual};
  auto list = evaluate_checkpoints({}, {zero, bp(62)}, dosed_times(), grace, at(61));
  EXPECT_EQ(find(list, K::post_dose_bp)->state, S::due);
}

// Property: with random readings and times, a checkpoint is met exactly when a valid reading
// lies in its window (or late, before overdue), is never overdue while met, and states follow
// the clock.
TEST(CheckpointSchedule, RandomReadingsNeverMetAndOverdue) {
  std::mt19937 rng(7);
  for (int run = 0; run < 400; ++run) {
    SessionCheckpointTimes t;
    t.pre_dose_started = at(0);
    t.first_dose = at(static_cast<int>(5 + rng() % 40));
    t.observation_started = *t.first_dose + minutes{static_cast<int>(rng() % 20)};
    t.earliest_discharge = *t.first_dose + minutes{120};
    std::vector<BpReading> readings;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) readings.push_back(bp(static_cast<int>(rng() % 240)));
    const UtcTime now = at(static_cast<int>(rng() % 260));
    for (const auto& c : evaluate_checkpoints({}, readings, t, grace, now)) {
      ASSERT_EQ(c.state == S::met, c.met_by.has_value());
      if (c.state == S::overdue) {
        ASSERT_GT(now, c.overdue_at);
      }
      if (c.state == S::upcoming) {
        ASSERT_LT(now, c.window_start);
      }
      if (c.met_by) {
        ASSERT_GE(c.met_by->time, c.window_start);
        ASSERT_LE(c.met_by->time, now);
        ASSERT_TRUE(c.met_late ? c.met_by->time <= c.overdue_at
                               : !c.window_end || c.met_by->time <= *c.window_end);
      } else {
        for (const auto& r : readings) {
          const bool in_window = r.time >= c.window_start && r.time <= now &&
                                 (!c.window_end || r.time <= *c.window_end);
          ASSERT_FALSE(in_window) << checkpoint_kind_name(c.kind) << " " << c.number;
        }
      }
    }
  }
}

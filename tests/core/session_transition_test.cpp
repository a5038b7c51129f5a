#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "vigil/core/session_timeline.hpp"
#include "vigil/core/session_transition.hpp"
#include "vigil/core/session_type.hpp"

using namespace vigil::core;
using P = SessionPhase;
using std::chrono::minutes;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
TransitionGuards all_guards() { return {true, true, true, true, true}; }
}  // namespace

struct TransitionCase {
  SessionType type;
  P from;
  P to;
  TransitionGuards guards;
  bool allowed;
  const char* rule;
};

TEST(SessionTransition, TableOfRules) {
  const auto d = SessionType::dosing;
  const auto i = SessionType::integration;
  const TransitionGuards none{};
  TransitionGuards checklist_only{};
  checklist_only.pre_dose_checklist_complete = true;
  const std::vector<TransitionCase> cases{
      {d, P::planned, P::pre_dose, none, true, ""},
      {d, P::planned, P::dosing, all_guards(), false, "pre_dose_first"},
      {d, P::planned, P::observation, all_guards(), false, "dosing_first"},
      {d, P::planned, P::closed, all_guards(), false, "early_end_needs_reason"},
      {d, P::pre_dose, P::dosing, none, false, "pre_dose_checklist_incomplete"},
      {d, P::pre_dose, P::dosing, checklist_only, false, "pre_dose_bp_missing"},
      {d, P::pre_dose, P::dosing, all_guards(), true, ""},
      {d, P::pre_dose, P::planned, all_guards(), false, "no_way_back"},
      {d, P::dosing, P::observation, none, false, "no_dose_recorded"},
      {d, P::dosing, P::observation, all_guards(), true, ""},
      {d, P::dosing, P::discharge_ready, all_guards(), false, "observation_first"},
      {d, P::dosing, P::dosing, all_guards(), false, "same_phase"},
      {d, P::observation, P::dosing, none, true, ""},
      {d, P::observation, P::discharge_ready, none, false, "discharge_criteria_unmet"},
      {d, P::observation, P::discharge_ready, all_guards(), true, ""},
      {d, P::observation, P::closed, all_guards(), false, "early_end_needs_reason"},
      {d, P::discharge_ready, P::observation, none, true, ""},
      {d, P::discharge_ready, P::closed, none, true, ""},
      {d, P::closed, P::planned, all_guards(), false, "closed_is_final"},
      {i, P::planned, P::closed, none, false, "integration_note_first"},
      {i, P::planned, P::closed, all_guards(), true, ""},
      {i, P::planned, P::pre_dose, all_guards(), false, "integration_has_no_dosing"},
      {i, P::planned, P::dosing, all_guards(), false, "integration_has_no_dosing"},
      {i, P::closed, P::planned, all_guards(), false, "closed_is_final"},
  };
  for (const auto& c : cases) {
    const auto r = check_transition(c.type, c.from, c.to, c.guards);
    SCOPED_TRACE(std::string{session_type_name(c.type)} + " " +
                 std::string{session_phase_name(c.from)} + "->" +
                 std::string{session_phase_name(c.to)});
    EXPECT_EQ(r.allowed, c.allowed) << r.reason;
    EXPECT_EQ(r.rule, c.rule);
    EXPECT_EQ(r.reason.empty(), c.allowed);
    EXPECT_FALSE(r.ended_early);
  }
}

TEST(SessionTransition, RefusalNamesPhasesAndRule) {
  const auto r = check_transition(SessionType::dosing, P::planned, P::dosing, all_guards());
  EXPECT_EQ(r.reason, "cannot go from planned to dosing: the pre-dose checklist comes first");
}

struct EarlyEndCase {
  SessionType type;
  P from;
  EarlyEnd early_end;
  bool allowed;
  const char* rule;
};

TEST(SessionTransition, EarlyEndTable) {
  const auto d = SessionType::dosing;
  const std::vector<EarlyEndCase> cases{
      {d, P::planned, {"patient cancelled", false}, true, ""},
      {d, P::planned, {"", false}, false, "early_end_reason_missing"},
      {d, P::pre_dose, {"  \t", true}, false, "early_end_reason_missing"},
      {d, P::pre_dose, {"BP 170/105, deferred", false}, true, ""},
      {d, P::dosing, {"patient withdrew", false}, false, "early_end_after_dosing_needs_clinician"},
      {d, P::dosing, {"patient withdrew", true}, true, ""},
      {d,
       P::observation,
       {"transfer to ED", false},
       false,
       "early_end_after_dosing_needs_clinician"},
      {d, P::observation, {"transfer to ED", true}, true, ""},
      {d, P::discharge_ready, {"x", true}, false, "discharge_ready_closes_normally"},
      {d, P::closed, {"x", true}, false, "closed_is_final"},
      {SessionType::integration, P::planned, {"no-show", false}, true, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string{session_phase_name(c.from)} + " reason='" + c.early_end.reason + "'");
    const auto r = check_early_end(c.type, c.from, c.early_end);
    EXPECT_EQ(r.allowed, c.allowed) << r.reason;
    EXPECT_EQ(r.ended_early, c.allowed);
    EXPECT_EQ(r.rule, c.rule);
  }
}

TEST(SessionType, LinkRules) {
  EXPECT_EQ(check_session_link(SessionType::dosing, std::nullopt, std::nullopt), std::nullopt);
  EXPECT_TRUE(check_session_link(SessionType::dosing, 4, SessionType::dosing));
  EXPECT_EQ(check_session_link(SessionType::integration, 4, SessionType::dosing), std::nullopt);
  const auto missing = check_session_link(SessionType::integration, std::nullopt, std::nullopt);
  ASSERT_TRUE(missing);
  EXPECT_NE(missing->find("linked_session"), std::string::npos);
  EXPECT_TRUE(check_session_link(SessionType::integration, 4, std::nullopt));
  EXPECT_TRUE(check_session_link(SessionType::integration, 4, SessionType::integration));
  EXPECT_TRUE(check_session_link(SessionType::integration, 0, SessionType::dosing));
  EXPECT_EQ(session_type_from_name("integration"), SessionType::integration);
  EXPECT_EQ(session_type_from_name("dose"), std::nullopt);
}

TEST(SessionTimeline, HappyPathRecordsPhaseTimes) {
  SessionTimeline s(SessionType::dosing, t0);
  ASSERT_TRUE(s.advance(P::pre_dose, {}, t0 + minutes{5}));
  ASSERT_TRUE(s.advance(P::dosing, all_guards(), t0 + minutes{20}));
  ASSERT_TRUE(s.advance(P::observation, all_guards(), t0 + minutes{30}));
  ASSERT_TRUE(s.advance(P::discharge_ready, all_guards(), t0 + minutes{150}));
  ASSERT_TRUE(s.advance(P::closed, {}, t0 + minutes{160}));
  EXPECT_EQ(s.phase(), P::closed);
  EXPECT_FALSE(s.ended_early());
  EXPECT_EQ(s.first_entered(P::dosing), t0 + minutes{20});
  EXPECT_EQ(s.last_left(P::observation), t0 + minutes{150});
  EXPECT_EQ(s.history().size(), 5u);
}

TEST(SessionTimeline, RefusalChangesNothingAndTimeMustNotGoBack) {
  SessionTimeline s(SessionType::dosing, t0);
  ASSERT_TRUE(s.advance(P::pre_dose, {}, t0 + minutes{5}));
  EXPECT_FALSE(s.advance(P::dosing, {}, t0 + minutes{6}));
  EXPECT_EQ(s.phase(), P::pre_dose);
  const auto back = s.advance(P::dosing, all_guards(), t0 + minutes{4});
  EXPECT_FALSE(back);
  EXPECT_EQ(back.rule, "time_before_last_change");
  EXPECT_EQ(s.phase(), P::pre_dose);
  EXPECT_EQ(s.first_entered(P::dosing), std::nullopt);
}

TEST(SessionTimeline, EarlyEndKeepsReason) {
  SessionTimeline s(SessionType::dosing, t0);
  ASSERT_TRUE(s.advance(P::pre_dose, {}, t0));
  ASSERT_TRUE(s.end_early({"patient withdrew consent", false}, t0 + minutes{3}));
  EXPECT_TRUE(s.ended_early());
  EXPECT_EQ(s.history().back().early_end_reason, "patient withdrew consent");
  EXPECT_FALSE(s.advance(P::pre_dose, all_guards(), t0 + minutes{4}));
}

// Property: random requests with random guards never move a session along an edge outside the
// table, never skip the guards, and never put an integration session in a monitored phase.
TEST(SessionTimeline, RandomRequestsNeverReachAnIllegalPhase) {
  std::mt19937 rng(20261126);
  for (int run = 0; run < 500; ++run) {
    const auto type = run % 3 == 0 ? SessionType::integration : SessionType::dosing;
    SessionTimeline s(type, t0);
    UtcTime now = t0;
    for (int step = 0; step < 40; ++step) {
      now += minutes{static_cast<int>(rng() % 20)};
      const P before = s.phase();
      TransitionGuards g{rng() % 2 == 0, rng() % 2 == 0, rng() % 2 == 0, rng() % 2 == 0,
                         rng() % 2 == 0};
      TransitionResult r;
      if (rng() % 8 == 0) {
        r = s.end_early({rng() % 2 ? "withdrew" : "", rng() % 2 == 0}, now);
      } else {
        r = s.advance(static_cast<P>(rng() % session_phase_count), g, now);
      }
      if (!r) {
        ASSERT_EQ(s.phase(), before);
        ASSERT_FALSE(r.reason.empty());
        continue;
      }
      const P after = s.phase();
      if (!r.ended_early) {
        const auto next = structurally_next_phases(type, before);
        ASSERT_NE(std::find(next.begin(), next.end(), after), next.end());
        if (after == P::dosing && before == P::pre_dose) {
          ASSERT_TRUE(g.pre_dose_checklist_complete && g.pre_dose_bp_recorded);
        }
        if (after == P::discharge_ready) {
          ASSERT_TRUE(g.discharge_criteria_met);
        }
      } else {
        ASSERT_EQ(after, P::closed);
        ASSERT_FALSE(s.history().back().early_end_reason.empty());
      }
      if (type == SessionType::integration) {
        ASSERT_TRUE(after == P::planned || after == P::closed);
      }
      if (after == P::dosing) {
        ASSERT_TRUE(s.first_entered(P::pre_dose).has_value());
      }
      if (after == P::discharge_ready) {
        ASSERT_TRUE(s.first_entered(P::observation).has_value());
      }
      ASSERT_NE(before, P::closed);
    }
  }
}

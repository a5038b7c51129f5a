// One esketamine session walked through every session rule with an injected clock.
#include <gtest/gtest.h>

#include "vigil/core/checkpoint_session_times.hpp"
#include "vigil/core/discharge_modified_aldrete.hpp"
#include "vigil/core/discharge_readiness.hpp"
#include "vigil/core/dose_esketamine_rules.hpp"
#include "vigil/core/pre_dose_checklist.hpp"

using namespace vigil::core;
using std::chrono::minutes;
using P = SessionPhase;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
UtcTime at(int min) { return t0 + minutes{min}; }
}  // namespace

TEST(SessionWorkflowScenario, EsketamineSessionFromPlannedToClosed) {
  const auto profile = default_alarm_profile();
  const auto grace =
      profile.technical[static_cast<std::size_t>(TechnicalCondition::bp_overdue)].delay;
  const CheckpointSchedule schedule;
  const DischargeRules discharge_rules;
  std::vector<BpReading> bps;
  DoseTimes doses;

  SessionTimeline s(SessionType::dosing, at(0));
  ASSERT_TRUE(s.advance(P::pre_dose, {}, at(5)));

  // Nothing ticked, no BP: dosing refused.
  PreDoseChecklistTicks ticks;
  auto checklist = evaluate_pre_dose_checklist(ticks, std::nullopt);
  auto checkpoints =
      evaluate_checkpoints(schedule, bps, checkpoint_times_for(s, doses), grace, at(8));
  TransitionGuards g{checklist.complete, all_met(checkpoints, CheckpointKind::pre_dose_bp)};
  auto refused = s.advance(P::dosing, g, at(8));
  EXPECT_EQ(refused.rule, "pre_dose_checklist_incomplete");

  // BP 150/85: the advisory shows, but does not block.
  bps.push_back({150, 85, at(10), BpSource::device});
  for (std::size_t i = 0; i < pre_dose_item_count; ++i) ticks.tick(static_cast<PreDoseItem>(i));
  checklist = evaluate_pre_dose_checklist(ticks, bps.back());
  EXPECT_TRUE(checklist.complete);
  EXPECT_TRUE(checklist.advisory);
  checkpoints = evaluate_checkpoints(schedule, bps, checkpoint_times_for(s, doses), grace, at(15));
  g = {checklist.complete, all_met(checkpoints, CheckpointKind::pre_dose_bp)};
  ASSERT_TRUE(s.advance(P::dosing, g, at(15)));

  // Two devices: the second too soon, then after the rest.
  EsketamineDoseRequest first{28, at(16), std::nullopt, 0, 56, 45, false};
  ASSERT_EQ(check_esketamine_dose(first).decision, DoseDecision::accepted);
  doses.first_dose = at(16);
  doses.earliest_discharge = earliest_discharge_time(doses.first_dose, DoseRoute::esketamine_nasal);
  EsketamineDoseRequest second{28, at(19), at(16), 28, 56, 45, false};
  EXPECT_FALSE(check_esketamine_dose(second).accepted());
  second.time = at(21);
  ASSERT_TRUE(check_esketamine_dose(second).accepted());
  g.dose_recorded = true;
  ASSERT_TRUE(s.advance(P::observation, g, at(22)));

  // No BP since dosing: the 40-min check (window 51-66) is overdue at 72.
  checkpoints = evaluate_checkpoints(schedule, bps, checkpoint_times_for(s, doses), grace, at(72));
  EXPECT_TRUE(any_overdue(checkpoints));
  for (int m = 60; m <= 150; m += 15) bps.push_back({134, 84, at(m), BpSource::device});

  DischargeInputs in;
  in.first_dose = doses.first_dose;
  in.last_moaas = 5;
  in.modified_aldrete = modified_aldrete_score({2, 2, 2, 2, aldrete_spo2_score(97, false)}).total;
  in.escort_confirmed = true;
  in.vitals.spo2_percent = TimedVital{97, at(129)};
  in.vitals.pulse_rate_bpm = TimedVital{74, at(129)};
  in.vitals.latest_bp = bps[bps.size() - 2];  // 135 min
  in.vitals.pre_dose_bp = bps.front();
  checkpoints = evaluate_checkpoints(schedule, bps, checkpoint_times_for(s, doses), grace, at(130));
  in.discharge_bp_checkpoint_met = all_met(checkpoints, CheckpointKind::discharge_bp);
  auto readiness = evaluate_discharge_readiness(in, profile, discharge_rules, at(130));
  EXPECT_TRUE(readiness.is_unmet(DischargeCriterion::minimum_observation));  // 114 min
  g.discharge_criteria_met = readiness.ready();
  EXPECT_EQ(s.advance(P::discharge_ready, g, at(130)).rule, "discharge_criteria_unmet");

  in.vitals.spo2_percent->time = at(137);
  in.vitals.pulse_rate_bpm->time = at(137);
  checkpoints = evaluate_checkpoints(schedule, bps, checkpoint_times_for(s, doses), grace, at(137));
  in.discharge_bp_checkpoint_met = all_met(checkpoints, CheckpointKind::discharge_bp);
  readiness = evaluate_discharge_readiness(in, profile, discharge_rules, at(137));
  EXPECT_TRUE(readiness.ready()) << (readiness.unmet.empty() ? "" : readiness.unmet[0].message);
  g.discharge_criteria_met = readiness.ready();
  ASSERT_TRUE(s.advance(P::discharge_ready, g, at(137)));
  ASSERT_TRUE(s.advance(P::closed, {}, at(140)));
  EXPECT_FALSE(s.ended_early());

  checkpoints = evaluate_checkpoints(schedule, bps, checkpoint_times_for(s, doses), grace, at(600));
  EXPECT_EQ(checkpoints.front().kind, CheckpointKind::pre_dose_bp);
  EXPECT_EQ(checkpoints.front().state, CheckpointState::met);
  // Charted afterwards, the 60-min reading (44 min after the first dose) meets the 40-min check.
  EXPECT_TRUE(all_met(checkpoints, CheckpointKind::post_dose_bp));
  EXPECT_TRUE(all_met(checkpoints, CheckpointKind::discharge_bp));
}

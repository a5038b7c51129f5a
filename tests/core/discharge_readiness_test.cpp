#include <gtest/gtest.h>

#include "vigil/core/discharge_modified_aldrete.hpp"
#include "vigil/core/discharge_readiness.hpp"

using namespace vigil::core;
using std::chrono::minutes;
using C = DischargeCriterion;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
UtcTime at(int min) { return t0 + minutes{min}; }

// A patient ready at 130 min after a first dose at 0.
DischargeInputs ready_inputs() {
  DischargeInputs in;
  in.route = DoseRoute::esketamine_nasal;
  in.first_dose = at(0);
  in.last_moaas = 5;
  in.modified_aldrete = 10;
  in.escort_confirmed = true;
  in.discharge_bp_checkpoint_met = true;
  in.vitals.spo2_percent = TimedVital{97, at(129)};
  in.vitals.pulse_rate_bpm = TimedVital{72, at(129)};
  in.vitals.latest_bp = BpReading{132, 84, at(125), BpSource::device};
  in.vitals.pre_dose_bp = BpReading{125, 80, at(-10), BpSource::device};
  return in;
}

std::vector<C> unmet(const DischargeInputs& in, int now, const DischargeRules& rules = {}) {
  std::vector<C> out;
  for (const auto& u :
       evaluate_discharge_readiness(in, default_alarm_profile(), rules, at(now)).unmet) {
    out.push_back(u.criterion);
  }
  return out;
}
}  // namespace

TEST(DischargeReadiness, AllCriteriaMet) {
  const auto r = evaluate_discharge_readiness(ready_inputs(), default_alarm_profile(), {}, at(130));
  EXPECT_TRUE(r.ready());
  EXPECT_EQ(r.earliest_discharge, at(120));
}

TEST(DischargeReadiness, EachCriterionTable) {
  struct Case {
    const char* name;
    void (*change)(DischargeInputs&);
    int now;
    std::vector<C> expected;
  };
  const std::vector<Case> cases{
      {"too early", [](DischargeInputs&) {}, 119, {C::minimum_observation}},
      {"exactly 120", [](DischargeInputs&) {}, 120, {}},
      {"no dose",
       [](DischargeInputs& in) { in.first_dose.reset(); },
       130,
       {C::minimum_observation}},
      {"moaas 4", [](DischargeInputs& in) { in.last_moaas = 4; }, 130, {C::sedation}},
      {"no moaas", [](DischargeInputs& in) { in.last_moaas.reset(); }, 130, {C::sedation}},
      {"spo2 89",
       [](DischargeInputs& in) { in.vitals.spo2_percent->value = 89; },
       130,
       {C::vitals}},
      {"pr 125",
       [](DischargeInputs& in) { in.vitals.pulse_rate_bpm->value = 125; },
       130,
       {C::vitals}},
      {"bp 165/95",
       [](DischargeInputs& in) { in.vitals.latest_bp->systolic_mmhg = 165; },
       130,
       {C::vitals, C::vitals}},  // absolute limit and the rise over baseline
      {"sbp 85",
       [](DischargeInputs& in) { in.vitals.latest_bp->systolic_mmhg = 85; },
       130,
       {C::vitals}},
      {"stale spo2",
       [](DischargeInputs& in) { in.vitals.spo2_percent->time = at(100); },
       130,
       {C::vitals}},
      {"stale bp",
       [](DischargeInputs& in) { in.vitals.latest_bp->time = at(90); },
       130,
       {C::vitals}},
      {"no bp", [](DischargeInputs& in) { in.vitals.latest_bp.reset(); }, 130, {C::vitals}},
      {"aldrete 8", [](DischargeInputs& in) { in.modified_aldrete = 8; }, 130, {C::aldrete}},
      {"aldrete 9", [](DischargeInputs& in) { in.modified_aldrete = 9; }, 130, {}},
      {"aldrete 11", [](DischargeInputs& in) { in.modified_aldrete = 11; }, 130, {C::aldrete}},
      {"moaas 6", [](DischargeInputs& in) { in.last_moaas = 6; }, 130, {C::sedation}},
      {"no escort", [](DischargeInputs& in) { in.escort_confirmed = false; }, 130, {C::escort}},
      {"no discharge bp",
       [](DischargeInputs& in) { in.discharge_bp_checkpoint_met = false; },
       130,
       {C::discharge_bp}},
  };
  for (const auto& c : cases) {
    auto in = ready_inputs();
    c.change(in);
    EXPECT_EQ(unmet(in, c.now), c.expected) << c.name;
  }
}

TEST(DischargeReadiness, ReportsEveryUnmetCriterionWithMessages) {
  DischargeInputs in;
  in.first_dose = at(0);
  const auto r = evaluate_discharge_readiness(in, default_alarm_profile(), {}, at(60));
  EXPECT_FALSE(r.ready());
  for (auto c :
       {C::minimum_observation, C::sedation, C::vitals, C::aldrete, C::escort, C::discharge_bp}) {
    EXPECT_TRUE(r.is_unmet(c)) << discharge_criterion_name(c);
  }
  for (const auto& u : r.unmet) EXPECT_FALSE(u.message.empty());
  EXPECT_EQ(r.unmet[0].message,
            "60 min since the first dose; esketamine nasal needs at least 120 min");
}

TEST(DischargeReadiness, MinimumObservationIsConfigurablePerRoute) {
  DischargeRules rules;
  rules.minimum_observation[static_cast<std::size_t>(DoseRoute::iv)] = minutes{60};
  auto in = ready_inputs();
  in.route = DoseRoute::iv;
  in.vitals.spo2_percent->time = at(89);
  in.vitals.pulse_rate_bpm->time = at(89);
  in.vitals.latest_bp->time = at(85);
  EXPECT_EQ(unmet(in, 90, rules), std::vector<C>{});
  EXPECT_EQ(unmet(in, 90), std::vector<C>{C::minimum_observation});
}

TEST(AldreteScore, SpO2ItemTable) {
  struct Case {
    double spo2;
    bool oxygen;
    int score;
  };
  const std::vector<Case> cases{{97, false, 2}, {92.1, false, 2}, {92, false, 1},  {91, false, 1},
                                {90, false, 0}, {97, true, 1},    {90.5, true, 1}, {90, true, 0},
                                {85, true, 0},  {101, false, 0},  {-1, false, 0}};
  for (const auto& c : cases) {
    EXPECT_EQ(aldrete_spo2_score(c.spo2, c.oxygen), c.score) << c.spo2 << " o2=" << c.oxygen;
  }
}

TEST(AldreteScore, TotalAndItemValidation) {
  EXPECT_EQ(modified_aldrete_score({2, 2, 2, 2, 2}).total, 10);
  EXPECT_EQ(modified_aldrete_score({2, 2, 1, 2, 2}).total, 9);
  EXPECT_EQ(modified_aldrete_score({0, 0, 0, 0, 0}).total, 0);
  const auto bad = modified_aldrete_score({2, 3, 2, 2, 2});
  EXPECT_FALSE(bad.total);
  EXPECT_EQ(bad.error, "respiration: an Aldrete item scores 0-2 (got 3)");
  EXPECT_FALSE(modified_aldrete_score({2, 2, 2, 2, -1}).total);
}

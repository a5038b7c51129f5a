#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "vigil/core/dose_esketamine_rules.hpp"
#include "vigil/core/dose_weight_based_rules.hpp"

using namespace vigil::core;
using std::chrono::minutes;
using D = DoseDecision;

namespace {
const UtcTime t0{std::chrono::hours{480000}};
const ClinicianOverride kOverride{"dr.lee", "titration per protocol B"};
}  // namespace

struct WeightCase {
  DoseRoute route;
  double mg;
  double kg;
  double earlier;
  bool with_override;
  D expected;
  const char* rule;  // first violation, or ""
};

TEST(DoseWeightBased, BoundsTable) {
  const std::vector<WeightCase> cases{
      {DoseRoute::iv, 35, 70, 0, false, D::accepted, ""},    // 0.5 mg/kg
      {DoseRoute::iv, 52.5, 70, 0, false, D::accepted, ""},  // exactly 0.75
      {DoseRoute::iv, 7, 70, 0, false, D::accepted, ""},     // exactly 0.1
      {DoseRoute::iv, 60, 70, 0, false, D::refused, "iv_max_mg_per_kg"},
      {DoseRoute::iv, 60, 70, 0, true, D::accepted_with_override, "iv_max_mg_per_kg"},
      {DoseRoute::iv, 5, 70, 0, false, D::refused, "iv_min_mg_per_kg"},
      {DoseRoute::iv, 5, 70, 30, false, D::accepted, ""},  // top-up: minimum not applied
      {DoseRoute::iv, 20, 70, 40, false, D::refused, "iv_max_mg_per_kg"},  // session 60 mg
      {DoseRoute::im, 70, 70, 0, false, D::accepted, ""},
      {DoseRoute::im, 80, 70, 0, false, D::refused, "im_max_mg_per_kg"},
      {DoseRoute::sublingual, 150, 70, 0, false, D::accepted, ""},
      {DoseRoute::oral, 175, 70, 0, false, D::accepted, ""},  // 2.5 mg/kg
      {DoseRoute::oral, 250, 70, 0, false, D::refused, "oral_max_mg_per_kg"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string{dose_route_name(c.route)} + " " + std::to_string(c.mg));
    const auto r =
        check_weight_based_dose({c.route, c.mg, c.kg, c.earlier}, {},
                                c.with_override ? std::optional{kOverride} : std::nullopt);
    EXPECT_EQ(r.decision, c.expected) << dose_decision_name(r.decision);
    EXPECT_TRUE(r.input_errors.empty());
    if (*c.rule) {
      ASSERT_FALSE(r.violations.empty());
      EXPECT_EQ(r.violations[0].rule, c.rule);
    } else {
      EXPECT_TRUE(r.violations.empty());
    }
    EXPECT_EQ(r.applied_override.has_value(), c.expected == D::accepted_with_override);
  }
}

TEST(DoseWeightBased, MessageNamesRuleAndNumbers) {
  const auto r = check_weight_based_dose({DoseRoute::iv, 60, 70, 0});
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].message,
            "IV dose 60 mg is 0.86 mg/kg at 70 kg, above the IV maximum of 0.75 mg/kg per "
            "session (52.5 mg)");
  EXPECT_NEAR(*r.dose_mg_per_kg, 60.0 / 70, 1e-9);
}

TEST(DoseWeightBased, BoundsAreConfigurable) {
  WeightBasedDoseRules rules;
  rules.bounds[static_cast<std::size_t>(DoseRoute::im)] = {0.5, 1.5};
  EXPECT_TRUE(check_weight_based_dose({DoseRoute::im, 100, 70, 0}, rules).accepted());
  EXPECT_FALSE(check_weight_based_dose({DoseRoute::im, 30, 70, 0}, rules).accepted());
}

TEST(DoseWeightBased, InputValidationNamesFieldAndIsNotOverridable) {
  struct Case {
    WeightBasedDoseRequest request;
    const char* field;
  };
  const std::vector<Case> cases{
      {{DoseRoute::iv, 35, 0, 0}, "weight_kg"},
      {{DoseRoute::iv, 35, 19.9, 0}, "weight_kg"},
      {{DoseRoute::iv, 35, 301, 0}, "weight_kg"},
      {{DoseRoute::iv, 0, 70, 0}, "dose_mg"},
      {{DoseRoute::iv, -5, 70, 0}, "dose_mg"},
      {{DoseRoute::iv, 5, 70, -1}, "earlier_route_mg"},
      {{DoseRoute::esketamine_nasal, 28, 70, 0}, "route"},
  };
  for (const auto& c : cases) {
    const auto r = check_weight_based_dose(c.request, {}, kOverride);
    EXPECT_EQ(r.decision, D::refused) << c.field;
    ASSERT_EQ(r.input_errors.size(), 1u) << c.field;
    EXPECT_EQ(r.input_errors[0].rfind(c.field, 0), 0u) << r.input_errors[0];
  }
}

TEST(DoseOverride, BlankReasonOrClinicianIsRefused) {
  auto r = check_weight_based_dose({DoseRoute::iv, 60, 70, 0}, {}, ClinicianOverride{"dr", " "});
  EXPECT_EQ(r.decision, D::refused);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_EQ(r.input_errors[0].rfind("override.reason", 0), 0u);
  r = check_weight_based_dose({DoseRoute::iv, 60, 70, 0}, {}, ClinicianOverride{"", "why"});
  EXPECT_EQ(r.decision, D::refused);
  // An override on a dose that breaks no rule is not recorded as used.
  r = check_weight_based_dose({DoseRoute::iv, 35, 70, 0}, {}, kOverride);
  EXPECT_EQ(r.decision, D::accepted);
  EXPECT_FALSE(r.applied_override);
}

struct EskCase {
  double mg;
  std::optional<int> previous_minutes_ago;
  double earlier;
  double planned;
  int age;
  bool first;
  D expected;
  std::vector<std::string> rules;
};

TEST(DoseEsketamine, RulesTable) {
  const std::vector<EskCase> cases{
      {28, std::nullopt, 0, 56, 40, true, D::accepted, {}},
      {28, 5, 28, 56, 40, true, D::accepted, {}},
      {28, 4, 28, 56, 40, false, D::refused, {"esketamine_device_interval"}},
      {56, std::nullopt, 0, 56, 40, false, D::refused, {"esketamine_one_device"}},
      {28, 5, 56, 84, 40, false, D::accepted, {}},
      {28, 5, 56, 84, 40, true, D::refused, {"esketamine_first_session"}},
      {28, 5, 56, 56, 40, false, D::refused, {"esketamine_above_planned"}},
      {28,
       5,
       84,
       112,
       40,
       false,
       D::refused,
       {"esketamine_session_total", "esketamine_session_maximum"}},
      {28, std::nullopt, 0, 28, 70, true, D::accepted, {}},
      {28, 5, 28, 56, 70, true, D::refused, {"esketamine_first_session_older_adult"}},
      {28, 5, 28, 56, 65, false, D::accepted, {}},
      {28, std::nullopt, 0, 28, 64, false, D::refused, {"esketamine_session_total"}},
      {28, std::nullopt, 0, 56, 17, false, D::refused, {"esketamine_adults_only"}},
  };
  for (const auto& c : cases) {
    EsketamineDoseRequest q;
    q.dose_mg = c.mg;
    q.time = t0 + minutes{30};
    if (c.previous_minutes_ago) q.previous_device_time = q.time - minutes{*c.previous_minutes_ago};
    q.earlier_session_mg = c.earlier;
    q.planned_session_mg = c.planned;
    q.age_years = c.age;
    q.first_treatment_session = c.first;
    const auto r = check_esketamine_dose(q);
    SCOPED_TRACE("earlier " + std::to_string(c.earlier) + " age " + std::to_string(c.age));
    EXPECT_EQ(r.decision, c.expected);
    std::vector<std::string> rules;
    for (const auto& v : r.violations) rules.push_back(v.rule);
    EXPECT_EQ(rules, c.rules);
    if (c.expected == D::refused) {
      EXPECT_EQ(check_esketamine_dose(q, {}, kOverride).decision, D::accepted_with_override);
    }
  }
}

TEST(DoseEsketamine, MessagesCarryNumbersAndInputErrorsNameFields) {
  EsketamineDoseRequest q{28, t0, t0 - minutes{2}, 28, 56, 40, false};
  const auto r = check_esketamine_dose(q);
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].message,
            "esketamine devices need at least 5 min between them; the previous device was 120 s "
            "ago");
  EsketamineDoseRequest bad{28, t0, t0 + minutes{1}, 0, 56, 0, false};
  const auto e = check_esketamine_dose(bad, {}, kOverride);
  EXPECT_EQ(e.decision, D::refused);
  ASSERT_EQ(e.input_errors.size(), 2u);
  EXPECT_EQ(e.input_errors[0].rfind("age_years", 0), 0u);
  EXPECT_EQ(e.input_errors[1].rfind("previous_device_time", 0), 0u);
}

// Property: for random weights and doses, a first dose is accepted without override exactly when
// its mg/kg lies inside the route's bounds, and an override is recorded exactly when used.
TEST(DoseWeightBased, RandomDosesAcceptedExactlyInsideBounds) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> weight(20, 300);
  std::uniform_real_distribution<double> per_kg(0.01, 4);
  const WeightBasedDoseRules rules;
  for (int i = 0; i < 5000; ++i) {
    const auto route = static_cast<DoseRoute>(rng() % 4);
    const double kg = weight(rng);
    const double mg = per_kg(rng) * kg;
    const auto& b = rules.for_route(route);
    const double x = mg / kg;
    if (std::abs(x - b.min_mg_per_kg) < 1e-6 || std::abs(x - b.max_mg_per_kg) < 1e-6) continue;
    const bool inside = x >= b.min_mg_per_kg && x <= b.max_mg_per_kg;
    const auto plain = check_weight_based_dose({route, mg, kg, 0}, rules);
    ASSERT_EQ(plain.accepted(), inside) << dose_route_name(route) << " " << x;
    ASSERT_FALSE(plain.applied_override);
    const auto overridden = check_weight_based_dose({route, mg, kg, 0}, rules, kOverride);
    ASSERT_TRUE(overridden.accepted());
    ASSERT_EQ(overridden.applied_override.has_value(), !inside);
    ASSERT_EQ(overridden.violations.empty(), inside);
  }
}

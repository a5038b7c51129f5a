#include "vigil/core/dose_esketamine_rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "session_rule_text.hpp"

namespace vigil::core {
namespace {
using detail::number_text;

constexpr double kTolerance = 1e-9;  // mg comparisons

bool same_mg(double a, double b) { return std::fabs(a - b) < kTolerance; }

std::vector<std::string> input_errors(const EsketamineDoseRequest& r) {
  std::vector<std::string> errors;
  if (!std::isfinite(r.dose_mg) || r.dose_mg <= 0) {
    errors.push_back("dose_mg: must be above 0 mg (got " + number_text(r.dose_mg) + ")");
  }
  if (!std::isfinite(r.earlier_session_mg) || r.earlier_session_mg < 0) {
    errors.push_back("earlier_session_mg: must be 0 mg or more (got " +
                     number_text(r.earlier_session_mg) + ")");
  }
  if (!std::isfinite(r.planned_session_mg) || r.planned_session_mg <= 0) {
    errors.push_back("planned_session_mg: the prescribed session total must be above 0 mg (got " +
                     number_text(r.planned_session_mg) + ")");
  }
  if (r.age_years <= 0 || r.age_years > 130) {
    errors.push_back("age_years: " + std::to_string(r.age_years) +
                     " is not a plausible age (1-130 years)");
  }
  if (r.previous_device_time && *r.previous_device_time > r.time) {
    errors.emplace_back("previous_device_time: is after the time of this dose");
  }
  return errors;
}

bool plan_allowed(const EsketamineDoseRequest& r, const EsketamineDoseRules& rules) {
  const auto& usual = rules.usual_session_totals_mg;
  if (std::any_of(usual.begin(), usual.end(),
                  [&](double mg) { return same_mg(mg, r.planned_session_mg); })) {
    return true;
  }
  return r.age_years >= rules.older_adult_age_years &&
         same_mg(r.planned_session_mg, rules.older_adult_first_session_max_mg);
}

}  // namespace

DoseCheckResult check_esketamine_dose(const EsketamineDoseRequest& request,
                                      const EsketamineDoseRules& rules,
                                      const std::optional<ClinicianOverride>& override_request) {
  auto errors = input_errors(request);
  if (!errors.empty()) return decide_dose(std::move(errors), {}, override_request);

  const double total = request.earlier_session_mg + request.dose_mg;
  const bool older = request.age_years >= rules.older_adult_age_years;
  const std::string age = std::to_string(request.age_years);
  std::vector<DoseRuleViolation> v;

  if (request.age_years < rules.minimum_age_years) {
    v.push_back({"esketamine_adults_only",
                 "esketamine is for adults (age >= " + std::to_string(rules.minimum_age_years) +
                     "); the patient is " + age});
  }
  if (!same_mg(request.dose_mg, rules.device_mg)) {
    v.push_back({"esketamine_one_device", "each esketamine administration is one " +
                                              number_text(rules.device_mg) + " mg device; got " +
                                              number_text(request.dose_mg) + " mg"});
  }
  if (request.previous_device_time) {
    const auto gap = request.time - *request.previous_device_time;
    if (gap < rules.min_between_devices) {
      const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(gap).count();
      v.push_back(
          {"esketamine_device_interval",
           "esketamine devices need at least " + std::to_string(rules.min_between_devices.count()) +
               " min between them; the previous device was " + std::to_string(seconds) + " s ago"});
    }
  }
  if (!plan_allowed(request, rules)) {
    v.push_back({"esketamine_session_total",
                 "the planned esketamine session total " + number_text(request.planned_session_mg) +
                     " mg is not " + number_text(rules.usual_session_totals_mg[0]) + " or " +
                     number_text(rules.usual_session_totals_mg[1]) + " mg (" +
                     number_text(rules.older_adult_first_session_max_mg) +
                     " mg only at age >= " + std::to_string(rules.older_adult_age_years) + ")"});
  }
  if (total > request.planned_session_mg + kTolerance) {
    v.push_back({"esketamine_above_planned", "esketamine session total " + number_text(total) +
                                                 " mg would exceed the planned " +
                                                 number_text(request.planned_session_mg) + " mg"});
  }
  if (total > rules.max_session_mg + kTolerance) {
    v.push_back({"esketamine_session_maximum", "esketamine session total " + number_text(total) +
                                                   " mg would exceed the maximum " +
                                                   number_text(rules.max_session_mg) +
                                                   " mg per session"});
  }
  if (request.first_treatment_session) {
    const double cap = older ? rules.older_adult_first_session_max_mg : rules.first_session_max_mg;
    if (total > cap + kTolerance) {
      v.push_back({older ? "esketamine_first_session_older_adult" : "esketamine_first_session",
                   "first esketamine session total " + number_text(total) +
                       " mg would exceed the starting dose of " + number_text(cap) + " mg" +
                       (older ? " at age >= " + std::to_string(rules.older_adult_age_years) +
                                    " (patient is " + age + ")"
                              : std::string{})});
    }
  }
  return decide_dose({}, std::move(v), override_request);
}

}  // namespace vigil::core

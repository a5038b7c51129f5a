#include "vigil/core/dose_weight_based_rules.hpp"

#include <cmath>
#include <string>

#include "session_rule_text.hpp"

namespace vigil::core {
namespace {
using detail::number_text;

// mg/kg arithmetic: a dose exactly on a bound (52.5 mg at 70 kg = 0.75 mg/kg) is inside it.
constexpr double kTolerance = 1e-9;

std::vector<std::string> input_errors(const WeightBasedDoseRequest& r,
                                      const WeightBasedDoseRules& rules) {
  std::vector<std::string> errors;
  if (r.route == DoseRoute::esketamine_nasal) {
    errors.emplace_back(
        "route: esketamine nasal doses are fixed 28 mg devices, checked by the esketamine rules");
  }
  if (!std::isfinite(r.weight_kg) || r.weight_kg < rules.min_weight_kg ||
      r.weight_kg > rules.max_weight_kg) {
    errors.push_back("weight_kg: " + number_text(r.weight_kg) + " kg is not a plausible weight (" +
                     number_text(rules.min_weight_kg) + "-" + number_text(rules.max_weight_kg) +
                     " kg)");
  }
  if (!std::isfinite(r.dose_mg) || r.dose_mg <= 0) {
    errors.push_back("dose_mg: must be above 0 mg (got " + number_text(r.dose_mg) + ")");
  }
  if (!std::isfinite(r.earlier_route_mg) || r.earlier_route_mg < 0) {
    errors.push_back("earlier_route_mg: must be 0 mg or more (got " +
                     number_text(r.earlier_route_mg) + ")");
  }
  return errors;
}

}  // namespace

DoseCheckResult check_weight_based_dose(const WeightBasedDoseRequest& request,
                                        const WeightBasedDoseRules& rules,
                                        const std::optional<ClinicianOverride>& override_request) {
  auto errors = input_errors(request, rules);
  if (!errors.empty()) return decide_dose(std::move(errors), {}, override_request);

  const auto& bounds = rules.for_route(request.route);
  const std::string route{dose_route_label(request.route)};
  const std::string name{dose_route_name(request.route)};
  const double weight = request.weight_kg;
  const double dose_per_kg = request.dose_mg / weight;
  const double total_mg = request.earlier_route_mg + request.dose_mg;
  const double total_per_kg = total_mg / weight;

  std::vector<DoseRuleViolation> violations;
  if (request.earlier_route_mg == 0 && dose_per_kg < bounds.min_mg_per_kg - kTolerance) {
    violations.push_back({name + "_min_mg_per_kg",
                          route + " dose " + number_text(request.dose_mg) + " mg is " +
                              number_text(dose_per_kg) + " mg/kg at " + number_text(weight) +
                              " kg, below the " + route + " minimum of " +
                              number_text(bounds.min_mg_per_kg) + " mg/kg (" +
                              number_text(bounds.min_mg_per_kg * weight) + " mg)"});
  }
  if (total_per_kg > bounds.max_mg_per_kg + kTolerance) {
    std::string what = route + " dose " + number_text(request.dose_mg) + " mg";
    if (request.earlier_route_mg > 0) {
      what = route + " session total " + number_text(total_mg) + " mg (this dose " +
             number_text(request.dose_mg) + " mg + " + number_text(request.earlier_route_mg) +
             " mg earlier)";
    }
    violations.push_back({name + "_max_mg_per_kg",
                          what + " is " + number_text(total_per_kg) + " mg/kg at " +
                              number_text(weight) + " kg, above the " + route + " maximum of " +
                              number_text(bounds.max_mg_per_kg) + " mg/kg per session (" +
                              number_text(bounds.max_mg_per_kg * weight) + " mg)"});
  }
  auto result = decide_dose({}, std::move(violations), override_request);
  result.dose_mg_per_kg = dose_per_kg;
  result.session_mg_per_kg = total_per_kg;
  return result;
}

}  // namespace vigil::core

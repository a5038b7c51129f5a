#pragma once
// Weight-based dose rules for racemic ketamine (IV, IM, sublingual, oral), in mg and mg/kg.
//
// Defaults (every bound configurable; the clinic's medical director owns the numbers):
//   IV          0.1  - 0.75 mg/kg  docs/clinical.md (0.5 mg/kg over 40 min typical)
//   IM          0.25 - 1.0  mg/kg  IM ketamine for depression in published trials and KAP practice
//   sublingual  0.5  - 3.0  mg/kg  low bioavailability (~25-30 %); ~2 mg/kg ~ 0.5 mg/kg IV
//   oral        0.5  - 3.0  mg/kg  docs/clinical.md: about 2-2.5 mg/kg oral ~ IV exposure
// The minimum applies to the first dose of a route in a session (a later top-up may be small);
// the maximum applies to the session total for the route, this dose included.
// Weight must be plausible (20-300 kg by default) and the dose positive.

#include <array>
#include <optional>

#include "vigil/core/dose_check_result.hpp"
#include "vigil/core/dose_route.hpp"

namespace vigil::core {

struct WeightBasedDoseBounds {
  double min_mg_per_kg = 0;
  double max_mg_per_kg = 0;
};

struct WeightBasedDoseRules {
  // Indexed by DoseRoute (iv, im, sublingual, oral); the esketamine entry is unused.
  std::array<WeightBasedDoseBounds, dose_route_count> bounds{{
      {0.1, 0.75},  // iv
      {0.25, 1.0},  // im
      {0.5, 3.0},   // sublingual
      {0.5, 3.0},   // oral
      {0, 0},       // esketamine_nasal: see dose_esketamine_rules.hpp
  }};
  double min_weight_kg = 20;
  double max_weight_kg = 300;

  const WeightBasedDoseBounds& for_route(DoseRoute r) const {
    return bounds[static_cast<std::size_t>(r)];
  }
};

struct WeightBasedDoseRequest {
  DoseRoute route = DoseRoute::iv;
  double dose_mg = 0;           // this dose, mg
  double weight_kg = 0;         // patient weight, kg
  double earlier_route_mg = 0;  // mg already given by this route in this session
};

DoseCheckResult check_weight_based_dose(
    const WeightBasedDoseRequest& request, const WeightBasedDoseRules& rules = {},
    const std::optional<ClinicianOverride>& override_request = std::nullopt);

}  // namespace vigil::core

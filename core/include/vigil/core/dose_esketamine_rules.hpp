#pragma once
// Esketamine nasal spray (SPRAVATO) dose rules, from the label and REMS (docs/clinical.md):
//   - one device is 28 mg (two sprays); each administration records one device;
//   - at least 5 min between devices;
//   - a session totals 56 or 84 mg (28 mg is allowed at age >= 65);
//   - the first treatment session is capped at the starting dose: 56 mg, or 28 mg at age >= 65;
//   - never more than 84 mg in a session; adults only (age >= 18).
// A dose that breaks a rule is refused with a message naming the rule and the numbers, unless a
// clinician overrides with a reason. Every number is a field of EsketamineDoseRules.
// Times are UtcTime, as charted.

#include <array>
#include <chrono>
#include <optional>

#include "vigil/core/dose_check_result.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::core {

struct EsketamineDoseRules {
  double device_mg = 28;                                  // mg per device
  std::chrono::minutes min_between_devices{5};            // rest between devices
  double max_session_mg = 84;                             // mg per session
  double first_session_max_mg = 56;                       // starting dose, age < older_adult_age
  int older_adult_age_years = 65;                         // at or above: 28 mg start
  double older_adult_first_session_max_mg = 28;           // starting dose at >= 65
  std::array<double, 2> usual_session_totals_mg{56, 84};  // 28 also allowed at >= 65
  int minimum_age_years = 18;
};

struct EsketamineDoseRequest {
  double dose_mg = 0;                           // this administration, mg (one device: 28)
  UtcTime time{};                               // when it is given
  std::optional<UtcTime> previous_device_time;  // the last device given this session, if any
  double earlier_session_mg = 0;                // mg already given this session
  double planned_session_mg = 0;                // the prescribed session total, mg
  int age_years = 0;                            // patient age, years
  bool first_treatment_session = false;         // the patient's first esketamine session
};

DoseCheckResult check_esketamine_dose(
    const EsketamineDoseRequest& request, const EsketamineDoseRules& rules = {},
    const std::optional<ClinicianOverride>& override_request = std::nullopt);

}  // namespace vigil::core

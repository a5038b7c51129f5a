#pragma once
// Administrations (Schedule III record): checked against core's dose rules. A dose that breaks
// a rule is refused (ValidationError listing the rules) unless a clinician gives an override
// reason; an override by any other role is refused and audited as a permission refusal.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>

#include "vigil/core/dose_check_result.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct NewAdministration {
  RowId session_id = 0;
  std::string drug;           // "ketamine" (iv, im, sublingual, oral) or "esketamine" (nasal)
  std::string form_strength;  // e.g. "10 mg/mL injection", "28 mg nasal device"
  core::DoseRoute route = core::DoseRoute::iv;
  double dose_mg = 0;  // mg
  std::string lot;
  std::optional<std::int64_t> witness_id;  // users.id
  UtcMs start_utc_ms = 0;
  std::optional<UtcMs> end_utc_ms;  // infusions
  std::optional<int> device_count;  // esketamine: devices used (1 per 28 mg)
  std::optional<double> waste_mg;   // mg wasted
  std::string waste_method;         // required with waste_mg
  std::optional<std::int64_t> waste_witness_id;
  std::optional<std::string> override_reason;  // clinician only
};

struct AdministrationResult {
  RowId id = 0;
  core::DoseCheckResult check;
};

// Requires the session in the dosing phase. The administering user is the actor; a witness
// (witness_id, waste_witness_id) must be another user, an active nurse or clinician
// (ValidationError naming the field otherwise).
AdministrationResult record_administration(Store& store, const Actor& actor,
                                           const NewAdministration& a, UtcMs now);

}  // namespace vigil::db

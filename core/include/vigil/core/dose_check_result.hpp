#pragma once
// The outcome of checking a dose against the dose rules: accepted, accepted because a
// clinician overrode the rules it breaks (the override is returned for the audit trail), or
// refused. Invalid input (a missing weight, a zero dose) is never overridable.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/enum_names.hpp"

namespace vigil::core {

struct ClinicianOverride {
  std::string clinician;  // who overrides (user id or name); required
  std::string reason;     // why; required, must not be blank
};

struct DoseRuleViolation {
  std::string rule;     // stable id, e.g. "iv_max_mg_per_kg"
  std::string message;  // names the rule and the numbers
};

enum class DoseDecision : std::uint8_t {
  accepted,
  accepted_with_override,
  refused,
};

constexpr std::string_view dose_decision_name(DoseDecision v) {
  switch (v) {
    case DoseDecision::accepted:
      return "accepted";
    case DoseDecision::accepted_with_override:
      return "accepted_with_override";
    case DoseDecision::refused:
      return "refused";
  }
  return {};
}
constexpr std::string_view enum_name(DoseDecision v) { return dose_decision_name(v); }

struct DoseCheckResult {
  DoseDecision decision = DoseDecision::refused;
  std::vector<std::string> input_errors;              // each names the field; never overridable
  std::vector<DoseRuleViolation> violations;          // rules broken (also kept when overridden)
  std::optional<ClinicianOverride> applied_override;  // set only when it was used
  std::optional<double> dose_mg_per_kg;               // this dose, weight-based routes
  std::optional<double> session_mg_per_kg;            // session total incl. this dose

  bool accepted() const { return decision != DoseDecision::refused; }
};

// Combines input errors, rule violations and an optional override into a decision. An override
// with a blank reason or clinician is refused with an input error naming the field.
DoseCheckResult decide_dose(std::vector<std::string> input_errors,
                            std::vector<DoseRuleViolation> violations,
                            const std::optional<ClinicianOverride>& override_request);

}  // namespace vigil::core

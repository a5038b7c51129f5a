#include "vigil/core/dose_check_result.hpp"

#include "session_rule_text.hpp"

namespace vigil::core {

DoseCheckResult decide_dose(std::vector<std::string> input_errors,
                            std::vector<DoseRuleViolation> violations,
                            const std::optional<ClinicianOverride>& override_request) {
  DoseCheckResult result;
  if (override_request && !violations.empty()) {
    if (!detail::has_text(override_request->clinician)) {
      input_errors.emplace_back("override.clinician: an override must name the clinician");
    }
    if (!detail::has_text(override_request->reason)) {
      input_errors.emplace_back("override.reason: an override needs a reason");
    }
  }
  result.input_errors = std::move(input_errors);
  result.violations = std::move(violations);
  if (!result.input_errors.empty()) {
    result.decision = DoseDecision::refused;
  } else if (result.violations.empty()) {
    result.decision = DoseDecision::accepted;
  } else if (override_request) {
    result.decision = DoseDecision::accepted_with_override;
    result.applied_override = override_request;
  } else {
    result.decision = DoseDecision::refused;
  }
  return result;
}

}  // namespace vigil::core

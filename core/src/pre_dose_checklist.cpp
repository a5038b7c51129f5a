#include "vigil/core/pre_dose_checklist.hpp"

#include "session_rule_text.hpp"

namespace vigil::core {

// No default: a new item without a description does not build.
std::string_view pre_dose_item_description(PreDoseItem item) {
  switch (item) {
    case PreDoseItem::identity_confirmed:
      return "Patient identity confirmed";
    case PreDoseItem::consent_confirmed:
      return "Informed consent on file";
    case PreDoseItem::fasting_confirmed:
      return "Fasting (NPO) as instructed";
    case PreDoseItem::medication_review_done:
      return "Medications reviewed (benzodiazepines, sedative-hypnotics, stimulants, MAOIs, "
             "opioids)";
    case PreDoseItem::baseline_bp_recorded:
      return "Baseline (pre-dose) blood pressure recorded";
    case PreDoseItem::escort_arranged:
      return "Escort arranged for discharge";
    case PreDoseItem::no_driving_acknowledged:
      return "Patient agrees not to drive until the next day";
    case PreDoseItem::rems_enrollment_verified:
      return "REMS enrollment verified (esketamine)";
  }
  return {};
}

PreDoseChecklistResult evaluate_pre_dose_checklist(const PreDoseChecklistTicks& ticks,
                                                   const std::optional<BpReading>& pre_dose_bp,
                                                   const PreDoseChecklistConfig& config) {
  const bool bp_valid = pre_dose_bp && !check_bp_reading(*pre_dose_bp);
  PreDoseChecklistResult result;
  for (std::size_t i = 0; i < pre_dose_item_count; ++i) {
    const auto item = static_cast<PreDoseItem>(i);
    const bool done = item == PreDoseItem::baseline_bp_recorded ? bp_valid : ticks.ticked[i];
    if (config.required[i] && !done) result.missing.push_back(item);
  }
  result.complete = result.missing.empty();
  if (bp_valid && (pre_dose_bp->systolic_mmhg > config.advisory_systolic_above_mmhg ||
                   pre_dose_bp->diastolic_mmhg > config.advisory_diastolic_above_mmhg)) {
    result.advisory = "BP above " + detail::number_text(config.advisory_systolic_above_mmhg) + "/" +
                      detail::number_text(config.advisory_diastolic_above_mmhg) +
                      ": consider deferring (pre-dose BP " +
                      detail::number_text(pre_dose_bp->systolic_mmhg) + "/" +
                      detail::number_text(pre_dose_bp->diastolic_mmhg) + " mmHg)";
  }
  return result;
}

}  // namespace vigil::core

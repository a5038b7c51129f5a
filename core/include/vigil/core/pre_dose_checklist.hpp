#pragma once
// The pre-dose checklist a nurse completes before the first dose (docs/clinical.md, REMS).
// It is complete when every required item is done; dosing is refused until then
// (session_transition.hpp). A pre-dose BP above 140/90 mmHg adds the advisory
// "BP above 140/90: consider deferring" -- advice for the clinician, never a block.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/enum_names.hpp"
#include "vigil/core/session_bp_reading.hpp"

namespace vigil::core {

enum class PreDoseItem : std::uint8_t {
  identity_confirmed,        // two identifiers checked against the record
  consent_confirmed,         // informed consent on file for this treatment
  fasting_confirmed,         // NPO as instructed by the clinic
  medication_review_done,    // benzodiazepines, sedative-hypnotics, stimulants, MAOIs, opioids
  baseline_bp_recorded,      // satisfied only by a pre-dose BP reading, never by a tick alone
  escort_arranged,           // someone takes the patient home
  no_driving_acknowledged,   // no driving until the next day
  rems_enrollment_verified,  // esketamine REMS: patient enrolled (not required by default)
};

// "identity_confirmed", ...
constexpr std::string_view pre_dose_item_name(PreDoseItem v) {
  switch (v) {
    case PreDoseItem::identity_confirmed:
      return "identity_confirmed";
    case PreDoseItem::consent_confirmed:
      return "consent_confirmed";
    case PreDoseItem::fasting_confirmed:
      return "fasting_confirmed";
    case PreDoseItem::medication_review_done:
      return "medication_review_done";
    case PreDoseItem::baseline_bp_recorded:
      return "baseline_bp_recorded";
    case PreDoseItem::escort_arranged:
      return "escort_arranged";
    case PreDoseItem::no_driving_acknowledged:
      return "no_driving_acknowledged";
    case PreDoseItem::rems_enrollment_verified:
      return "rems_enrollment_verified";
  }
  return {};
}
constexpr std::string_view enum_name(PreDoseItem v) { return pre_dose_item_name(v); }
inline constexpr std::size_t pre_dose_item_count = core::enum_count<PreDoseItem>();
std::string_view pre_dose_item_description(PreDoseItem item);  // text for the nurse

struct PreDoseChecklistConfig {
  // Which items must be done; an admin may change this per site (rems_enrollment_verified is
  // switched on for esketamine sessions by the caller).
  std::array<bool, pre_dose_item_count> required{true, true, true, true, true, true, true, false};
  double advisory_systolic_above_mmhg = 140;
  double advisory_diastolic_above_mmhg = 90;
};

// What the nurse ticked; baseline_bp_recorded is ignored here (the BP reading decides it).
struct PreDoseChecklistTicks {
  std::array<bool, pre_dose_item_count> ticked{};

  PreDoseChecklistTicks& tick(PreDoseItem item, bool done = true) {
    ticked[static_cast<std::size_t>(item)] = done;
    return *this;
  }
};

struct PreDoseChecklistResult {
  bool complete = false;
  std::vector<PreDoseItem> missing;  // required items not done, in item order
  // "BP above 140/90: consider deferring (pre-dose BP 150/85 mmHg)", when it applies.
  std::optional<std::string> advisory;
};

// `pre_dose_bp`: the BP reading that met the pre-dose checkpoint, if any (an invalid reading,
// see check_bp_reading(), does not count).
PreDoseChecklistResult evaluate_pre_dose_checklist(const PreDoseChecklistTicks& ticks,
                                                   const std::optional<BpReading>& pre_dose_bp,
                                                   const PreDoseChecklistConfig& config = {});

}  // namespace vigil::core

#pragma once
// Checklists: the pre-dose checklist (core's items and rules; complete only with a BP recorded
// in the pre_dose phase) and the discharge checklist (complete when every item is done).

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

enum class ChecklistKind : std::uint8_t { pre_dose, discharge };

struct ChecklistEntry {
  RowId session_id = 0;
  ChecklistKind kind = ChecklistKind::pre_dose;
  // item name -> done. Pre-dose names are core::pre_dose_item_name() values, plus the facts the
  // REMS form asks that are answers, not ticks (pre_dose_fact_names(): first_treatment and each
  // concomitant medicine class, true = yes).
  std::vector<std::pair<std::string, bool>> items;
  UtcMs t_utc_ms = 0;
  // Clinician only: the checklist counts as complete despite missing items (audited with the
  // reason). The pre-dose BP is still required before dosing.
  std::optional<std::string> override_reason = std::nullopt;
};

// "first_treatment", "concomitant_benzodiazepines", "concomitant_sedative_hypnotics",
// "concomitant_psychostimulants", "concomitant_maois", "concomitant_opioids".
const std::vector<std::string>& pre_dose_fact_names();

// The discharge checklist's items: "escort_present" (an adult escort takes the patient home),
// "no_driving_advised" (no driving or machinery until the next day, after a night's sleep),
// "aftercare_instructions_given". A discharge checklist is complete when every one is ticked.
const std::vector<std::string>& discharge_checklist_item_names();

struct ChecklistResult {
  RowId id = 0;
  bool complete = false;
  std::vector<std::string> missing;  // required items not done
};

ChecklistResult record_checklist(Store& store, const Actor& actor, const ChecklistEntry& c,
                                 UtcMs now);

}  // namespace vigil::db

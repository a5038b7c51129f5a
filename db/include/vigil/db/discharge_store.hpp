#pragma once
// The end of a dosing session at the bedside: discharge readiness shown criterion by criterion
// with the value behind each, "ready to leave" recorded with the REMS answers, and the close,
// refused while a required field is missing (each one listed).

#include <optional>
#include <string>
#include <vector>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/discharge_readiness.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

// Each discharge criterion, met or not, with the value it was judged on ("2 h 05 min since the
// first dose (needs 2 h)", "MOAA/S 5 at 11:40"). Read at `now` against `profile` (the session's
// alarm profile in force). Nurse, clinician or auditor; not audited.
std::vector<core::DischargeCriterionStatus> read_discharge_criteria(
    Store& store, const Actor& actor, RowId session_id, const core::AlarmProfile& profile,
    UtcMs now);

// What the nurse answers when the patient is ready to leave (the REMS Patient Monitoring Form's
// questions that are not in the record already). Yes/no answers are optional in the type so
// that "not answered" is distinguishable; for esketamine every one is required.
struct ReadyToLeave {
  RowId session_id = 0;
  // REMS evaluation question: minutes after the start of administration at which the patient
  // would have been ready to leave, had there been no 2-hour rule.
  std::optional<int> rems_ready_minutes = std::nullopt;
  std::optional<bool> sedation = std::nullopt;                         // seen during monitoring
  std::optional<bool> sedation_resolved = std::nullopt;                // required when sedation
  std::optional<bool> dissociation = std::nullopt;                     // seen during monitoring
  std::optional<bool> dissociation_resolved = std::nullopt;            // required when dissociation
  std::optional<bool> respiratory_depression = std::nullopt;           // seen during monitoring
  std::optional<bool> respiratory_depression_resolved = std::nullopt;  // required when seen
  std::optional<bool> vitals_acceptable_before_completion = std::nullopt;
};

struct DischargeRecord {
  RowId id = 0;
  UtcMs t_utc_ms = 0;
  std::string recorded_by;
  int monitoring_minutes = 0;  // first dose start to `t` (the REMS total monitoring minutes)
  ReadyToLeave answers;
};

// Nurse or clinician. Moves the session observation -> discharge_ready (every discharge
// criterion must hold: advance_session's refusal names each unmet one) and records the answers
// and the total monitoring minutes (first dose to now), in one transaction. Refusals name the
// field: "rems_ready_minutes: required for esketamine (the REMS evaluation question)",
// "rems_ready_minutes: must be 0-1440 (got -5)", "sedation_resolved: required when sedation
// was seen".
RowId record_ready_to_leave(Store& store, const Actor& actor, const ReadyToLeave& answers,
                            const core::AlarmProfile& profile, UtcMs now);

// The newest "ready to leave" record of the session; nullopt when none.
std::optional<DischargeRecord> read_discharge_record(Store& store, const Actor& actor,
                                                     RowId session_id, UtcMs now);

// Every field still missing before the session may close, in words, each naming the field:
// "dosing note: no signed dosing note", "discharge checklist: escort_present not ticked",
// "ready to leave: not recorded", "rems.first_treatment: not answered on the pre-dose
// checklist", "rems.bp_40_min: no BP taken in the 40-minute checkpoint window", ...
// (docs/clinical.md "Closing a session"). Empty: the session may close.
std::vector<std::string> missing_close_fields(Store& store, const Actor& actor, RowId session_id,
                                              UtcMs now);

// Nurse or clinician. Closes a discharge-ready dosing session, or an integration session with
// its signed integration note. Refused with every missing field listed:
// "close: 2 required fields are missing: dosing note: no signed dosing note; ready to leave:
// not recorded".
void close_session(Store& store, const Actor& actor, RowId session_id, UtcMs now);

}  // namespace vigil::db

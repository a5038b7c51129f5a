#pragma once
// Reading a session for the station that records it: what the screen shows (the patient), what
// the alarm engine needs (the phase, the stored alarm profile, the pre-dose BP baseline).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_type.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct SessionOpening {
  RowId id = 0;
  core::SessionPhase phase = core::SessionPhase::planned;
  std::string alarm_profile;  // the stored profile as TOML text; empty: none stored
  std::string patient_identifier;
  std::string patient_name;
};

// Nurse, clinician or auditor (read_records). Opening a patient's session is audited
// ("open_record", entity sessions, with the session id and the patient identifier), like an
// export: an auditor can tell who looked at whose record. Throws NotFound ("session N: no such
// session").
SessionOpening open_session_record(Store& store, const Actor& actor, RowId session_id, UtcMs now);

// The patient's newest dosing session that is not closed (planned, or running after a station
// restart), opened as above. Throws ValidationError ("patient identifier: required"), NotFound
// ("patient X: no such patient"), ValidationError ("patient X: no open session; a clinician
// plans the session first").
SessionOpening open_patients_open_session(Store& store, const Actor& actor,
                                          std::string_view patient_identifier, UtcMs now);

// One row of a chair's "Today" list: what the bedside shows to start a session with one click.
struct PlannedSession {
  RowId id = 0;
  core::SessionType type = core::SessionType::dosing;
  core::SessionPhase phase = core::SessionPhase::planned;
  UtcMs planned_utc_ms = 0;
  std::optional<double> planned_dose_mg;
  std::string patient_identifier;
  std::string patient_name;
};

// Nurse, clinician or auditor (read_records); not audited (a list, not a record: opening one
// is). The sessions of `chair` planned in [from_utc_ms, to_utc_ms) that are not closed, in
// planned order. Refuses a blank chair or an empty window (ValidationError naming the field).
std::vector<PlannedSession> sessions_planned_for_chair(Store& store, const Actor& actor,
                                                       std::string_view chair, UtcMs from_utc_ms,
                                                       UtcMs to_utc_ms, UtcMs now);

// What the station's once-a-second watch follows: the phase (absent when the session is gone or
// its phase unknown), the newest BP observation taken in the pre_dose phase (systolic,
// diastolic mmHg) and whether a BP checkpoint is overdue at `now` (its window passed unmet by
// more than `bp_overdue_grace`, the profile's bp_overdue delay: core::any_overdue). A background
// read of the station's own: not role-checked, not audited.
struct SessionWatchState {
  std::optional<core::SessionPhase> phase;
  std::optional<std::pair<double, double>> pre_dose_bp;
  bool bp_overdue = false;
};
SessionWatchState read_session_watch_state(Store& store, const SystemIdentity& reader,
                                           RowId session_id, UtcMs now,
                                           std::chrono::milliseconds bp_overdue_grace);

}  // namespace vigil::db

#pragma once
// A session's BP checkpoints from the record: the phase history (replayed from the audit log's
// advance_session / end_session_early entries, the one place phase times are kept), the dose
// times (administrations) and the BP observations, through core::checkpoint_times_for and
// core::evaluate_checkpoints.

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <vector>

#include "session_state.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/checkpoint_session_times.hpp"

namespace vigil::db {

// The session's BP observations up to `now`, oldest first (only those taken in pre_dose when
// `pre_dose_only`).
std::vector<core::BpReading> session_bp_readings(SQLite::Database& db, RowId session_id, UtcMs now,
                                                 bool pre_dose_only);

// First dose, IV infusion start and end (an IV dose with an end time; the end once it is past)
// and the earliest discharge (the route with the longest minimum observation).
core::DoseTimes session_dose_times(SQLite::Database& db, RowId session_id, UtcMs now);

// `overdue_grace`: the alarm profile's bp_overdue delay.
std::vector<core::CheckpointStatus> session_checkpoints(SQLite::Database& db, const SessionState& s,
                                                        std::chrono::milliseconds overdue_grace,
                                                        UtcMs now);

// The bp_overdue condition: a checkpoint is overdue and no BP was taken since it became overdue.
// The checkpoint itself stays overdue in the record (a reading after its deadline does not meet
// it); the alarm ends once someone has taken the BP it asked for.
bool bp_overdue_unanswered(const std::vector<core::CheckpointStatus>& checkpoints,
                           const std::vector<core::BpReading>& readings);
bool session_bp_overdue(SQLite::Database& db, const SessionState& s,
                        std::chrono::milliseconds overdue_grace, UtcMs now);

// The profile's bp_overdue delay (0 without that rule). The store keeps a session's profile as
// text it does not parse: callers without the session's own pass core::default_alarm_profile().
std::chrono::milliseconds bp_overdue_grace(const core::AlarmProfile& profile);

}  // namespace vigil::db

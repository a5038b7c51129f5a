#pragma once
// The facts of a session the stores check before writing into it.

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

#include "vigil/core/dose_route.hpp"
#include "vigil/core/pre_dose_checklist.hpp"
#include "vigil/core/session_bp_reading.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_transition.hpp"
#include "vigil/core/session_type.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct SessionState {
  RowId id = 0;
  core::SessionType type = core::SessionType::dosing;
  core::SessionPhase phase = core::SessionPhase::planned;
  RowId patient_id = 0;
  std::optional<double> planned_dose_mg;
  std::optional<core::DoseRoute> planned_route;
};

// Throws NotFound ("session id 7: no such record").
SessionState load_session(SQLite::Database& db, RowId session_id);

// The newest BP observation taken in the session's pre_dose phase (the NIBP rise baseline and
// the checklist's baseline BP); the later row wins a tie in time.
std::optional<core::BpReading> newest_pre_dose_bp(SQLite::Database& db, RowId session_id);

// The pre-dose checklist's rules for this session: the defaults, and for a session planned as
// esketamine the REMS enrolment required (verified before every treatment).
core::PreDoseChecklistConfig pre_dose_checklist_config(const SessionState& s);

// The facts core::check_transition needs, from the record (discharge_criteria_met is left
// false: the caller evaluates discharge readiness when it matters).
core::TransitionGuards gather_transition_guards(SQLite::Database& db, RowId session_id);

// Throws ValidationError unless the session is still open (not closed).
void require_open(const SessionState& s, std::string_view what);

}  // namespace vigil::db

#pragma once
// Starting a patient's session at the bedside (the monitor's session form, `vigil --db`): the
// nurse names the patient; the station takes that patient's open dosing session (planned by a
// clinician, or already running after a station restart) and starts it if it is only planned.

#include <string>

#include "session_lookup.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::station {

// Throws db::ValidationError ("patient identifier: required"), db::NotFound ("patient X: no
// such patient"), db::ValidationError ("patient X: no open session; a clinician plans the
// session first"), and whatever advance_session refuses (named rule, role).
SessionForStation start_patient_session(db::Store& store, const db::Actor& actor,
                                        const std::string& patient_identifier, db::UtcMs now);

// The Today list's one click: session `session_id` (planned for this chair) opened as `actor`
// (audited) and started if it is only planned. Throws db::NotFound, db::ValidationError for a
// closed session, and what advance_session refuses.
SessionForStation start_planned_session(db::Store& store, const db::Actor& actor,
                                        db::RowId session_id, db::UtcMs now);

}  // namespace vigil::station

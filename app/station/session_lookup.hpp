#pragma once
// What the station needs to know about a session it records into: the patient shown on screen,
// the phase (it sets technical alarm priorities) and the alarm profile in force (the session's
// copy, or the default when the session has none).

#include <string>

#include "screen_snapshot.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/session_reader.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::station {

struct SessionForStation {
  db::RowId id = 0;
  SessionInfo info;  // patient and phase
  core::AlarmProfile profile;
  bool profile_from_session = false;  // false: the session has none, the default applies
};

// The station's view of a session opened through the store (db::open_session_record): the
// profile is the stored one, or the default without one, with the site's latching setting.
// Throws db::ValidationError for a closed session ("session N: closed; start a new session") or
// a stored profile that does not load (its problems named by key and rule).
SessionForStation session_for_station(db::Store& store, const db::SessionOpening& opening);

// Opens session `session_id` as `actor` (audited, db::open_session_record) for the station.
// Throws db::NotFound ("session N: no such session") and what session_for_station throws.
SessionForStation lookup_session_for_station(db::Store& store, const db::Actor& actor,
                                             db::RowId session_id, db::UtcMs now);

}  // namespace vigil::station

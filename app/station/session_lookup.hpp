#pragma once
// What the station needs to know about a session it records into: the patient shown on screen,
// the phase (it sets technical alarm priorities) and the alarm profile in force (the session's
// copy, or the default when the session has none).

#include <SQLiteCpp/Database.h>

#include <string>

#include "screen_snapshot.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::station {

struct SessionForStation {
  db::RowId id = 0;
  SessionInfo info;  // patient and phase
  core::AlarmProfile profile;
  bool profile_from_session = false;  // false: the session has none, the default applies
};

// Throws db::NotFound ("session N: no such session"), db::ValidationError for a closed session
// ("session N: closed; start a new session") or a stored profile that does not load (its
// problems named by key and rule).
SessionForStation lookup_session_for_station(SQLite::Database& db, db::RowId session_id);

}  // namespace vigil::station

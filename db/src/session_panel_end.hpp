#pragma once
#include <SQLiteCpp/Database.h>

#include "session_state.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::db {

// Fills the end-of-session fields of `p` (after its next steps are evaluated).
void read_session_end(SQLite::Database& db, const SessionState& s,
                      const core::AlarmProfile& profile, SessionPanelState& p, UtcMs now);

}  // namespace vigil::db

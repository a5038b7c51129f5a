#pragma once
// The session's PHQ-9 self-harm flags, for the stores and the readers inside db/.

#include <SQLiteCpp/Database.h>

#include <vector>

#include "vigil/db/safety_review_store.hpp"

namespace vigil::db {

std::vector<SelfHarmFlag> self_harm_flags(SQLite::Database& db, RowId session_id);
int unacknowledged_self_harm_flags(SQLite::Database& db, RowId session_id);

}  // namespace vigil::db

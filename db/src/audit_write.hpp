#pragma once
// Helpers the stores use to audit their writes inside their own transaction, and to check the
// acting user's permission (a refusal is audited in its own committed transaction).

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <string_view>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

// Throws PermissionDenied ("role auditor may not record_administration") when the actor is not
// an active user with the stated role, or the role may not perform `action`; the refusal is
// appended to the audit log and committed first. Call before opening the write transaction.
void require_permission(SQLite::Database& db, const Actor& actor, Action action, UtcMs now);

// Appends a `refused` entry for `action` (entity = the action's name; new value: role, action,
// what refused it, and the reason) in its own committed transaction.
void audit_refusal(SQLite::Database& db, const Actor& actor, Action action,
                   std::string_view refused_by, std::string_view reason, UtcMs now);

// A store call: the actor's permission first (require_permission), then `body`. A
// ValidationError from the body (bad input, or a clinical rule refusing the action: a dose over
// its bounds, a phase change whose criteria are unmet) is audited as a refusal once the body's
// own transaction has rolled back, and rethrown, so every refused call leaves its trace.
template <typename Body>
decltype(auto) permitted_call(SQLite::Database& db, const Actor& actor, Action action, UtcMs now,
                              Body&& body) {
  require_permission(db, actor, action, now);
  try {
    return body();
  } catch (const ValidationError& e) {
    audit_refusal(db, actor, action, "validation", e.what(), now);
    throw;
  }
}

// Appends a row-state entry: old = `before`, new = the row's current snapshot.
void audit_row_change(SQLite::Database& db, const Actor& actor, std::string_view action,
                      std::string_view table, RowId id, std::optional<std::string> before,
                      UtcMs now);

// The same with an explicit actor id (nullopt: a tool acting before any user exists).
void audit_row_change_as(SQLite::Database& db, std::optional<std::int64_t> actor_id,
                         std::string_view actor_name, std::string_view action,
                         std::string_view table, RowId id, std::optional<std::string> before,
                         UtcMs now);

// Appends an entry that is not a row state (export, refusal): entity_id stays NULL.
void audit_event(SQLite::Database& db, const Actor* actor, std::string_view actor_name,
                 std::string_view action, std::string_view entity, std::string new_value_json,
                 UtcMs now);

// The row's current snapshot (audited_tables.hpp), for `before`.
std::optional<std::string> snapshot_before(SQLite::Database& db, std::string_view table, RowId id);

// Throws NotFound naming the table and id unless the row exists.
void require_row(SQLite::Database& db, std::string_view table, RowId id);

}  // namespace vigil::db

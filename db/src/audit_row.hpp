#pragma once
// Reading audit_log rows: the column list and the entry one row holds, shared by the raw reader
// (read_audit_entries) and the auditor's filtered one (audit_review.cpp).

#include <SQLiteCpp/Statement.h>

#include "vigil/db/audit_chain.hpp"

namespace vigil::db::detail {

// SELECT this list (in this order) for audit_entry_of().
inline constexpr const char* kAuditColumns =
    "seq, t_utc_ms, actor_id, actor_name, action, entity, entity_id, old_value, new_value, "
    "prev_hash, hash";

AuditEntry audit_entry_of(SQLite::Statement& q);

}  // namespace vigil::db::detail

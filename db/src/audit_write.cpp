#include "audit_write.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "audited_tables.hpp"

namespace vigil::db {
namespace {

// Whether the actor is what it claims: an existing, active user with that role.
bool actor_is_genuine(SQLite::Database& db, const Actor& actor) {
  SQLite::Statement q(db, "SELECT name, role, active FROM users WHERE id = ?");
  q.bind(1, actor.id);
  if (!q.executeStep()) return false;
  return q.getColumn(0).getString() == actor.name &&
         q.getColumn(1).getString() == role_name(actor.role) && q.getColumn(2).getInt() == 1;
}

}  // namespace

void require_permission(SQLite::Database& db, const Actor& actor, Action action, UtcMs now) {
  std::string reason;
  if (!actor_is_genuine(db, actor)) {
    reason = "user " + actor.name + " is not an active " + std::string(role_name(actor.role)) +
             "; may not " + std::string(action_name(action));
  } else if (!role_may(actor.role, action)) {
    reason = "role " + std::string(role_name(actor.role)) + " may not " +
             std::string(action_name(action));
  } else {
    return;
  }
  audit_refusal(db, actor, action, "role", reason, now);
  throw PermissionDenied(reason);
}

void audit_refusal(SQLite::Database& db, const Actor& actor, Action action,
                   std::string_view refused_by, std::string_view reason, UtcMs now) {
  nlohmann::ordered_json j;
  j["role"] = role_name(actor.role);
  j["action"] = action_name(action);
  j["refused_by"] = refused_by;
  j["reason"] = reason;
  audit_event(db, &actor, actor.name, "refused", action_name(action), j.dump(), now);
}

void audit_row_change(SQLite::Database& db, const Actor& actor, std::string_view action,
                      std::string_view table, RowId id, std::optional<std::string> before,
                      UtcMs now) {
  audit_row_change_as(db, actor.id, actor.name, action, table, id, std::move(before), now);
}

std::optional<std::string> snapshot_before(SQLite::Database& db, std::string_view table, RowId id) {
  return row_snapshot(db, table, id);
}

void audit_row_change_as(SQLite::Database& db, std::optional<std::int64_t> actor_id,
                         std::string_view actor_name, std::string_view action,
                         std::string_view table, RowId id, std::optional<std::string> before,
                         UtcMs now) {
  AuditEntry e;
  e.t_utc_ms = now;
  e.actor_id = actor_id;
  e.actor_name = std::string(actor_name);
  e.action = std::string(action);
  e.entity = std::string(table);
  e.entity_id = id;
  e.old_value = std::move(before);
  e.new_value = row_snapshot(db, table, id);
  append_audit_entry(db, std::move(e));
}

void audit_event(SQLite::Database& db, const Actor* actor, std::string_view actor_name,
                 std::string_view action, std::string_view entity, std::string new_value_json,
                 UtcMs now) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  AuditEntry e;
  e.t_utc_ms = now;
  if (actor != nullptr) e.actor_id = actor->id;
  e.actor_name = std::string(actor_name);
  e.action = std::string(action);
  e.entity = std::string(entity);
  e.new_value = std::move(new_value_json);
  append_audit_entry(db, std::move(e));
  tx.commit();
}

void require_row(SQLite::Database& db, std::string_view table, RowId id) {
  SQLite::Statement q(db, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) {
    throw NotFound(std::string(table) + " id " + std::to_string(id) + ": no such record");
  }
}

}  // namespace vigil::db

#include "vigil/db/alarm_event_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"

namespace vigil::db {
namespace {

// UPDATE alarm_events SET <assignments> WHERE id = ?, audited. `bind` binds from index 1.
template <typename Bind>
void update_alarm(SQLite::Database& db, const Actor& actor, RowId id, std::string_view action,
                  const std::string& assignments, int count, Bind bind, UtcMs now) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  require_row(db, "alarm_events", id);
  auto before = snapshot_before(db, "alarm_events", id);
  SQLite::Statement up(db, "UPDATE alarm_events SET " + assignments + " WHERE id = ?");
  bind(up);
  up.bind(count + 1, id);
  up.exec();
  audit_row_change(db, actor, action, "alarm_events", id, std::move(before), now);
  tx.commit();
}

// Marks who did `what` and when: sets <what>_by and <what>_utc_ms, audited as `action`.
void stamp_alarm(SQLite::Database& db, const Actor& actor, RowId id, std::string_view action,
                 const std::string& what, UtcMs now) {
  update_alarm(
      db, actor, id, action, what + "_by = ?, " + what + "_utc_ms = ?", 2,
      [&](SQLite::Statement& st) {
        st.bind(1, actor.id);
        st.bind(2, now);
      },
      now);
}

// The user `name` names when it is an active nurse or clinician; nullopt otherwise.
std::optional<Actor> bedside_user(SQLite::Database& db, std::string_view name) {
  SQLite::Statement q(db,
                      "SELECT id, role FROM users WHERE name = ? AND active = 1 AND "
                      "role IN ('nurse', 'clinician')");
  q.bind(1, std::string(name));
  if (!q.executeStep()) return std::nullopt;
  return Actor{q.getColumn(0).getInt64(), std::string(name),
               role_from_name(q.getColumn(1).getString()).value_or(Role::nurse)};
}

void stamp_by_operator(SQLite::Database& db, const Actor& station_actor, Action action, RowId id,
                       std::string_view audit_action, const std::string& what,
                       std::string_view operator_name, UtcMs now) {
  permitted_call(db, station_actor, action, now, [&] {
    require_text("operator_name", operator_name);
    if (const auto user = bedside_user(db, operator_name)) {
      stamp_alarm(db, *user, id, audit_action, what, now);
      return;
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db, "alarm_events", id);
    auto before = snapshot_before(db, "alarm_events", id);
    SQLite::Statement up(
        db, "UPDATE alarm_events SET " + what + "_by = NULL, " + what + "_utc_ms = ? WHERE id = ?");
    up.bind(1, now);
    up.bind(2, id);
    up.exec();
    audit_row_change_as(db, std::nullopt, operator_name, audit_action, "alarm_events", id,
                        std::move(before), now);
    tx.commit();
  });
}

}  // namespace

RowId record_alarm_start(Store& store, const Actor& actor, const NewAlarmEvent& e, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_alarm_event, now, [&] {
    require_text("condition", e.condition);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    load_session(db, e.session_id);
    SQLite::Statement ins(
        db,
        "INSERT INTO alarm_events (session_id, condition, priority, start_utc_ms, "
        "limit_in_force, triggering_value) VALUES (?,?,?,?,?,?)");
    ins.bind(1, e.session_id);
    ins.bind(2, e.condition);
    ins.bind(3, std::string(core::alarm_priority_name(e.priority)));
    ins.bind(4, e.start_utc_ms);
    if (e.limit_in_force) ins.bind(5, *e.limit_in_force);
    if (e.triggering_value) ins.bind(6, *e.triggering_value);
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "alarm_raised", "alarm_events", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

void record_alarm_escalation(Store& store, const Actor& actor, RowId alarm_id,
                             core::AlarmPriority priority,
                             const std::optional<std::string>& limit_in_force,
                             std::optional<double> triggering_value, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::record_alarm_event, now, [&] {
    update_alarm(
        db, actor, alarm_id, "alarm_escalated",
        "priority = ?, limit_in_force = coalesce(?, limit_in_force), "
        "triggering_value = coalesce(?, triggering_value)",
        3,
        [&](SQLite::Statement& st) {
          st.bind(1, std::string(core::alarm_priority_name(priority)));
          if (limit_in_force) st.bind(2, *limit_in_force);
          if (triggering_value) st.bind(3, *triggering_value);
        },
        now);
  });
}

void record_alarm_end(Store& store, const Actor& actor, RowId alarm_id, UtcMs end_utc_ms,
                      UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::record_alarm_event, now, [&] {
    update_alarm(
        db, actor, alarm_id, "alarm_cleared", "end_utc_ms = ?", 1,
        [&](SQLite::Statement& st) { st.bind(1, end_utc_ms); }, now);
  });
}

void acknowledge_alarm(Store& store, const Actor& actor, RowId alarm_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::acknowledge_alarm, now, [&] {
    stamp_alarm(db, actor, alarm_id, "alarm_acknowledged", "acknowledged", now);
  });
}

void pause_alarm_audio(Store& store, const Actor& actor, RowId alarm_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::pause_alarm_audio, now, [&] {
    stamp_alarm(db, actor, alarm_id, "alarm_audio_paused", "audio_paused", now);
  });
}

void acknowledge_alarm_by_operator(Store& store, const Actor& station_actor, RowId alarm_id,
                                   std::string_view operator_name, UtcMs now) {
  stamp_by_operator(raw_connection(store), station_actor, Action::acknowledge_alarm, alarm_id,
                    "alarm_acknowledged", "acknowledged", operator_name, now);
}

void pause_alarm_audio_by_operator(Store& store, const Actor& station_actor, RowId alarm_id,
                                   std::string_view operator_name, UtcMs now) {
  stamp_by_operator(raw_connection(store), station_actor, Action::pause_alarm_audio, alarm_id,
                    "alarm_audio_paused", "audio_paused", operator_name, now);
}

}  // namespace vigil::db

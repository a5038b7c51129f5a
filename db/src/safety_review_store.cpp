#include "vigil/db/safety_review_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "safety_flags.hpp"
#include "session_state.hpp"

namespace vigil::db {
namespace {

// PHQ-9 item 9 is the ninth answer of the stored items array.
constexpr const char* kFlagsSql =
    "SELECT o.id, o.t_utc_ms, json_extract(o.items, '$[8]'), o.total, r.id, u.name, r.t_utc_ms, "
    "r.action FROM observations o LEFT JOIN safety_reviews r ON r.observation_id = o.id "
    "LEFT JOIN users u ON u.id = r.reviewed_by "
    "WHERE o.session_id = ? AND o.kind = 'phq9' AND json_extract(o.items, '$[8]') > 0 "
    "ORDER BY o.t_utc_ms, o.id";

}  // namespace

std::vector<SelfHarmFlag> self_harm_flags(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(db, kFlagsSql);
  q.bind(1, session_id);
  std::vector<SelfHarmFlag> flags;
  while (q.executeStep()) {
    SelfHarmFlag f;
    f.observation_id = q.getColumn(0).getInt64();
    f.t_utc_ms = q.getColumn(1).getInt64();
    f.item9 = q.getColumn(2).getInt();
    f.phq9_total = q.getColumn(3).getInt();
    f.acknowledged = !q.getColumn(4).isNull();
    if (f.acknowledged) {
      f.acknowledged_by = q.getColumn(5).getString();
      f.acknowledged_utc_ms = q.getColumn(6).getInt64();
      f.action = q.getColumn(7).getString();
    }
    flags.push_back(std::move(f));
  }
  return flags;
}

int unacknowledged_self_harm_flags(SQLite::Database& db, RowId session_id) {
  int open = 0;
  for (const auto& f : self_harm_flags(db, session_id)) open += f.acknowledged ? 0 : 1;
  return open;
}

std::vector<SelfHarmFlag> read_self_harm_flags(Store& store, const Actor& actor, RowId session_id,
                                               UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  load_session(db, session_id);
  return self_harm_flags(db, session_id);
}

RowId acknowledge_self_harm_flag(Store& store, const Actor& actor, RowId observation_id,
                                 const std::string& action, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::acknowledge_safety_flag, now, [&] {
    require_text("action", action);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement q(db,
                        "SELECT session_id, kind, json_extract(items, '$[8]'), "
                        "(SELECT count(*) FROM safety_reviews WHERE observation_id = o.id) "
                        "FROM observations o WHERE id = ?");
    q.bind(1, observation_id);
    const std::string field = "observation " + std::to_string(observation_id);
    if (!q.executeStep()) throw NotFound(field + ": no such record");
    if (q.getColumn(1).getString() != "phq9" || q.getColumn(2).isNull() ||
        q.getColumn(2).getInt() <= 0) {
      throw ValidationError(field + ": not a PHQ-9 with item 9 answered above 0");
    }
    if (q.getColumn(3).getInt() > 0) throw ValidationError(field + ": already acknowledged");
    const RowId session_id = q.getColumn(0).getInt64();
    SQLite::Statement ins(db,
                          "INSERT INTO safety_reviews (observation_id, session_id, reviewed_by, "
                          "t_utc_ms, action) VALUES (?,?,?,?,?)");
    ins.bind(1, observation_id);
    ins.bind(2, session_id);
    ins.bind(3, actor.id);
    ins.bind(4, now);
    ins.bind(5, action);
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "acknowledge_safety_flag", "safety_reviews", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

}  // namespace vigil::db

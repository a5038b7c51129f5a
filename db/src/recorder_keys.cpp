#include "recorder_keys.hpp"

namespace vigil::db::detail {

VitalsKeys::VitalsKeys(sqlite3* db)
    : db_(db),
      session_query_(prepare(db, "SELECT 1 FROM sessions WHERE id = ?")),
      seq_query_(prepare(db,
                         "SELECT coalesce(max(seq) + 1, 0) FROM vitals "
                         "WHERE session_id = ? AND t_utc_ms = ?")) {}

VitalsKeys::Position* VitalsKeys::find(RowId session_id) {
  if (last_ != nullptr && last_id_ == session_id) return last_;
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) {
    sqlite3_stmt* q = session_query_.get();
    sqlite3_bind_int64(q, 1, session_id);
    const int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc == SQLITE_DONE) return nullptr;
    if (rc != SQLITE_ROW) fail(db_, "session lookup");
    it = sessions_.emplace(session_id, Position{}).first;
  }
  last_id_ = session_id;
  last_ = &it->second;  // unordered_map nodes never move
  return last_;
}

bool VitalsKeys::session_exists(RowId session_id) { return find(session_id) != nullptr; }

std::optional<std::int64_t> VitalsKeys::next_seq(RowId session_id, UtcMs t_utc_ms) {
  Position* p = find(session_id);
  if (p == nullptr) return std::nullopt;
  if (p->known && t_utc_ms == p->t_utc_ms) return p->next_seq++;
  if (p->known && t_utc_ms > p->t_utc_ms) {
    p->t_utc_ms = t_utc_ms;
    p->next_seq = 1;
    return 0;
  }
  const std::int64_t seq = free_seq_in_table(session_id, t_utc_ms);
  *p = Position{t_utc_ms, seq + 1, true};
  return seq;
}

std::int64_t VitalsKeys::seq_after_conflict(RowId session_id, UtcMs t_utc_ms) {
  const std::int64_t seq = free_seq_in_table(session_id, t_utc_ms);
  if (Position* p = find(session_id)) *p = Position{t_utc_ms, seq + 1, true};
  return seq;
}

std::int64_t VitalsKeys::free_seq_in_table(RowId session_id, UtcMs t_utc_ms) {
  sqlite3_stmt* q = seq_query_.get();
  sqlite3_bind_int64(q, 1, session_id);
  sqlite3_bind_int64(q, 2, t_utc_ms);
  if (sqlite3_step(q) != SQLITE_ROW) {
    sqlite3_reset(q);
    fail(db_, "seq lookup");
  }
  const std::int64_t seq = sqlite3_column_int64(q, 0);
  sqlite3_reset(q);
  return seq;
}

}  // namespace vigil::db::detail

#include "vigil/db/record_reader.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>

#include "audit_write.hpp"
#include "audited_tables.hpp"
#include "vigil/db/sha256.hpp"

namespace vigil::db {

NoteRecord read_note(Store& store, const Actor& actor, RowId note_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SQLite::Statement q(db,
                      "SELECT session_id, type, body, author_id, status FROM notes WHERE id = ?");
  q.bind(1, note_id);
  if (!q.executeStep()) throw NotFound("note id " + std::to_string(note_id) + ": no such record");
  NoteRecord n;
  n.id = note_id;
  n.session_id = q.getColumn(0).getInt64();
  n.type = q.getColumn(1).getString();
  n.body = q.getColumn(2).getString();
  n.author_id = q.getColumn(3).getInt64();
  n.status = q.getColumn(4).getString();
  const std::string body_hash = sha256_hex(n.body);
  SQLite::Statement s(db,
                      "SELECT signer_id, printed_name, meaning, t_utc_ms, content_sha256 FROM "
                      "signatures WHERE note_id = ? ORDER BY id");
  s.bind(1, note_id);
  while (s.executeStep()) {
    SignatureRecord r{s.getColumn(0).getInt64(),  s.getColumn(1).getString(),
                      s.getColumn(2).getString(), s.getColumn(3).getInt64(),
                      s.getColumn(4).getString(), false};
    r.matches_content = r.content_sha256 == body_hash;
    n.signatures.push_back(std::move(r));
  }
  SQLite::Statement a(db,
                      "SELECT author_id, t_utc_ms, reason, body FROM addenda WHERE note_id = ? "
                      "ORDER BY id");
  a.bind(1, note_id);
  while (a.executeStep()) {
    n.addenda.push_back({a.getColumn(0).getInt64(), a.getColumn(1).getInt64(),
                         a.getColumn(2).getString(), a.getColumn(3).getString()});
  }
  return n;
}

std::vector<std::string> read_session_records(Store& store, const Actor& actor,
                                              std::string_view table, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  constexpr std::array<std::string_view, 9> kTables{
      "sessions",     "administrations", "observations", "checklists", "notes",
      "alarm_events", "safety_reviews",  "discharges",   "follow_ups"};
  const AuditedTable* t = find_audited_table(table);
  if (t == nullptr || std::find(kTables.begin(), kTables.end(), table) == kTables.end()) {
    throw ValidationError(
        "table: must be sessions, administrations, observations, checklists, notes, "
        "alarm_events, safety_reviews, discharges or follow_ups");
  }
  const std::string key = table == "sessions" ? "id" : "session_id";
  SQLite::Statement q(db, "SELECT " + std::string(t->snapshot_expr) + " FROM " +
                              std::string(table) + " WHERE " + key + " = ? ORDER BY id");
  q.bind(1, session_id);
  std::vector<std::string> rows;
  while (q.executeStep()) rows.push_back(q.getColumn(0).getString());
  return rows;
}

std::vector<AuditEntry> read_audit_log(Store& store, const Actor& actor, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_audit_log, now);
  return read_audit_entries(store);
}

}  // namespace vigil::db

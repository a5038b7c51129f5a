#include "vigil/db/note_reader.hpp"

#include <SQLiteCpp/Statement.h>

#include "audit_write.hpp"
#include "session_state.hpp"

namespace vigil::db {
namespace {

NoteType note_type_from(const std::string& name) {
  if (name == "preparation") return NoteType::preparation;
  if (name == "integration") return NoteType::integration;
  return NoteType::dosing;
}

SignatureMeaning meaning_from(const std::string& name) {
  if (name == "reviewed") return SignatureMeaning::reviewed;
  if (name == "approved") return SignatureMeaning::approved;
  return SignatureMeaning::authored;
}

void load_signatures(SQLite::Database& db, NoteView& n) {
  SQLite::Statement s(db,
                      "SELECT id, printed_name, meaning, t_utc_ms, content_sha256 FROM signatures "
                      "WHERE note_id = ? ORDER BY id");
  s.bind(1, n.id);
  while (s.executeStep()) {
    n.signatures.push_back({s.getColumn(0).getInt64(), s.getColumn(1).getString(),
                            meaning_from(s.getColumn(2).getString()), s.getColumn(3).getInt64(),
                            s.getColumn(4).getString()});
  }
}

void load_addenda(SQLite::Database& db, NoteView& n) {
  SQLite::Statement a(db,
                      "SELECT a.id, u.name, a.t_utc_ms, a.reason, a.body FROM addenda a "
                      "JOIN users u ON u.id = a.author_id WHERE a.note_id = ? ORDER BY a.id");
  a.bind(1, n.id);
  while (a.executeStep()) {
    n.addenda.push_back({a.getColumn(0).getInt64(), a.getColumn(1).getString(),
                         a.getColumn(2).getInt64(), a.getColumn(3).getString(),
                         a.getColumn(4).getString()});
  }
}

constexpr const char* kNoteColumns =
    "SELECT n.id, n.session_id, n.type, n.body, n.author_id, u.name, n.status, "
    "n.created_utc_ms, n.updated_utc_ms FROM notes n JOIN users u ON u.id = n.author_id ";

NoteView note_from_row(SQLite::Database& db, SQLite::Statement& q) {
  NoteView n;
  n.id = q.getColumn(0).getInt64();
  n.session_id = q.getColumn(1).getInt64();
  n.type = note_type_from(q.getColumn(2).getString());
  n.body = q.getColumn(3).getString();
  n.author_id = q.getColumn(4).getInt64();
  n.author_name = q.getColumn(5).getString();
  n.is_signed = q.getColumn(6).getString() == "signed";
  n.created_utc_ms = q.getColumn(7).getInt64();
  n.updated_utc_ms = q.getColumn(8).getInt64();
  load_signatures(db, n);
  load_addenda(db, n);
  return n;
}

}  // namespace

std::vector<NoteView> read_session_notes(Store& store, const Actor& actor, RowId session_id,
                                         UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  load_session(db, session_id);
  SQLite::Statement q(db, std::string(kNoteColumns) + "WHERE n.session_id = ? ORDER BY n.id");
  q.bind(1, session_id);
  std::vector<NoteView> notes;
  while (q.executeStep()) notes.push_back(note_from_row(db, q));
  return notes;
}

std::optional<NoteView> previous_patient_note(Store& store, const Actor& actor, RowId session_id,
                                              NoteType type, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  const SessionState s = load_session(db, session_id);
  SQLite::Statement q(db, std::string(kNoteColumns) +
                              "JOIN sessions s ON s.id = n.session_id WHERE s.patient_id = ? AND "
                              "n.session_id <> ? AND n.type = ? AND n.status = 'signed' "
                              "ORDER BY n.updated_utc_ms DESC, n.id DESC LIMIT 1");
  q.bind(1, s.patient_id);
  q.bind(2, session_id);
  q.bind(3, std::string(note_type_name(type)));
  if (!q.executeStep()) return std::nullopt;
  return note_from_row(db, q);
}

}  // namespace vigil::db

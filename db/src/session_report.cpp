#include "vigil/db/session_report.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "session_report_rows.hpp"

namespace vigil::db {
namespace {

std::string user_name(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT name FROM users WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : "user " + std::to_string(id);
}

std::vector<ReportNote> read_report_notes(Store& store, const Actor& actor, RowId session_id,
                                          UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  SQLite::Statement q(db,
                      "SELECT id, created_utc_ms FROM notes WHERE session_id = ? ORDER BY "
                      "created_utc_ms, id");
  q.bind(1, session_id);
  std::vector<std::pair<RowId, UtcMs>> ids;
  while (q.executeStep()) ids.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  std::vector<ReportNote> notes;
  for (const auto& [id, created] : ids) {
    ReportNote n;
    n.note = read_note(store, actor, id, now);
    n.author = user_name(db, n.note.author_id);
    for (const auto& a : n.note.addenda) n.addendum_authors.push_back(user_name(db, a.author_id));
    n.created_utc_ms = created;
    notes.push_back(std::move(n));
  }
  return notes;
}

SessionReport assemble_in_snapshot(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  SessionReport r;
  r.binding = bind_session_record(store, actor, session_id, now);
  r.panel = read_session_panel(store, actor, session_id, now);
  detail::read_report_header(db, r);
  detail::read_report_phases(db, r);
  detail::read_report_bps(db, r);
  detail::read_report_alarms(db, r);
  detail::read_report_scales(db, r);
  detail::read_report_devices(db, r);
  r.spo2 = detail::read_vitals_range(db, session_id, core::Channel::spo2);
  r.pulse_rate = detail::read_vitals_range(db, session_id, core::Channel::pulse_rate);
  r.notes = read_report_notes(store, actor, session_id, now);
  if (r.panel.type == core::SessionType::dosing) {
    r.discharge = read_discharge_record(store, actor, session_id, now);
  }
  r.printed_by = actor.name;
  r.printed_utc_ms = now;
  return r;
}

// The whole record in one read transaction, so that what is shown is what the binding covers
// even while the session is still being recorded.
SessionReport assemble(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  db.exec("BEGIN");
  try {
    SessionReport r = assemble_in_snapshot(store, actor, session_id, now);
    db.exec("COMMIT");
    return r;
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace

SessionReport read_session_report(Store& store, const Actor& actor, RowId session_id,
                                  std::string_view document, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::export_records, now);
  require_row(db, "sessions", session_id);
  SessionReport r = assemble(store, actor, session_id, now);
  nlohmann::json j;
  j["session_id"] = session_id;
  j["document"] = std::string(document);
  j["digest"] = r.binding.digest;
  j["chain_seq"] = r.binding.chain_seq;
  j["chain_head"] = r.binding.chain_head;
  audit_event(db, &actor, actor.name, "export_report", "sessions", j.dump(), now);
  return r;
}

SessionReport view_session_record(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  require_row(db, "sessions", session_id);
  SessionReport r = assemble(store, actor, session_id, now);
  nlohmann::json j;
  j["session_id"] = session_id;
  j["patient"] = r.panel.patient_identifier;
  j["view"] = "history";
  audit_event(db, &actor, actor.name, "open_record", "sessions", j.dump(), now);
  return r;
}

}  // namespace vigil::db

#include "vigil/db/session_history.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "vigil/db/database.hpp"

namespace vigil::db {
namespace {

void check_filter(SQLite::Database& db, const SessionHistoryFilter& f) {
  if (f.patient_identifier) {
    require_text("patient identifier", *f.patient_identifier);
    SQLite::Statement q(db, "SELECT 1 FROM patients WHERE identifier = ?");
    q.bind(1, *f.patient_identifier);
    if (!q.executeStep()) throw NotFound("patient " + *f.patient_identifier + ": no such patient");
  }
  if (f.from_utc_ms && f.to_utc_ms && *f.to_utc_ms <= *f.from_utc_ms) {
    throw ValidationError("to: must be after from");
  }
}

std::optional<std::int64_t> optional_int(SQLite::Statement& q, int i) {
  if (q.isColumnNull(i)) return std::nullopt;
  return q.getColumn(i).getInt64();
}

SessionSummary summary_of(SQLite::Statement& q) {
  SessionSummary s;
  s.id = q.getColumn(0).getInt64();
  s.patient_identifier = q.getColumn(1).getString();
  s.patient_name = q.getColumn(2).getString();
  s.type = core::session_type_from_name(q.getColumn(3).getString()).value();
  s.phase = core::session_phase_from_name(q.getColumn(4).getString()).value();
  s.chair = q.getColumn(5).getString();
  s.planned_utc_ms = q.getColumn(6).getInt64();
  s.started_utc_ms = optional_int(q, 7);
  s.ended_utc_ms = optional_int(q, 8);
  s.linked_session_id = optional_int(q, 9);
  return s;
}

}  // namespace

std::vector<SessionSummary> list_sessions(Store& store, const Actor& actor,
                                          const SessionHistoryFilter& filter, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  check_filter(db, filter);
  // Each filter is bound or NULL; a NULL filter matches every session.
  SQLite::Statement q(db,
                      "SELECT s.id, p.identifier, p.name, s.type, s.phase, s.chair, "
                      "s.planned_utc_ms, s.started_utc_ms, s.ended_utc_ms, s.linked_session_id "
                      "FROM sessions s JOIN patients p ON p.id = s.patient_id "
                      "WHERE (?1 IS NULL OR p.identifier = ?1) AND (?2 IS NULL OR s.type = ?2) "
                      "AND (?3 IS NULL OR s.phase = ?3) AND (?4 IS NULL OR s.planned_utc_ms >= ?4) "
                      "AND (?5 IS NULL OR s.planned_utc_ms < ?5) "
                      "ORDER BY s.planned_utc_ms DESC, s.id DESC");
  if (filter.patient_identifier) q.bind(1, *filter.patient_identifier);
  if (filter.type) q.bind(2, std::string(core::session_type_name(*filter.type)));
  if (filter.phase) q.bind(3, std::string(core::session_phase_name(*filter.phase)));
  if (filter.from_utc_ms) q.bind(4, *filter.from_utc_ms);
  if (filter.to_utc_ms) q.bind(5, *filter.to_utc_ms);
  std::vector<SessionSummary> out;
  while (q.executeStep()) out.push_back(summary_of(q));
  q.reset();
  if (filter.patient_identifier) {
    nlohmann::ordered_json j;
    j["patient_identifier"] = *filter.patient_identifier;
    j["sessions"] = out.size();
    audit_event(db, &actor, actor.name, "list_sessions", "patients", j.dump(), now);
  }
  return out;
}

}  // namespace vigil::db

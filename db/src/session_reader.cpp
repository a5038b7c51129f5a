#include "vigil/db/session_reader.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_checkpoints.hpp"
#include "session_state.hpp"

namespace vigil::db {
namespace {

SessionOpening load_opening(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(db,
                      "SELECT s.phase, s.alarm_profile, p.identifier, p.name FROM sessions s "
                      "JOIN patients p ON p.id = s.patient_id WHERE s.id = ?");
  q.bind(1, session_id);
  const std::string name = "session " + std::to_string(session_id);
  if (!q.executeStep()) throw NotFound(name + ": no such session");
  const auto phase = core::session_phase_from_name(q.getColumn(0).getString());
  if (!phase) throw ValidationError(name + ": unknown phase " + q.getColumn(0).getString());
  SessionOpening out;
  out.id = session_id;
  out.phase = *phase;
  out.alarm_profile = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
  out.patient_identifier = q.getColumn(2).getString();
  out.patient_name = q.getColumn(3).getString();
  return out;
}

void audit_opening(SQLite::Database& db, const Actor& actor, const SessionOpening& s, UtcMs now) {
  nlohmann::ordered_json j;
  j["session_id"] = s.id;
  j["patient_identifier"] = s.patient_identifier;
  audit_event(db, &actor, actor.name, "open_record", "sessions", j.dump(), now);
}

}  // namespace

SessionOpening open_session_record(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SessionOpening s = load_opening(db, session_id);
  audit_opening(db, actor, s, now);
  return s;
}

SessionOpening open_patients_open_session(Store& store, const Actor& actor,
                                          std::string_view patient_identifier, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  if (patient_identifier.empty()) throw ValidationError("patient identifier: required");
  const std::string name = "patient " + std::string(patient_identifier);
  SQLite::Statement patient(db, "SELECT id FROM patients WHERE identifier = ?");
  patient.bind(1, std::string(patient_identifier));
  if (!patient.executeStep()) throw NotFound(name + ": no such patient");
  SQLite::Statement q(db,
                      "SELECT id FROM sessions WHERE patient_id = ? AND type = 'dosing' "
                      "AND phase <> 'closed' ORDER BY planned_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, patient.getColumn(0).getInt64());
  if (!q.executeStep()) {
    throw ValidationError(name + ": no open session; a clinician plans the session first");
  }
  SessionOpening s = load_opening(db, q.getColumn(0).getInt64());
  audit_opening(db, actor, s, now);
  return s;
}

std::vector<PlannedSession> sessions_planned_for_chair(Store& store, const Actor& actor,
                                                       std::string_view chair, UtcMs from_utc_ms,
                                                       UtcMs to_utc_ms, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  require_text("chair", chair);
  if (to_utc_ms <= from_utc_ms) throw ValidationError("to_utc_ms: must be after from_utc_ms");
  SQLite::Statement q(db,
                      "SELECT s.id, s.type, s.phase, s.planned_utc_ms, s.planned_dose_mg, "
                      "p.identifier, p.name FROM sessions s JOIN patients p ON p.id = s.patient_id "
                      "WHERE s.chair = ? AND s.phase <> 'closed' AND s.planned_utc_ms >= ? "
                      "AND s.planned_utc_ms < ? ORDER BY s.planned_utc_ms, s.id");
  q.bind(1, std::string(chair));
  q.bind(2, from_utc_ms);
  q.bind(3, to_utc_ms);
  std::vector<PlannedSession> out;
  while (q.executeStep()) {
    PlannedSession s;
    s.id = q.getColumn(0).getInt64();
    s.type = core::session_type_from_name(q.getColumn(1).getString()).value();
    s.phase = core::session_phase_from_name(q.getColumn(2).getString()).value();
    s.planned_utc_ms = q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) s.planned_dose_mg = q.getColumn(4).getDouble();
    s.patient_identifier = q.getColumn(5).getString();
    s.patient_name = q.getColumn(6).getString();
    out.push_back(std::move(s));
  }
  return out;
}

SessionWatchState read_session_watch_state(Store& store, const SystemIdentity&, RowId session_id,
                                           UtcMs now, std::chrono::milliseconds bp_overdue_grace) {
  SQLite::Database& db = raw_connection(store);
  SessionWatchState s;
  SessionState session;
  try {
    session = load_session(db, session_id);
  } catch (const NotFound&) {
    return s;
  }
  s.phase = session.phase;
  if (const auto bp = newest_pre_dose_bp(db, session_id)) {
    s.pre_dose_bp = {bp->systolic_mmhg, bp->diastolic_mmhg};
  }
  s.bp_overdue = session_bp_overdue(db, session, bp_overdue_grace, now);
  return s;
}

}  // namespace vigil::db

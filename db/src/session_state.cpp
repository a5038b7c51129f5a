#include "session_state.hpp"

#include <SQLiteCpp/Statement.h>

#include <string>

namespace vigil::db {
namespace {

bool exists(SQLite::Database& db, const std::string& sql, RowId session_id) {
  SQLite::Statement q(db, sql);
  q.bind(1, session_id);
  return q.executeStep();
}

}  // namespace

core::PreDoseChecklistConfig pre_dose_checklist_config(const SessionState& s) {
  core::PreDoseChecklistConfig config;
  if (s.planned_route == core::DoseRoute::esketamine_nasal) {
    config.required[static_cast<std::size_t>(core::PreDoseItem::rems_enrollment_verified)] = true;
  }
  return config;
}

core::TransitionGuards gather_transition_guards(SQLite::Database& db, RowId id) {
  core::TransitionGuards g;
  // Checklists are append-only: the newest pre-dose checklist is the one in force.
  g.pre_dose_checklist_complete = exists(db,
                                         "SELECT 1 FROM (SELECT complete FROM checklists WHERE "
                                         "session_id = ? AND kind = 'pre_dose' ORDER BY t_utc_ms "
                                         "DESC, id DESC LIMIT 1) WHERE complete = 1",
                                         id);
  g.pre_dose_bp_recorded = exists(
      db, "SELECT 1 FROM observations WHERE session_id = ? AND kind = 'bp' AND phase = 'pre_dose'",
      id);
  g.dose_recorded = exists(db, "SELECT 1 FROM administrations WHERE session_id = ?", id);
  g.integration_note_recorded = exists(db,
                                       "SELECT 1 FROM notes WHERE session_id = ? AND type = "
                                       "'integration' AND status = 'signed'",
                                       id);
  return g;
}

SessionState load_session(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(
      db,
      "SELECT type, phase, patient_id, planned_dose_mg, planned_route FROM sessions "
      "WHERE id = ?");
  q.bind(1, session_id);
  if (!q.executeStep()) {
    throw NotFound("session id " + std::to_string(session_id) + ": no such record");
  }
  SessionState s;
  s.id = session_id;
  s.type = core::session_type_from_name(q.getColumn(0).getString()).value();
  s.phase = core::session_phase_from_name(q.getColumn(1).getString()).value();
  s.patient_id = q.getColumn(2).getInt64();
  if (!q.getColumn(3).isNull()) s.planned_dose_mg = q.getColumn(3).getDouble();
  if (!q.getColumn(4).isNull()) {
    s.planned_route = core::dose_route_from_name(q.getColumn(4).getString());
  }
  return s;
}

std::optional<core::BpReading> newest_pre_dose_bp(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(db,
                      "SELECT systolic_mmhg, diastolic_mmhg, t_utc_ms, bp_source FROM "
                      "observations WHERE session_id = ? AND kind = 'bp' AND phase = 'pre_dose' "
                      "ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  return core::BpReading{
      q.getColumn(0).getDouble(), q.getColumn(1).getDouble(),
      core::UtcTime(std::chrono::milliseconds(q.getColumn(2).getInt64())),
      q.getColumn(3).getString() == "manual" ? core::BpSource::manual : core::BpSource::device};
}

void require_open(const SessionState& s, std::string_view what) {
  if (s.phase == core::SessionPhase::closed) {
    throw ValidationError("session_id: session " + std::to_string(s.id) + " is closed; no more " +
                          std::string(what) + " may be recorded");
  }
}

}  // namespace vigil::db

#include "session_state.hpp"

#include <SQLiteCpp/Statement.h>

namespace vigil::db {

SessionState load_session(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(db,
                      "SELECT type, phase, patient_id, planned_dose_mg FROM sessions "
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

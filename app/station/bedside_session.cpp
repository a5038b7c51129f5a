#include "bedside_session.hpp"

#include "vigil/db/session_store.hpp"

namespace vigil::station {

SessionForStation start_patient_session(SQLite::Database& db, const db::Actor& actor,
                                        const std::string& patient_identifier, db::UtcMs now) {
  if (patient_identifier.empty()) throw db::ValidationError("patient identifier: required");
  const std::string name = "patient " + patient_identifier;
  SQLite::Statement patient(db, "SELECT id FROM patients WHERE identifier = ?");
  patient.bind(1, patient_identifier);
  if (!patient.executeStep()) throw db::NotFound(name + ": no such patient");
  SQLite::Statement q(db,
                      "SELECT id, phase FROM sessions WHERE patient_id = ? AND type = 'dosing' "
                      "AND phase <> 'closed' ORDER BY planned_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, patient.getColumn(0).getInt64());
  if (!q.executeStep()) {
    throw db::ValidationError(name + ": no open session; a clinician plans the session first");
  }
  const db::RowId id = q.getColumn(0).getInt64();
  const bool planned = q.getColumn(1).getString() == "planned";
  q.reset();
  // Everything the station needs (its stored alarm profile loads) is checked before the
  // session moves: a refused start leaves it as it was.
  SessionForStation out = lookup_session_for_station(db, id);
  if (planned) {
    db::advance_session(db, actor, id, core::SessionPhase::pre_dose, now);
    out.info.phase = core::SessionPhase::pre_dose;
  }
  return out;
}

}  // namespace vigil::station

#include "vigil/db/aftercare_reader.hpp"

#include <SQLiteCpp/Statement.h>

#include "audit_write.hpp"

namespace vigil::db {
namespace {

std::vector<LinkedIntegrationSession> integrations_of(SQLite::Database& db, RowId dosing_id) {
  SQLite::Statement q(db,
                      "SELECT s.id, s.phase, coalesce(s.visit_mode, ''), s.planned_utc_ms, "
                      "EXISTS (SELECT 1 FROM notes n WHERE n.session_id = s.id AND "
                      "n.type = 'integration' AND n.status = 'signed') "
                      "FROM sessions s WHERE s.linked_session_id = ? AND s.type = 'integration' "
                      "ORDER BY s.planned_utc_ms, s.id");
  q.bind(1, dosing_id);
  std::vector<LinkedIntegrationSession> out;
  while (q.executeStep()) {
    LinkedIntegrationSession l;
    l.id = q.getColumn(0).getInt64();
    l.phase = core::session_phase_from_name(q.getColumn(1).getString())
                  .value_or(core::SessionPhase::planned);
    l.visit_mode = q.getColumn(2).getString();
    l.planned_utc_ms = q.getColumn(3).getInt64();
    l.note_signed = q.getColumn(4).getInt() != 0;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

std::vector<ClosedDosingSession> read_closed_dosing_sessions(Store& store, const Actor& actor,
                                                             RowId patient_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SQLite::Statement p(db, "SELECT 1 FROM patients WHERE id = ?");
  p.bind(1, patient_id);
  if (!p.executeStep()) {
    throw NotFound("patient id " + std::to_string(patient_id) + ": no such patient");
  }
  SQLite::Statement q(db,
                      "SELECT id, planned_utc_ms, coalesce(ended_utc_ms, planned_utc_ms), "
                      "planned_route FROM sessions WHERE patient_id = ? AND type = 'dosing' AND "
                      "phase = 'closed' ORDER BY coalesce(ended_utc_ms, planned_utc_ms) DESC, "
                      "id DESC");
  q.bind(1, patient_id);
  std::vector<ClosedDosingSession> out;
  while (q.executeStep()) {
    ClosedDosingSession s;
    s.id = q.getColumn(0).getInt64();
    s.planned_utc_ms = q.getColumn(1).getInt64();
    s.closed_utc_ms = q.getColumn(2).getInt64();
    if (!q.getColumn(3).isNull())
      s.planned_route = core::dose_route_from_name(q.getColumn(3).getString());
    out.push_back(std::move(s));
  }
  for (auto& s : out) s.integrations = integrations_of(db, s.id);
  return out;
}

}  // namespace vigil::db

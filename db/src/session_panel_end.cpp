// The end-of-session part of the session panel (session_panel.hpp): safety flags, adverse
// events, discharge criteria, ready to leave, what closing still needs, notes, the link of an
// integration session.
#include "session_panel_end.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "close_facts.hpp"
#include "discharge_facts.hpp"
#include "safety_flags.hpp"
#include "vigil/db/checklist_store.hpp"

namespace vigil::db {
namespace {

void read_adverse_events(SQLite::Database& db, SessionPanelState& p) {
  SQLite::Statement q(db,
                      "SELECT count(*), coalesce(sum(ae_serious), 0) FROM observations WHERE "
                      "session_id = ? AND kind = 'adverse_event'");
  q.bind(1, p.id);
  q.executeStep();
  p.adverse_events = q.getColumn(0).getInt();
  p.serious_adverse_events = q.getColumn(1).getInt();
}

void read_notes_and_link(SQLite::Database& db, SessionPanelState& p) {
  SQLite::Statement n(db, "SELECT type, status FROM notes WHERE session_id = ? ORDER BY id");
  n.bind(1, p.id);
  while (n.executeStep()) {
    p.notes.emplace_back(n.getColumn(0).getString(), n.getColumn(1).getString() == "signed");
  }
  SQLite::Statement s(db, "SELECT linked_session_id, visit_mode FROM sessions WHERE id = ?");
  s.bind(1, p.id);
  if (!s.executeStep()) return;
  if (!s.getColumn(0).isNull()) p.linked_session_id = s.getColumn(0).getInt64();
  if (!s.getColumn(1).isNull()) p.visit_mode = s.getColumn(1).getString();
}

void read_discharge_checklist(SQLite::Database& db, SessionPanelState& p) {
  SQLite::Statement q(db,
                      "SELECT items FROM checklists WHERE session_id = ? AND kind = 'discharge' "
                      "ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, p.id);
  if (!q.executeStep()) return;
  p.discharge_checklist_recorded = true;
  const auto items = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
  if (!items.is_object()) return;
  for (const std::string& name : discharge_checklist_item_names()) {
    const auto it = items.find(name);
    if (it != items.end() && it->is_boolean() && it->get<bool>()) {
      p.discharge_checklist_ticked.push_back(name);
    }
  }
}

void read_discharge(SQLite::Database& db, SessionPanelState& p) {
  SQLite::Statement q(db,
                      "SELECT monitoring_minutes FROM discharges WHERE session_id = ? ORDER BY "
                      "t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, p.id);
  if (!q.executeStep()) return;
  p.ready_to_leave_recorded = true;
  p.monitoring_minutes = q.getColumn(0).getInt();
}

}  // namespace

void read_session_end(SQLite::Database& db, const SessionState& s,
                      const core::AlarmProfile& profile, SessionPanelState& p, UtcMs now) {
  p.unacknowledged_self_harm_flags = unacknowledged_self_harm_flags(db, s.id);
  read_adverse_events(db, p);
  read_notes_and_link(db, p);
  read_discharge(db, p);
  read_discharge_checklist(db, p);
  const bool dosing = s.type == core::SessionType::dosing;
  if (dosing && (s.phase == core::SessionPhase::observation ||
                 s.phase == core::SessionPhase::discharge_ready)) {
    p.discharge_criteria = session_discharge_readiness(db, s, profile, now).criteria;
  }
  const bool closing = s.phase == core::SessionPhase::discharge_ready ||
                       (!dosing && s.phase == core::SessionPhase::planned);
  if (closing) p.close_missing = close_missing(gather_close_facts(db, s, now));
  for (auto& step : p.next_steps) {
    if (step.to != core::SessionPhase::closed || !step.allowed || p.close_missing.empty()) continue;
    step.allowed = false;
    step.reason = "close: " + std::to_string(p.close_missing.size()) + " required field" +
                  (p.close_missing.size() == 1 ? " is" : "s are") + " missing";
  }
}

}  // namespace vigil::db

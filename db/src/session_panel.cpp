#include "vigil/db/session_panel.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "audit_write.hpp"
#include "discharge_facts.hpp"
#include "field_checks.hpp"
#include "session_checkpoints.hpp"
#include "session_panel_end.hpp"
#include "session_state.hpp"
#include "vigil/core/dose_esketamine_rules.hpp"
#include "vigil/core/session_transition.hpp"

namespace vigil::db {
namespace {

std::optional<double> optional_double(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional(c.getDouble());
}

void read_session_and_patient(SQLite::Database& db, SessionPanelState& p, UtcMs now) {
  SQLite::Statement q(db,
                      "SELECT s.chair, p.id, p.identifier, p.name, p.date_of_birth, p.weight_kg "
                      "FROM sessions s JOIN patients p ON p.id = s.patient_id WHERE s.id = ?");
  q.bind(1, p.id);
  q.executeStep();
  p.chair = q.getColumn(0).getString();
  p.patient_id = q.getColumn(1).getInt64();
  p.patient_identifier = q.getColumn(2).getString();
  p.patient_name = q.getColumn(3).getString();
  p.date_of_birth = q.getColumn(4).getString();
  p.weight_kg = optional_double(q.getColumn(5));
  if (!p.date_of_birth.empty()) p.age_years = age_years_at(p.date_of_birth, now);
  SQLite::Statement earlier(db,
                            "SELECT 1 FROM administrations a JOIN sessions s ON a.session_id = "
                            "s.id WHERE s.patient_id = ? AND s.id <> ? AND "
                            "a.route = 'esketamine_nasal'");
  earlier.bind(1, p.patient_id);
  earlier.bind(2, p.id);
  p.first_esketamine_session = !earlier.executeStep();
}

void read_doses(SQLite::Database& db, SessionPanelState& p) {
  SQLite::Statement q(db,
                      "SELECT a.id, a.start_utc_ms, a.end_utc_ms, a.drug, a.route, a.dose_mg, "
                      "a.device_count, a.lot, u.name, coalesce(w.name, ''), a.waste_mg, "
                      "coalesce(a.waste_method, ''), coalesce(ww.name, ''), a.form_strength "
                      "FROM administrations a JOIN users u ON u.id = a.administered_by "
                      "LEFT JOIN users w ON w.id = a.witness_id "
                      "LEFT JOIN users ww ON ww.id = a.waste_witness_id WHERE a.session_id = ? "
                      "ORDER BY a.start_utc_ms, a.id");
  q.bind(1, p.id);
  std::optional<UtcMs> last_device;
  while (q.executeStep()) {
    PanelDose d;
    d.id = q.getColumn(0).getInt64();
    d.start_utc_ms = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) d.end_utc_ms = q.getColumn(2).getInt64();
    d.drug = q.getColumn(3).getString();
    d.route = core::dose_route_from_name(q.getColumn(4).getString()).value_or(core::DoseRoute::iv);
    d.dose_mg = q.getColumn(5).getDouble();
    if (!q.getColumn(6).isNull()) d.device_count = q.getColumn(6).getInt();
    d.lot = q.getColumn(7).getString();
    d.administered_by = q.getColumn(8).getString();
    d.witness = q.getColumn(9).getString();
    d.waste_mg = optional_double(q.getColumn(10));
    d.waste_method = q.getColumn(11).getString();
    d.waste_witness = q.getColumn(12).getString();
    d.form_strength = q.getColumn(13).getString();
    p.total_dose_mg += d.dose_mg;
    if (!p.first_dose_utc_ms) p.first_dose_utc_ms = d.start_utc_ms;
    if (d.route == core::DoseRoute::esketamine_nasal) last_device = d.start_utc_ms;
    p.doses.push_back(std::move(d));
  }
  if (last_device) {
    const core::EsketamineDoseRules rules;
    p.next_device_allowed_utc_ms =
        *last_device +
        std::chrono::duration_cast<std::chrono::milliseconds>(rules.min_between_devices).count();
  }
}

// The pre-dose checklist in force (the newest), re-evaluated against the record's pre-dose BP.
void read_checklist(SQLite::Database& db, const SessionState& s, SessionPanelState& p) {
  p.pre_dose_bp = newest_pre_dose_bp(db, s.id);
  core::PreDoseChecklistTicks ticks;
  SQLite::Statement q(db,
                      "SELECT items, complete FROM checklists WHERE session_id = ? AND "
                      "kind = 'pre_dose' ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, s.id);
  if (q.executeStep()) {
    p.checklist_recorded = true;
    p.checklist_complete = q.getColumn(1).getInt() == 1;
    const auto items = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
    if (items.is_object()) {
      for (const auto& [name, value] : items.items()) {
        if (name == "override_reason" && value.is_string()) {
          p.checklist_override_reason = value.get<std::string>();
        } else if (const auto item = core::enum_from_name<core::PreDoseItem>(name);
                   item && value.is_boolean()) {
          ticks.tick(*item, value.get<bool>());
        }
      }
    }
  }
  const auto result =
      core::evaluate_pre_dose_checklist(ticks, p.pre_dose_bp, pre_dose_checklist_config(s));
  for (auto item : result.missing) p.checklist_missing.emplace_back(core::pre_dose_item_name(item));
  p.bp_advisory = result.advisory;
}

void evaluate_next_steps(SQLite::Database& db, const SessionState& s, SessionPanelState& p,
                         UtcMs now) {
  core::TransitionGuards guards = gather_transition_guards(db, s.id);
  for (const core::SessionPhase to : core::structurally_next_phases(s.type, s.phase)) {
    std::optional<core::DischargeReadiness> readiness;
    if (to == core::SessionPhase::discharge_ready) {
      readiness = session_discharge_readiness(db, s, core::default_alarm_profile(), now);
      guards.discharge_criteria_met = readiness->ready();
    }
    const auto r = core::check_transition(s.type, s.phase, to, guards);
    PanelNextStep step{to, r.allowed, r.reason};
    if (!r.allowed && readiness && !readiness->ready()) {
      step.reason += " (" + unmet_criteria_text(*readiness) + ")";
    }
    p.next_steps.push_back(std::move(step));
  }
}

}  // namespace

SessionPanelState read_session_panel(Store& store, const Actor& actor, RowId session_id,
                                     UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SessionState s;
  try {
    s = load_session(db, session_id);
  } catch (const NotFound&) {
    throw NotFound("session " + std::to_string(session_id) + ": no such session");
  }
  SessionPanelState p;
  p.id = s.id;
  p.type = s.type;
  p.phase = s.phase;
  p.planned_route = s.planned_route;
  p.planned_dose_mg = s.planned_dose_mg;
  read_session_and_patient(db, p, now);
  read_doses(db, p);
  p.checkpoints = session_checkpoints(db, s, bp_overdue_grace(core::default_alarm_profile()), now);
  p.bp_overdue = bp_overdue_unanswered(p.checkpoints, session_bp_readings(db, s.id, now, false));
  read_checklist(db, s, p);
  if (const auto spo2 = latest_vital(db, s.id, core::Channel::spo2, now)) {
    p.latest_spo2_percent = spo2->value;
    p.latest_spo2_utc_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(spo2->time.time_since_epoch())
            .count();
  }
  evaluate_next_steps(db, s, p, now);
  read_session_end(db, s, core::default_alarm_profile(), p, now);
  return p;
}

}  // namespace vigil::db

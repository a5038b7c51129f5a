#include "vigil/db/session_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <optional>
#include <string>

#include "audit_write.hpp"
#include "close_facts.hpp"
#include "discharge_facts.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"
#include "vigil/core/session_transition.hpp"

namespace vigil::db {
namespace {

void write_phase(SQLite::Database& db, const Actor& actor, const SessionState& s,
                 core::SessionPhase to, const std::string& early_reason, UtcMs now) {
  auto before = snapshot_before(db, "sessions", s.id);
  SQLite::Statement up(db,
                       "UPDATE sessions SET phase = ?, "
                       "started_utc_ms = CASE WHEN ?2 = 'pre_dose' AND started_utc_ms IS NULL "
                       "THEN ?3 ELSE started_utc_ms END, "
                       "ended_utc_ms = CASE WHEN ?2 = 'closed' THEN ?3 ELSE ended_utc_ms END, "
                       "ended_early_reason = COALESCE(?4, ended_early_reason) WHERE id = ?5");
  up.bind(1, std::string(core::session_phase_name(to)));
  up.bind(2, std::string(core::session_phase_name(to)));
  up.bind(3, now);
  if (!early_reason.empty()) up.bind(4, early_reason);
  up.bind(5, s.id);
  up.exec();
  audit_row_change(db, actor, early_reason.empty() ? "advance_session" : "end_session_early",
                   "sessions", s.id, std::move(before), now);
}

// The session's nurse or clinician must be an active user of that role.
void require_active_user(SQLite::Database& db, std::string_view field, std::int64_t user_id,
                         Role role) {
  SQLite::Statement q(db, "SELECT 1 FROM users WHERE id = ? AND role = ? AND active = 1");
  q.bind(1, user_id);
  q.bind(2, std::string(role_name(role)));
  if (!q.executeStep()) {
    throw ValidationError(std::string(field) + ": user " + std::to_string(user_id) +
                          " is not an active " + std::string(role_name(role)));
  }
}

// Closing needs every required field (close_facts.hpp); the refusal lists each missing one.
void require_close_fields(SQLite::Database& db, const SessionState& s, UtcMs now) {
  const auto missing = close_missing(gather_close_facts(db, s, now));
  if (missing.empty()) return;
  std::string message = "close: " + std::to_string(missing.size()) + " required field" +
                        (missing.size() == 1 ? " is" : "s are") + " missing: ";
  for (std::size_t i = 0; i < missing.size(); ++i) message += (i ? "; " : "") + missing[i];
  throw ValidationError(message);
}

RowId insert_session(SQLite::Database& db, const Actor& actor, const NewSession& n,
                     std::optional<VisitMode> mode, UtcMs now) {
  require_text("chair", n.chair);
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  require_row(db, "patients", n.patient_id);
  if (n.nurse_id) require_active_user(db, "nurse_id", *n.nurse_id, Role::nurse);
  if (n.clinician_id) require_active_user(db, "clinician_id", *n.clinician_id, Role::clinician);
  std::optional<core::SessionType> linked_type;
  if (n.linked_session_id) {
    const auto linked = load_session(db, *n.linked_session_id);
    if (linked.patient_id != n.patient_id) {
      throw ValidationError("linked_session_id: the linked session is another patient's");
    }
    linked_type = linked.type;
  }
  if (auto err = core::check_session_link(n.type, n.linked_session_id, linked_type)) {
    throw ValidationError(*err);
  }
  if (n.planned_dose_mg) check_range("planned_dose_mg", *n.planned_dose_mg, 0, 1000, "mg");
  SQLite::Statement ins(db,
                        "INSERT INTO sessions (type, linked_session_id, patient_id, "
                        "clinician_id, nurse_id, chair, planned_utc_ms, phase, planned_dose_mg, "
                        "alarm_profile, planned_route, visit_mode) "
                        "VALUES (?,?,?,?,?,?,?,'planned',?,?,?,?)");
  ins.bind(1, std::string(core::session_type_name(n.type)));
  if (n.linked_session_id) ins.bind(2, *n.linked_session_id);
  ins.bind(3, n.patient_id);
  if (n.clinician_id) ins.bind(4, *n.clinician_id);
  if (n.nurse_id) ins.bind(5, *n.nurse_id);
  ins.bind(6, n.chair);
  ins.bind(7, n.planned_utc_ms);
  if (n.planned_dose_mg) ins.bind(8, *n.planned_dose_mg);
  if (!n.alarm_profile.empty()) ins.bind(9, n.alarm_profile);
  if (n.planned_route) ins.bind(10, std::string(core::dose_route_name(*n.planned_route)));
  if (mode) ins.bind(11, std::string(visit_mode_name(*mode)));
  ins.exec();
  const RowId id = db.getLastInsertRowid();
  audit_row_change(db, actor, "create_session", "sessions", id, std::nullopt, now);
  tx.commit();
  return id;
}

// The dosing session an integration session follows must be a closed dosing session.
SessionState closed_dosing_session(SQLite::Database& db, RowId id) {
  const std::string field = "dosing_session_id: session " + std::to_string(id);
  SQLite::Statement q(db, "SELECT 1 FROM sessions WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw ValidationError(field + " does not exist");
  const SessionState s = load_session(db, id);
  if (s.type != core::SessionType::dosing)
    throw ValidationError(field + " is not a dosing session");
  if (s.phase != core::SessionPhase::closed) {
    throw ValidationError(field + " is not closed (phase " +
                          std::string(core::session_phase_name(s.phase)) + ")");
  }
  return s;
}

}  // namespace

RowId create_session(Store& store, const Actor& actor, const NewSession& n, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::create_session, now,
                        [&] { return insert_session(db, actor, n, std::nullopt, now); });
}

RowId create_integration_session(Store& store, const Actor& actor, const NewIntegrationSession& n,
                                 UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::create_session, now, [&] {
    const SessionState dosing = closed_dosing_session(db, n.dosing_session_id);
    NewSession s;
    s.type = core::SessionType::integration;
    s.linked_session_id = dosing.id;
    s.patient_id = dosing.patient_id;
    s.clinician_id = n.clinician_id ? n.clinician_id : std::optional<std::int64_t>(actor.id);
    s.chair = n.mode == VisitMode::video ? "video" : "in person";
    s.planned_utc_ms = n.planned_utc_ms;
    return insert_session(db, actor, s, n.mode, now);
  });
}

void advance_session(Store& store, const Actor& actor, RowId session_id, core::SessionPhase to,
                     UtcMs now) {
  advance_session(store, actor, session_id, to, now, core::default_alarm_profile());
}

void advance_session(Store& store, const Actor& actor, RowId session_id, core::SessionPhase to,
                     UtcMs now, const core::AlarmProfile& profile) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::advance_session, now, [&] {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto s = load_session(db, session_id);
    auto guards = gather_transition_guards(db, session_id);
    std::optional<core::DischargeReadiness> readiness;
    if (to == core::SessionPhase::discharge_ready) {
      readiness = session_discharge_readiness(db, s, profile, now);
      guards.discharge_criteria_met = readiness->ready();
    }
    const auto result = core::check_transition(s.type, s.phase, to, guards);
    if (!result) {
      std::string message = "phase: " + result.reason;
      if (readiness && !readiness->ready()) message += " (" + unmet_criteria_text(*readiness) + ")";
      throw ValidationError(message);
    }
    if (to == core::SessionPhase::closed) require_close_fields(db, s, now);
    write_phase(db, actor, s, to, {}, now);
    tx.commit();
  });
}

void end_session_early(Store& store, const Actor& actor, RowId session_id,
                       const std::string& reason, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::end_session_early, now, [&] {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto s = load_session(db, session_id);
    const core::EarlyEnd early{reason, actor.role == Role::clinician};
    const auto result = core::check_early_end(s.type, s.phase, early);
    if (!result) throw ValidationError("reason: " + result.reason);
    write_phase(db, actor, s, core::SessionPhase::closed, reason, now);
    tx.commit();
  });
}

void set_session_alarm_profile(Store& store, const Actor& actor, RowId session_id,
                               const std::string& profile_text, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::set_session_alarm_profile, now, [&] {
    require_text("alarm_profile", profile_text);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_open(load_session(db, session_id), "alarm profile changes");
    auto before = snapshot_before(db, "sessions", session_id);
    SQLite::Statement up(db, "UPDATE sessions SET alarm_profile = ? WHERE id = ?");
    up.bind(1, profile_text);
    up.bind(2, session_id);
    up.exec();
    audit_row_change(db, actor, "set_session_alarm_profile", "sessions", session_id,
                     std::move(before), now);
    tx.commit();
  });
}

}  // namespace vigil::db

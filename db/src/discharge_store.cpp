#include "vigil/db/discharge_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "close_facts.hpp"
#include "discharge_facts.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"
#include "vigil/db/session_store.hpp"

namespace vigil::db {
namespace {

using Answer = std::optional<bool>;

void require_answer(std::string_view field, const Answer& a, bool required, const char* why) {
  if (required && !a) throw ValidationError(std::string(field) + ": required " + why);
}

void check_answers(const ReadyToLeave& r, bool esketamine) {
  constexpr const char* kForm = "for esketamine (the REMS Patient Monitoring Form)";
  if (!r.rems_ready_minutes && esketamine) {
    throw ValidationError(
        "rems_ready_minutes: required for esketamine (the REMS evaluation question)");
  }
  if (r.rems_ready_minutes)
    check_range("rems_ready_minutes", *r.rems_ready_minutes, 0, 1440, "min");
  require_answer("vitals_acceptable_before_completion", r.vitals_acceptable_before_completion,
                 esketamine, kForm);
  require_answer("sedation", r.sedation, esketamine, kForm);
  require_answer("dissociation", r.dissociation, esketamine, kForm);
  require_answer("respiratory_depression", r.respiratory_depression, esketamine, kForm);
  const auto resolved = [](std::string_view field, const Answer& seen, const Answer& res) {
    if (seen.value_or(false) && !res) {
      throw ValidationError(std::string(field) + ": required when it was seen (did it resolve?)");
    }
  };
  resolved("sedation_resolved", r.sedation, r.sedation_resolved);
  resolved("dissociation_resolved", r.dissociation, r.dissociation_resolved);
  resolved("respiratory_depression_resolved", r.respiratory_depression,
           r.respiratory_depression_resolved);
}

nlohmann::json answers_json(const ReadyToLeave& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  const auto put = [&](const char* key, const Answer& a) {
    j[key] = a ? nlohmann::ordered_json(*a) : nlohmann::ordered_json(nullptr);
  };
  j["rems_ready_minutes"] =
      r.rems_ready_minutes ? nlohmann::ordered_json(*r.rems_ready_minutes) : nullptr;
  put("vitals_acceptable_before_completion", r.vitals_acceptable_before_completion);
  put("sedation", r.sedation);
  put("sedation_resolved", r.sedation_resolved);
  put("dissociation", r.dissociation);
  put("dissociation_resolved", r.dissociation_resolved);
  put("respiratory_depression", r.respiratory_depression);
  put("respiratory_depression_resolved", r.respiratory_depression_resolved);
  return j;
}

Answer answer_from(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_boolean()) return std::nullopt;
  return j[key].get<bool>();
}

ReadyToLeave answers_from(RowId session_id, const nlohmann::json& j) {
  ReadyToLeave r;
  r.session_id = session_id;
  if (j.contains("rems_ready_minutes") && j["rems_ready_minutes"].is_number_integer()) {
    r.rems_ready_minutes = j["rems_ready_minutes"].get<int>();
  }
  r.vitals_acceptable_before_completion = answer_from(j, "vitals_acceptable_before_completion");
  r.sedation = answer_from(j, "sedation");
  r.sedation_resolved = answer_from(j, "sedation_resolved");
  r.dissociation = answer_from(j, "dissociation");
  r.dissociation_resolved = answer_from(j, "dissociation_resolved");
  r.respiratory_depression = answer_from(j, "respiratory_depression");
  r.respiratory_depression_resolved = answer_from(j, "respiratory_depression_resolved");
  return r;
}

std::optional<UtcMs> first_dose_start(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(db, "SELECT min(start_utc_ms) FROM administrations WHERE session_id = ?");
  q.bind(1, session_id);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace

std::vector<core::DischargeCriterionStatus> read_discharge_criteria(
    Store& store, const Actor& actor, RowId session_id, const core::AlarmProfile& profile,
    UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  const SessionState s = load_session(db, session_id);
  return session_discharge_readiness(db, s, profile, now).criteria;
}

RowId record_ready_to_leave(Store& store, const Actor& actor, const ReadyToLeave& r,
                            const core::AlarmProfile& profile, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  {
    const SessionState s = load_session(db, r.session_id);
    if (s.phase == core::SessionPhase::observation) {
      // Refused (and audited) with every unmet criterion when the patient is not ready.
      advance_session(store, actor, r.session_id, core::SessionPhase::discharge_ready, now,
                      profile);
    }
  }
  return permitted_call(db, actor, Action::advance_session, now, [&] {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const SessionState s = load_session(db, r.session_id);
    if (s.type != core::SessionType::dosing || s.phase != core::SessionPhase::discharge_ready) {
      throw ValidationError(
          "phase: ready to leave is recorded for a dosing session in "
          "observation or discharge_ready (this one is " +
          std::string(core::session_phase_name(s.phase)) + ")");
    }
    check_answers(r, gather_close_facts(db, s, now).esketamine);
    const auto first = first_dose_start(db, s.id);
    const int minutes = first ? static_cast<int>((now - *first) / 60'000) : 0;
    SQLite::Statement ins(db,
                          "INSERT INTO discharges (session_id, recorded_by, t_utc_ms, "
                          "monitoring_minutes, answers) VALUES (?,?,?,?,?)");
    ins.bind(1, s.id);
    ins.bind(2, actor.id);
    ins.bind(3, now);
    ins.bind(4, minutes);
    ins.bind(5, answers_json(r).dump());
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "record_ready_to_leave", "discharges", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

std::optional<DischargeRecord> read_discharge_record(Store& store, const Actor& actor,
                                                     RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  load_session(db, session_id);
  SQLite::Statement q(db,
                      "SELECT d.id, d.t_utc_ms, u.name, d.monitoring_minutes, d.answers FROM "
                      "discharges d JOIN users u ON u.id = d.recorded_by WHERE d.session_id = ? "
                      "ORDER BY d.t_utc_ms DESC, d.id DESC LIMIT 1");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  DischargeRecord d;
  d.id = q.getColumn(0).getInt64();
  d.t_utc_ms = q.getColumn(1).getInt64();
  d.recorded_by = q.getColumn(2).getString();
  d.monitoring_minutes = q.getColumn(3).getInt();
  d.answers = answers_from(session_id, nlohmann::json::parse(q.getColumn(4).getString()));
  return d;
}

std::vector<std::string> missing_close_fields(Store& store, const Actor& actor, RowId session_id,
                                              UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  return close_missing(gather_close_facts(db, load_session(db, session_id), now));
}

void close_session(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  advance_session(store, actor, session_id, core::SessionPhase::closed, now);
}

}  // namespace vigil::db

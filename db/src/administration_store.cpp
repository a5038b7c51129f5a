#include "vigil/db/administration_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"
#include "vigil/core/dose_esketamine_rules.hpp"
#include "vigil/core/dose_weight_based_rules.hpp"

namespace vigil::db {
namespace {

struct PatientFacts {
  std::optional<double> weight_kg;
  std::string date_of_birth;
};

PatientFacts patient_facts(SQLite::Database& db, RowId patient_id) {
  SQLite::Statement q(db, "SELECT weight_kg, date_of_birth FROM patients WHERE id = ?");
  q.bind(1, patient_id);
  q.executeStep();
  PatientFacts f;
  if (!q.getColumn(0).isNull()) f.weight_kg = q.getColumn(0).getDouble();
  f.date_of_birth = q.getColumn(1).getString();
  return f;
}

double earlier_mg(SQLite::Database& db, RowId session_id, std::optional<core::DoseRoute> route) {
  SQLite::Statement q(db, route
                              ? "SELECT total(dose_mg) FROM administrations WHERE session_id = ? "
                                "AND route = ?"
                              : "SELECT total(dose_mg) FROM administrations WHERE session_id = ?");
  q.bind(1, session_id);
  if (route) q.bind(2, std::string(core::dose_route_name(*route)));
  q.executeStep();
  return q.getColumn(0).getDouble();
}

core::DoseCheckResult check_dose(SQLite::Database& db, const SessionState& s,
                                 const NewAdministration& a,
                                 const std::optional<core::ClinicianOverride>& ov) {
  const auto patient = patient_facts(db, s.patient_id);
  if (a.route != core::DoseRoute::esketamine_nasal) {
    core::WeightBasedDoseRequest r;
    r.route = a.route;
    r.dose_mg = a.dose_mg;
    r.weight_kg = patient.weight_kg.value_or(0);
    r.earlier_route_mg = earlier_mg(db, s.id, a.route);
    return core::check_weight_based_dose(r, {}, ov);
  }
  core::EsketamineDoseRequest r;
  r.dose_mg = a.dose_mg;
  r.time = core::UtcTime(std::chrono::milliseconds(a.start_utc_ms));
  SQLite::Statement prev(db,
                         "SELECT max(start_utc_ms) FROM administrations WHERE session_id = ? "
                         "AND route = 'esketamine_nasal'");
  prev.bind(1, s.id);
  prev.executeStep();
  if (!prev.getColumn(0).isNull()) {
    r.previous_device_time = core::UtcTime(std::chrono::milliseconds(prev.getColumn(0).getInt64()));
  }
  r.earlier_session_mg = earlier_mg(db, s.id, std::nullopt);
  r.planned_session_mg = s.planned_dose_mg.value_or(0);
  r.age_years = age_years_at(patient.date_of_birth, a.start_utc_ms);
  SQLite::Statement first(db,
                          "SELECT 1 FROM administrations a JOIN sessions s ON a.session_id = s.id "
                          "WHERE s.patient_id = ? AND s.id <> ? AND a.route = 'esketamine_nasal'");
  first.bind(1, s.patient_id);
  first.bind(2, s.id);
  r.first_treatment_session = !first.executeStep();
  return core::check_esketamine_dose(r, {}, ov);
}

void check_fields(const NewAdministration& a) {
  require_text("drug", a.drug);
  require_text("form_strength", a.form_strength);
  require_text("lot", a.lot);
  const bool esketamine = a.route == core::DoseRoute::esketamine_nasal;
  if (esketamine != (a.drug == "esketamine")) {
    throw ValidationError(
        "drug: esketamine is given by the esketamine_nasal route, ketamine by "
        "iv, im, sublingual or oral");
  }
  if (a.device_count) check_range("device_count", *a.device_count, 1, 3, "devices");
  if (a.end_utc_ms && *a.end_utc_ms < a.start_utc_ms) {
    throw ValidationError("end_utc_ms: must not be before start_utc_ms");
  }
  if (a.waste_mg) {
    check_range("waste_mg", *a.waste_mg, 0, 1000, "mg");
    require_text("waste_method", a.waste_method);
  }
}

// A witness (of the dose or of its waste) is another person than the one administering, an
// active user whose role may give the dose (nurse, clinician): a controlled-substance record
// needs two people who may give it.
void check_witness(SQLite::Database& db, const Actor& actor, std::string_view field,
                   std::optional<std::int64_t> witness_id) {
  if (!witness_id) return;
  if (*witness_id == actor.id) {
    throw ValidationError(std::string(field) + ": the witness must be another user than " +
                          actor.name + ", who administers");
  }
  SQLite::Statement q(db, "SELECT role, active FROM users WHERE id = ?");
  q.bind(1, *witness_id);
  const bool found = q.executeStep();
  const auto role = found ? role_from_name(q.getColumn(0).getString()) : std::nullopt;
  if (!found || q.getColumn(1).getInt() == 0 || !role ||
      !role_may(*role, Action::record_administration)) {
    throw ValidationError(std::string(field) + ": user " + std::to_string(*witness_id) +
                          " is not an active nurse or clinician");
  }
}

std::string violations_json(const core::DoseCheckResult& c) {
  auto j = nlohmann::json::array();
  for (const auto& v : c.violations) j.push_back({{"rule", v.rule}, {"message", v.message}});
  return j.dump();
}

std::string refusal_text(const core::DoseCheckResult& c) {
  std::string text = "dose refused:";
  for (const auto& e : c.input_errors) text += " " + e + ";";
  for (const auto& v : c.violations) text += " " + v.message + ";";
  if (c.input_errors.empty()) text += " a clinician may override with a reason";
  return text;
}

}  // namespace

AdministrationResult record_administration(Store& store, const Actor& actor,
                                           const NewAdministration& a, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_administration, now, [&] {
    std::optional<core::ClinicianOverride> ov;
    if (a.override_reason) {
      require_permission(db, actor, Action::override_dose, now);
      ov = core::ClinicianOverride{actor.name, *a.override_reason};
    }
    check_fields(a);
    check_witness(db, actor, "witness_id", a.witness_id);
    check_witness(db, actor, "waste_witness_id", a.waste_witness_id);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto s = load_session(db, a.session_id);
    if (s.phase != core::SessionPhase::dosing) {
      throw ValidationError(
          "session_id: administrations are recorded in the dosing phase (session " +
          std::to_string(s.id) + " is " + std::string(core::session_phase_name(s.phase)) + ")");
    }
    AdministrationResult result;
    result.check = check_dose(db, s, a, ov);
    if (!result.check.accepted()) throw ValidationError(refusal_text(result.check));

    SQLite::Statement ins(
        db,
        "INSERT INTO administrations (session_id, drug, form_strength, route, dose_mg, "
        "dose_mg_per_kg, lot, administered_by, witness_id, start_utc_ms, end_utc_ms, device_count, "
        "waste_mg, waste_method, waste_witness_id, dose_decision, override_by, override_reason, "
        "violations) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, a.session_id);
    ins.bind(2, a.drug);
    ins.bind(3, a.form_strength);
    ins.bind(4, std::string(core::dose_route_name(a.route)));
    ins.bind(5, a.dose_mg);
    if (result.check.dose_mg_per_kg) ins.bind(6, *result.check.dose_mg_per_kg);
    ins.bind(7, a.lot);
    ins.bind(8, actor.id);
    if (a.witness_id) ins.bind(9, *a.witness_id);
    ins.bind(10, a.start_utc_ms);
    if (a.end_utc_ms) ins.bind(11, *a.end_utc_ms);
    if (a.device_count) ins.bind(12, *a.device_count);
    if (a.waste_mg) ins.bind(13, *a.waste_mg);
    if (a.waste_mg) ins.bind(14, a.waste_method);
    if (a.waste_witness_id) ins.bind(15, *a.waste_witness_id);
    ins.bind(16, std::string(core::dose_decision_name(result.check.decision)));
    if (result.check.applied_override) {
      ins.bind(17, actor.id);
      ins.bind(18, result.check.applied_override->reason);
    }
    ins.bind(19, violations_json(result.check));
    ins.exec();
    result.id = db.getLastInsertRowid();
    audit_row_change(db, actor, "record_administration", "administrations", result.id, std::nullopt,
                     now);
    tx.commit();
    return result;
  });
}

}  // namespace vigil::db

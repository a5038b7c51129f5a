#include "vigil/db/outcome_trends.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "audit_write.hpp"

namespace vigil::db {

const std::vector<OutcomeSeries>& outcome_scales() {
  static const std::vector<OutcomeSeries> scales{
      {"phq9",
       27,
       {{0, 4, "minimal"},
        {5, 9, "mild"},
        {10, 14, "moderate"},
        {15, 19, "moderately severe"},
        {20, 27, "severe"}},
       {}},
      {"gad7",
       21,
       {{0, 4, "minimal"}, {5, 9, "mild"}, {10, 14, "moderate"}, {15, 21, "severe"}},
       {}},
      {"madrs",
       60,
       {{0, 6, "normal"}, {7, 19, "mild"}, {20, 34, "moderate"}, {35, 60, "severe"}},
       {}},
  };
  return scales;
}

std::vector<OutcomeSeries> read_outcome_trends(Store& store, const Actor& actor,
                                               std::string_view patient_identifier, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SQLite::Statement patient(db, "SELECT id FROM patients WHERE identifier = ?");
  patient.bind(1, std::string(patient_identifier));
  if (!patient.executeStep()) {
    throw NotFound("patient " + std::string(patient_identifier) + ": no such patient");
  }
  const RowId patient_id = patient.getColumn(0).getInt64();
  std::vector<OutcomeSeries> out = outcome_scales();
  const auto series = [&](const std::string& scale) -> OutcomeSeries* {
    for (auto& s : out) {
      if (s.scale == scale) return &s;
    }
    return nullptr;
  };
  SQLite::Statement q(db,
                      "SELECT o.session_id, o.t_utc_ms, o.kind, o.total FROM observations o JOIN "
                      "sessions s ON s.id = o.session_id WHERE s.patient_id = ? AND o.kind IN "
                      "('phq9', 'gad7', 'madrs') AND o.total IS NOT NULL");
  q.bind(1, patient_id);
  while (q.executeStep()) {
    if (auto* s = series(q.getColumn(2).getString())) {
      s->points.push_back(
          {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(3).getInt(), false});
    }
  }
  SQLite::Statement f(db,
                      "SELECT f.session_id, f.t_utc_ms, f.scales FROM follow_ups f JOIN sessions s "
                      "ON s.id = f.session_id WHERE s.patient_id = ? AND f.scales IS NOT NULL");
  f.bind(1, patient_id);
  while (f.executeStep()) {
    const auto scales = nlohmann::json::parse(f.getColumn(2).getString(), nullptr, false);
    if (!scales.is_array()) continue;
    for (const auto& sc : scales) {
      if (!sc.is_object() || !sc.contains("total") || !sc["total"].is_number_integer()) continue;
      if (auto* s = series(sc.value("scale", ""))) {
        s->points.push_back(
            {f.getColumn(0).getInt64(), f.getColumn(1).getInt64(), sc["total"].get<int>(), true});
      }
    }
  }
  for (auto& s : out) {
    std::sort(s.points.begin(), s.points.end(),
              [](const OutcomePoint& a, const OutcomePoint& b) { return a.t_utc_ms < b.t_utc_ms; });
  }
  nlohmann::json j;
  j["patient"] = std::string(patient_identifier);
  audit_event(db, &actor, actor.name, "view_outcomes", "patients", j.dump(), now);
  return out;
}

}  // namespace vigil::db

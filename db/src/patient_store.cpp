#include "vigil/db/patient_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdio>

#include "audit_write.hpp"
#include "field_checks.hpp"

namespace vigil::db {
namespace {

// The range the weight-based dose rules accept (core::check_weight_based_dose).
void check_weight(double kg) { check_range("weight_kg", kg, 20, 300, "kg"); }

void check_patient(const NewPatient& p, UtcMs now) {
  require_text("identifier", p.identifier);
  require_text("name", p.name);
  check_date_not_after("date_of_birth", p.date_of_birth, now);
  if (p.sex != "female" && p.sex != "male" && p.sex != "other" && p.sex != "unknown") {
    throw ValidationError("sex: must be female, male, other or unknown");
  }
  if (p.weight_kg) check_weight(*p.weight_kg);
}

// `text` for a LIKE pattern escaped with a backslash: its own % and _ match only themselves.
std::string like_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

PatientRecord patient_from(SQLite::Statement& q) {
  PatientRecord p;
  p.id = q.getColumn(0).getInt64();
  p.identifier = q.getColumn(1).getString();
  p.name = q.getColumn(2).getString();
  p.date_of_birth = q.getColumn(3).getString();
  p.sex = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) p.weight_kg = q.getColumn(5).getDouble();
  return p;
}

}  // namespace

std::vector<PatientRecord> find_patients(Store& store, const Actor& actor, std::string_view query,
                                         UtcMs now, int limit) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  require_text("query", query);
  check_range("limit", limit, 1, 200, "");
  const std::string pattern = like_escaped(query);
  SQLite::Statement q(db,
                      "SELECT id, identifier, name, date_of_birth, sex, weight_kg FROM patients "
                      "WHERE identifier LIKE ?1 || '%' ESCAPE '\\' "
                      "OR name LIKE '%' || ?1 || '%' ESCAPE '\\' "
                      "ORDER BY identifier = ?2 DESC, name, identifier LIMIT ?3");
  q.bind(1, pattern);
  q.bind(2, std::string(query));
  q.bind(3, limit);
  std::vector<PatientRecord> out;
  while (q.executeStep()) out.push_back(patient_from(q));
  return out;
}

RowId create_patient(Store& store, const Actor& actor, const NewPatient& p, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::create_patient, now, [&] {
    check_patient(p, now);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement dup(db, "SELECT 1 FROM patients WHERE identifier = ?");
    dup.bind(1, p.identifier);
    if (dup.executeStep()) {
      throw ValidationError("identifier: patient " + p.identifier + " already exists");
    }
    SQLite::Statement ins(db,
                          "INSERT INTO patients (identifier, name, date_of_birth, sex, weight_kg) "
                          "VALUES (?,?,?,?,?)");
    ins.bind(1, p.identifier);
    ins.bind(2, p.name);
    ins.bind(3, p.date_of_birth);
    ins.bind(4, p.sex);
    if (p.weight_kg) ins.bind(5, *p.weight_kg);
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "create_patient", "patients", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

void update_patient_weight(Store& store, const Actor& actor, RowId patient_id, double weight_kg,
                           UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::update_patient, now, [&] {
    check_weight(weight_kg);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db, "patients", patient_id);
    auto before = snapshot_before(db, "patients", patient_id);
    SQLite::Statement up(db, "UPDATE patients SET weight_kg = ? WHERE id = ?");
    up.bind(1, weight_kg);
    up.bind(2, patient_id);
    up.exec();
    audit_row_change(db, actor, "update_patient", "patients", patient_id, std::move(before), now);
    tx.commit();
  });
}

}  // namespace vigil::db

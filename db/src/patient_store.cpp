#include "vigil/db/patient_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdio>

#include "audit_write.hpp"
#include "field_checks.hpp"

namespace vigil::db {
namespace {

void check_weight(double kg) {
  if (!(kg >= 1 && kg <= 500)) throw ValidationError("weight_kg: must be 1-500 kg");
}

void check_patient(const NewPatient& p) {
  require_text("identifier", p.identifier);
  require_text("name", p.name);
  check_date("date_of_birth", p.date_of_birth);
  if (p.sex != "female" && p.sex != "male" && p.sex != "other" && p.sex != "unknown") {
    throw ValidationError("sex: must be female, male, other or unknown");
  }
  if (p.weight_kg) check_weight(*p.weight_kg);
}

}  // namespace

RowId create_patient(Store& store, const Actor& actor, const NewPatient& p, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::create_patient, now, [&] {
    check_patient(p);
    SQLite::Transaction tx(db);
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
    SQLite::Transaction tx(db);
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

#pragma once
// Patients (nurse, clinician). Every write is audited in its own transaction.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct NewPatient {
  std::string identifier;  // the clinic's record number; unique
  std::string name;
  std::string date_of_birth;        // YYYY-MM-DD
  std::string sex;                  // female | male | other | unknown
  std::optional<double> weight_kg;  // kg, 1-500
};

RowId create_patient(Store& store, const Actor& actor, const NewPatient& patient, UtcMs now);
void update_patient_weight(Store& store, const Actor& actor, RowId patient_id, double weight_kg,
                           UtcMs now);

}  // namespace vigil::db

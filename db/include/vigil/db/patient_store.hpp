#pragma once
// Patients (nurse, clinician). Every write is audited in its own transaction.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct NewPatient {
  std::string identifier;  // the clinic's record number; unique
  std::string name;
  std::string date_of_birth;        // YYYY-MM-DD
  std::string sex;                  // female | male | other | unknown
  std::optional<double> weight_kg;  // kg, 20-300
};

// Refuses (ValidationError naming the field and the rule) a blank identifier or name, a date of
// birth that is no date or is in the future (after the UTC day of `now`), another sex, a weight
// outside 20-300 kg, and an identifier that already exists.
RowId create_patient(Store& store, const Actor& actor, const NewPatient& patient, UtcMs now);
// The audit entry keeps the old value beside the new one.
void update_patient_weight(Store& store, const Actor& actor, RowId patient_id, double weight_kg,
                           UtcMs now);

struct PatientRecord {
  RowId id = 0;
  std::string identifier;
  std::string name;
  std::string date_of_birth;
  std::string sex;
  std::optional<double> weight_kg;
};

// Nurse, clinician or auditor (read_records). Patients whose identifier starts with `query` or
// whose name contains it (ASCII letters compared without case), exact identifier first, then by
// name; at most `limit` (1-200). A blank query is refused ("query: required, must not be blank").
// A search is role-checked, not audited: opening a patient's session is (session_reader.hpp).
std::vector<PatientRecord> find_patients(Store& store, const Actor& actor, std::string_view query,
                                         UtcMs now, int limit = 50);

}  // namespace vigil::db

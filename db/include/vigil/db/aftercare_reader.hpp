#pragma once
// What follows a patient's dosing sessions, for the aftercare screen: each closed dosing
// session (newest first) with the integration sessions planned from it. Nurse, clinician or
// auditor (read_records); not audited (a list: opening a session's record is).

#include <optional>
#include <string>
#include <vector>

#include "vigil/core/dose_route.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct LinkedIntegrationSession {
  RowId id = 0;
  core::SessionPhase phase = core::SessionPhase::planned;
  std::string visit_mode;  // "in_person" | "video"
  UtcMs planned_utc_ms = 0;
  bool note_signed = false;  // a signed integration note is on record
};

struct ClosedDosingSession {
  RowId id = 0;
  UtcMs planned_utc_ms = 0;
  UtcMs closed_utc_ms = 0;
  std::optional<core::DoseRoute> planned_route;
  std::vector<LinkedIntegrationSession> integrations;  // planned order
};

// Throws NotFound ("patient id N: no such patient").
std::vector<ClosedDosingSession> read_closed_dosing_sessions(Store& store, const Actor& actor,
                                                             RowId patient_id, UtcMs now);

}  // namespace vigil::db

#pragma once
// Looking back: the sessions on record, by patient, date, type and phase, for the history
// screen and `vigilctl sessions`.

#include <optional>
#include <string>
#include <vector>

#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_type.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct SessionHistoryFilter {
  std::optional<std::string> patient_identifier;  // exact
  std::optional<core::SessionType> type;
  std::optional<core::SessionPhase> phase;
  std::optional<UtcMs> from_utc_ms;  // planned at or after
  std::optional<UtcMs> to_utc_ms;    // planned before
};

struct SessionSummary {
  RowId id = 0;
  std::string patient_identifier;
  std::string patient_name;
  core::SessionType type = core::SessionType::dosing;
  core::SessionPhase phase = core::SessionPhase::planned;
  std::string chair;
  UtcMs planned_utc_ms = 0;
  std::optional<UtcMs> started_utc_ms;
  std::optional<UtcMs> ended_utc_ms;
  std::optional<RowId> linked_session_id;  // an integration session's dosing session
};

// Nurse, clinician or auditor (read_records). The sessions matching every given filter, the
// newest planned first. Listing one patient's sessions is viewing their record: audited
// ("list_sessions", entity patients, with the identifier); a list across patients is not.
// Throws ValidationError naming the field (a blank identifier, an empty time window) and
// NotFound ("patient X: no such patient").
std::vector<SessionSummary> list_sessions(Store& store, const Actor& actor,
                                          const SessionHistoryFilter& filter, UtcMs now);

}  // namespace vigil::db

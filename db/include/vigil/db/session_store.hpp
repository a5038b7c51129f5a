#pragma once
// Sessions: planning (clinician), phase changes by the session rules of core (nurse,
// clinician), early end, and the alarm profile in force (clinician). All audited.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_type.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct NewSession {
  core::SessionType type = core::SessionType::dosing;
  std::optional<RowId> linked_session_id;  // integration sessions: the dosing session
  RowId patient_id = 0;
  std::optional<std::int64_t> clinician_id;  // users.id
  std::optional<std::int64_t> nurse_id;      // users.id
  std::string chair;
  UtcMs planned_utc_ms = 0;
  std::optional<double> planned_dose_mg;  // the prescribed session total, mg
  // The planned treatment: esketamine_nasal, or racemic ketamine iv (infusion), im, sublingual,
  // oral. Esketamine sessions need REMS enrolment verified on the pre-dose checklist.
  std::optional<core::DoseRoute> planned_route = std::nullopt;
  std::string alarm_profile;  // the profile in force, as TOML text (may be empty)
};

RowId create_session(Store& store, const Actor& actor, const NewSession& session, UtcMs now);

// An integration session: no devices, no dosing; it follows a closed dosing session of the same
// patient and closes with its signed integration note.
enum class VisitMode : std::uint8_t { in_person, video };
constexpr std::string_view visit_mode_name(VisitMode v) {
  return v == VisitMode::video ? "video" : "in_person";
}
struct NewIntegrationSession {
  RowId dosing_session_id = 0;  // a closed dosing session
  VisitMode mode = VisitMode::in_person;
  UtcMs planned_utc_ms = 0;
  std::optional<std::int64_t> clinician_id = std::nullopt;  // default: the actor
};
// Clinician (plan sessions). Refused unless the dosing session is a closed dosing session
// ("dosing_session_id: session 4 is not closed (phase observation)"). The chair is the visit
// mode ("video" or "in person"); the patient is the dosing session's.
RowId create_integration_session(Store& store, const Actor& actor,
                                 const NewIntegrationSession& session, UtcMs now);

// Moves the session to `to` when core::check_transition allows it, with guards gathered from
// the store: pre-dose checklist complete, a BP recorded in the pre_dose phase, a dose recorded,
// a note (integration), and for discharge_ready core::evaluate_discharge_readiness on the
// recorded data at `now` (docs/database.md "Discharge readiness"). A refusal throws
// ValidationError with the rule's message; a discharge refusal names each unmet criterion,
// e.g. "phase: cannot go from observation to discharge_ready: the discharge criteria are not
// met (sedation: no MOAA/S recorded; escort: escort not confirmed)". Entering pre_dose sets
// started_utc_ms, closed sets ended_utc_ms (both `now`).
// `profile` is the session's alarm profile in force (the vitals criterion checks its limits);
// the first form uses core::default_alarm_profile(): the store does not parse the profile TOML
// it keeps, so a caller holding the session's own profile should pass it.
void advance_session(Store& store, const Actor& actor, RowId session_id, core::SessionPhase to,
                     UtcMs now);
void advance_session(Store& store, const Actor& actor, RowId session_id, core::SessionPhase to,
                     UtcMs now, const core::AlarmProfile& profile);

// core::check_early_end; after dosing began only a clinician may end early.
void end_session_early(Store& store, const Actor& actor, RowId session_id,
                       const std::string& reason, UtcMs now);

// Clinician only: replaces the profile in force (a changed limit or a channel's alarm off).
void set_session_alarm_profile(Store& store, const Actor& actor, RowId session_id,
                               const std::string& profile_text, UtcMs now);

}  // namespace vigil::db

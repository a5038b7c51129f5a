#pragma once
// The rules for moving a session from one phase to the next (docs/clinical.md, REMS).
//
// Dosing session:
//   planned -> pre_dose                   always (the patient has arrived)
//   pre_dose -> dosing                    pre-dose checklist complete AND a pre-dose BP recorded
//   dosing -> observation                 at least one dose recorded
//   observation -> dosing                 a further dose (e.g. a booster); dose rules still apply
//   observation -> discharge_ready        discharge readiness criteria met
//   (discharge_readiness.hpp) discharge_ready -> observation        the patient needs more
//   observation (no guard) discharge_ready -> closed             normal discharge
// Integration session (notes, no dosing, no monitoring): planned -> closed once a note is
// recorded. It never enters pre_dose, dosing, observation or discharge_ready, so no phase of an
// integration session is a monitored phase.
//
// Every other move is refused: a nurse cannot skip a step. An early end (patient withdraws,
// session cancelled, transfer to emergency care) goes through check_early_end(): it needs a
// non-empty reason, and once dosing has begun also a clinician's authorisation, because a dosed
// patient who is not discharge-ready leaves against the protocol. Closed is final.

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_type.hpp"

namespace vigil::core {

// Facts the guards need. The caller gathers them from the other session rules:
// pre_dose_checklist.hpp, checkpoint_schedule.hpp, the dose record, discharge_readiness.hpp.
struct TransitionGuards {
  bool pre_dose_checklist_complete = false;  // PreDoseChecklistResult::complete
  bool pre_dose_bp_recorded = false;         // the pre-dose BP checkpoint is met
  bool dose_recorded = false;                // at least one dose given in this session
  bool discharge_criteria_met = false;       // DischargeReadiness::ready()
  bool integration_note_recorded = false;    // an integration session has its note
};

struct EarlyEnd {
  std::string reason;                 // required, e.g. "patient withdrew consent"
  bool clinician_authorised = false;  // required once dosing has begun
};

struct TransitionResult {
  bool allowed = false;
  bool ended_early = false;  // the session was closed through an early end
  std::string rule;          // short stable id of the rule that refused, empty when allowed
  std::string reason;        // message for the user, empty when allowed

  explicit operator bool() const { return allowed; }
};

// The phases `type` may ever move to from `from` through a normal transition (guards aside).
std::vector<SessionPhase> structurally_next_phases(SessionType type, SessionPhase from);

// A normal transition. Refused with a rule id and a message like
// "cannot go from planned to dosing: the pre-dose checklist comes first".
TransitionResult check_transition(SessionType type, SessionPhase from, SessionPhase to,
                                  const TransitionGuards& guards);

// An early end: from any phase except closed (and except discharge_ready, which closes normally).
TransitionResult check_early_end(SessionType type, SessionPhase from, const EarlyEnd& early_end);

}  // namespace vigil::core

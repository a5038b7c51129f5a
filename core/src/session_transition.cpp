#include "vigil/core/session_transition.hpp"

#include <algorithm>

#include "session_rule_text.hpp"

namespace vigil::core {
namespace {

using P = SessionPhase;

TransitionResult allow() { return {true, false, {}, {}}; }

TransitionResult refuse(P from, P to, std::string rule, std::string_view why) {
  std::string reason = "cannot go from ";
  reason += session_phase_name(from);
  reason += " to ";
  reason += session_phase_name(to);
  reason += ": ";
  reason += why;
  return {false, false, std::move(rule), std::move(reason)};
}

// Why a move outside the table is refused, named by the step that was skipped.
TransitionResult refuse_skip(P from, P to) {
  if (to == P::dosing) {
    if (from == P::planned) {
      return refuse(from, to, "pre_dose_first", "the pre-dose checklist comes first");
    }
    return refuse(from, to, "no_dosing_from_here", "dosing follows pre-dose or observation");
  }
  if (to == P::observation) {
    return refuse(from, to, "dosing_first", "observation follows dosing");
  }
  if (to == P::discharge_ready) {
    return refuse(from, to, "observation_first",
                  "discharge readiness is assessed during observation, after dosing");
  }
  if (to == P::closed) {
    return refuse(from, to, "early_end_needs_reason",
                  "only a discharge-ready session closes normally; an early end needs a reason");
  }
  if (to == P::pre_dose) {
    return refuse(from, to, "pre_dose_from_planned", "pre-dose follows planned");
  }
  return refuse(from, to, "no_way_back", "a session never returns to planned");
}

}  // namespace

std::vector<SessionPhase> structurally_next_phases(SessionType type, SessionPhase from) {
  if (type == SessionType::integration) {
    if (from == P::planned) return {P::closed};
    return {};
  }
  switch (from) {
    case P::planned:
      return {P::pre_dose};
    case P::pre_dose:
      return {P::dosing};
    case P::dosing:
      return {P::observation};
    case P::observation:
      return {P::dosing, P::discharge_ready};
    case P::discharge_ready:
      return {P::observation, P::closed};
    case P::closed:
      return {};
  }
  return {};
}

TransitionResult check_transition(SessionType type, SessionPhase from, SessionPhase to,
                                  const TransitionGuards& guards) {
  if (from == P::closed) return refuse(from, to, "closed_is_final", "the session is closed");
  if (from == to) return refuse(from, to, "same_phase", "the session is already in that phase");

  if (type == SessionType::integration) {
    if (from != P::planned || to != P::closed) {
      return refuse(from, to, "integration_has_no_dosing",
                    "an integration session has no dosing; it goes from planned to closed");
    }
    if (!guards.integration_note_recorded) {
      return refuse(from, to, "integration_note_first", "the integration note is not recorded");
    }
    return allow();
  }

  const auto next = structurally_next_phases(type, from);
  if (std::find(next.begin(), next.end(), to) == next.end()) return refuse_skip(from, to);

  if (to == P::dosing && from == P::pre_dose) {
    if (!guards.pre_dose_checklist_complete) {
      return refuse(from, to, "pre_dose_checklist_incomplete",
                    "the pre-dose checklist is not complete");
    }
    if (!guards.pre_dose_bp_recorded) {
      return refuse(from, to, "pre_dose_bp_missing", "no pre-dose blood pressure is recorded");
    }
  }
  if (to == P::observation && from == P::dosing && !guards.dose_recorded) {
    return refuse(from, to, "no_dose_recorded",
                  "no dose is recorded; record the dose, or end the session early with a reason");
  }
  if (to == P::discharge_ready && !guards.discharge_criteria_met) {
    return refuse(from, to, "discharge_criteria_unmet", "the discharge criteria are not met");
  }
  return allow();
}

TransitionResult check_early_end(SessionType type, SessionPhase from, const EarlyEnd& early_end) {
  if (from == P::closed) {
    return refuse(from, P::closed, "closed_is_final", "the session is already closed");
  }
  if (type == SessionType::dosing && from == P::discharge_ready) {
    return refuse(from, P::closed, "discharge_ready_closes_normally",
                  "the patient is discharge-ready; close the session normally");
  }
  if (!detail::has_text(early_end.reason)) {
    return refuse(from, P::closed, "early_end_reason_missing",
                  "an early end needs a reason (early_end.reason is empty)");
  }
  const bool dosing_began = from == P::dosing || from == P::observation;
  if (type == SessionType::dosing && dosing_began && !early_end.clinician_authorised) {
    return refuse(from, P::closed, "early_end_after_dosing_needs_clinician",
                  "the patient may have been dosed and is not discharge-ready; ending the "
                  "session early needs a clinician's authorisation");
  }
  return {true, true, {}, {}};
}

}  // namespace vigil::core

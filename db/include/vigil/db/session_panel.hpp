#pragma once
// What the bedside session panel shows, read from the record in one call: the session and its
// patient, the phase and the next steps with the rule that allows or refuses each, the doses
// given, the BP checkpoints (core::evaluate_checkpoints over the session's BP observations),
// the pre-dose checklist in force and the esketamine spacing. Nurse, clinician or auditor
// (read_records); not audited (opening the session was, session_reader.hpp).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/discharge_readiness.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/core/pre_dose_checklist.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/core/session_type.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct PanelDose {
  RowId id = 0;
  UtcMs start_utc_ms = 0;
  std::optional<UtcMs> end_utc_ms;  // infusions
  std::string drug;
  core::DoseRoute route = core::DoseRoute::iv;
  double dose_mg = 0;
  std::optional<int> device_count;
  std::string lot;
  std::string administered_by;  // user name
  std::string witness;          // user name, empty when none
  std::optional<double> waste_mg;
  std::string waste_method;   // empty when none
  std::string waste_witness;  // user name, empty when none
  std::string form_strength;  // "28 mg nasal spray device", "50 mg/mL vial"
};

// One phase the session may move to next, with core::check_transition's verdict on the record.
struct PanelNextStep {
  core::SessionPhase to = core::SessionPhase::pre_dose;
  bool allowed = false;
  std::string reason;  // the rule in words when refused ("cannot go from pre_dose to dosing: ...")
};

struct SessionPanelState {
  RowId id = 0;
  core::SessionType type = core::SessionType::dosing;
  core::SessionPhase phase = core::SessionPhase::planned;
  std::string chair;
  std::optional<core::DoseRoute> planned_route;  // the planned treatment
  std::optional<double> planned_dose_mg;
  RowId patient_id = 0;
  std::string patient_identifier;
  std::string patient_name;
  std::string date_of_birth;  // YYYY-MM-DD
  std::optional<double> weight_kg;
  std::optional<int> age_years;           // at `now`, from the date of birth
  bool first_esketamine_session = false;  // no earlier session of the patient had esketamine

  std::optional<UtcMs> first_dose_utc_ms;
  std::vector<PanelDose> doses;  // oldest first
  double total_dose_mg = 0;
  // Esketamine: when the next device may be given (last device + the 5-minute rest).
  std::optional<UtcMs> next_device_allowed_utc_ms;

  std::vector<core::CheckpointStatus> checkpoints;  // ordered by due time
  // A checkpoint is overdue and no BP was taken since (the bp_overdue alarm condition).
  bool bp_overdue = false;
  std::optional<core::BpReading> pre_dose_bp;  // newest BP taken in pre_dose

  // The newest SpO2 the oximeter recorded in this session (the baseline before the first dose):
  // percent and UTC ms; absent before any valid value.
  std::optional<double> latest_spo2_percent;
  std::optional<UtcMs> latest_spo2_utc_ms;

  bool checklist_recorded = false;             // a pre-dose checklist is on record
  bool checklist_complete = false;             // the one in force is complete (or overridden)
  std::vector<std::string> checklist_missing;  // required items not done (item names)
  std::optional<std::string> checklist_override_reason;
  std::optional<std::string> bp_advisory;  // "BP above 140/90: consider deferring (...)"

  std::vector<PanelNextStep> next_steps;  // structurally possible moves, in order

  // The end of the session (discharge_store.hpp, safety_review_store.hpp).
  // PHQ-9 item 9 answered above 0 and not yet acknowledged by a clinician: shown in red.
  int unacknowledged_self_harm_flags = 0;
  int adverse_events = 0;
  int serious_adverse_events = 0;
  // Each discharge criterion with its value (dosing sessions from observation on; else empty).
  std::vector<core::DischargeCriterionStatus> discharge_criteria;
  // The newest discharge checklist: whether one is recorded and the item names it ticks.
  bool discharge_checklist_recorded = false;
  std::vector<std::string> discharge_checklist_ticked;
  bool ready_to_leave_recorded = false;
  std::optional<int> monitoring_minutes;  // from the ready-to-leave record
  // What closing still needs (missing_close_fields); filled from discharge_ready on, and for
  // integration sessions.
  std::vector<std::string> close_missing;
  // The session's notes: type and whether signed, oldest first.
  std::vector<std::pair<std::string, bool>> notes;
  // Integration sessions: the dosing session they follow and the visit mode.
  std::optional<RowId> linked_session_id;
  std::string visit_mode;  // "in_person" | "video" (integration sessions)
};

// Throws NotFound ("session N: no such session").
SessionPanelState read_session_panel(Store& store, const Actor& actor, RowId session_id, UtcMs now);

}  // namespace vigil::db

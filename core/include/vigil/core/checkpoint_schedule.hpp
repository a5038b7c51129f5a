#pragma once
// Blood-pressure checkpoints of a dosing session (REMS and KAP practice, docs/clinical.md):
//   pre_dose_bp     from entering pre-dose until the first dose; due at once, overdue when not
//                   taken within `pre_dose_bp_due_within` (+ grace); only a reading taken
//                   before the first dose meets it.
//   post_dose_bp    the ~40-min check: window [first dose + 35, first dose + 50] min.
//   infusion_bp     every 10 min while an IV infusion runs (optional; interval 0 disables).
//   observation_bp  every 15 min during observation, window [due - 5, due + 5] min.
//   discharge_bp    before discharge: window opens 15 min before the earliest discharge time
//                   and stays open until the session closes; due at the earliest discharge time.
// Every number above is a field of CheckpointSchedule.
//
// A checkpoint is met by any valid BP reading (device or manual) inside its window; a reading
// after the window end but before the overdue time also meets it, marked late (except
// pre_dose_bp: a reading after the first dose is not a pre-dose BP). It is overdue when it is
// not met and `now` is past its deadline plus the grace (the alarm profile's bp_overdue delay,
// 5 min by default). Met and overdue are exclusive: met wins.
//
// All times are UtcTime (the charted wall-clock times of doses, phases and readings); `now` is
// passed in. Readings dated after `now` are ignored. Once the session is closed, states are
// frozen as they were at closing, and checkpoints whose window had not opened are dropped.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/core/session_bp_reading.hpp"

namespace vigil::core {

enum class CheckpointKind : std::uint8_t {
  pre_dose_bp,
  post_dose_bp,
  infusion_bp,
  observation_bp,
  discharge_bp,
};

enum class CheckpointState : std::uint8_t {
  upcoming,  // its window has not opened yet
  due,       // window open (or in grace), not met yet
  met,
  overdue,  // not met and past deadline + grace
};

// "pre_dose_bp", ...
constexpr std::string_view checkpoint_kind_name(CheckpointKind v) {
  switch (v) {
    case CheckpointKind::pre_dose_bp:
      return "pre_dose_bp";
    case CheckpointKind::post_dose_bp:
      return "post_dose_bp";
    case CheckpointKind::infusion_bp:
      return "infusion_bp";
    case CheckpointKind::observation_bp:
      return "observation_bp";
    case CheckpointKind::discharge_bp:
      return "discharge_bp";
  }
  return {};
}
constexpr std::string_view enum_name(CheckpointKind v) { return checkpoint_kind_name(v); }
// "upcoming", "due", ...
constexpr std::string_view checkpoint_state_name(CheckpointState v) {
  switch (v) {
    case CheckpointState::upcoming:
      return "upcoming";
    case CheckpointState::due:
      return "due";
    case CheckpointState::met:
      return "met";
    case CheckpointState::overdue:
      return "overdue";
  }
  return {};
}
constexpr std::string_view enum_name(CheckpointState v) { return checkpoint_state_name(v); }

struct CheckpointSchedule {
  std::chrono::minutes pre_dose_bp_due_within{30};   // after entering pre-dose
  std::chrono::minutes post_dose_bp_at{40};          // after the first dose
  std::chrono::minutes post_dose_window_before{5};   // window opens at 35 min
  std::chrono::minutes post_dose_window_after{10};   // window closes at 50 min
  std::chrono::minutes infusion_bp_interval{10};     // 0: no infusion checks
  std::chrono::minutes observation_bp_interval{15};  // 0: no scheduled observation checks
  std::chrono::minutes scheduled_window_before{5};   // infusion and observation checks
  std::chrono::minutes scheduled_window_after{5};
  std::chrono::minutes discharge_bp_lead{15};  // window opens this long before earliest discharge
};

// When the phases and events the schedule hangs on happened; absent when they have not (yet).
struct SessionCheckpointTimes {
  std::optional<UtcTime> pre_dose_started;
  std::optional<UtcTime> first_dose;
  std::optional<UtcTime> infusion_started;  // IV infusion, when modelled
  std::optional<UtcTime> infusion_ended;
  std::optional<UtcTime> observation_started;
  std::optional<UtcTime> observation_ended;   // left observation for discharge_ready / closed
  std::optional<UtcTime> earliest_discharge;  // earliest_discharge_time() (discharge_readiness)
  std::optional<UtcTime> closed;
};

struct CheckpointStatus {
  CheckpointKind kind = CheckpointKind::pre_dose_bp;
  int number = 1;  // 1-based position in its series (infusion_bp, observation_bp); 1 otherwise
  UtcTime due_at{};
  UtcTime window_start{};
  std::optional<UtcTime> window_end;  // nullopt: open until the phase or session ends
  UtcTime overdue_at{};               // deadline + grace
  CheckpointState state = CheckpointState::upcoming;
  std::optional<BpReading> met_by;  // the earliest reading that met it
  bool met_late = false;            // met by a reading after window_end, before overdue_at
};

// Every checkpoint that applies so far, ordered by due time. Scheduled series run while their
// phase lasts; in an ongoing phase the list ends with the next upcoming check.
// `overdue_grace`: the alarm profile's bp_overdue delay.
std::vector<CheckpointStatus> evaluate_checkpoints(const CheckpointSchedule& schedule,
                                                   const std::vector<BpReading>& bp_readings,
                                                   const SessionCheckpointTimes& times,
                                                   std::chrono::milliseconds overdue_grace,
                                                   UtcTime now);

// True when at least one checkpoint of `kind` is listed and every one of them is met.
bool all_met(const std::vector<CheckpointStatus>& checkpoints, CheckpointKind kind);
// True when any checkpoint is overdue (drives the bp_overdue technical condition).
bool any_overdue(const std::vector<CheckpointStatus>& checkpoints);

}  // namespace vigil::core

#pragma once
// Glue: the times the BP checkpoint schedule hangs on, read from a session's phase timeline
// plus the dose record (the timeline knows phases, not doses).

#include <optional>

#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/core/session_timeline.hpp"

namespace vigil::core {

struct DoseTimes {
  std::optional<UtcTime> first_dose;
  std::optional<UtcTime> infusion_started;  // IV infusion, when the caller models one
  std::optional<UtcTime> infusion_ended;
  std::optional<UtcTime> earliest_discharge;  // earliest_discharge_time() (discharge_readiness)
};

// Observation runs from the first time the session entered observation until it last left it
// (nullopt while it is in observation now); a booster (observation -> dosing -> observation)
// therefore keeps one 15-min series. Integration sessions have no checkpoints: all times empty.
SessionCheckpointTimes checkpoint_times_for(const SessionTimeline& timeline,
                                            const DoseTimes& doses);

}  // namespace vigil::core

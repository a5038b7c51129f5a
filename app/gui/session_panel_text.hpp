#pragma once
// The words the session panel shows: phases, BP checkpoints with their countdowns, doses.

#include <QString>
#include <optional>
#include <vector>

#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/session_phase.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::gui {

db::UtcMs utcMsOf(core::UtcTime t);
QString phaseText(core::SessionPhase phase);  // "Pre-dose", "Discharge ready", ...
// "Pre-dose BP", "40-min BP", "Infusion BP 2", "Observation BP 3", "Discharge BP"
QString checkpointName(const core::CheckpointStatus& c);
// "met 14:02 by device", "due now: overdue in 4:10", "opens in 12:30 (due 14:45)",
// "OVERDUE since 14:37"
QString checkpointStateText(const core::CheckpointStatus& c, db::UtcMs now);
// The next checkpoint not met (due or upcoming) and its countdown: "Next BP: 40-min BP due in
// 12:30"; empty when none is pending.
QString nextCheckpointText(const std::vector<core::CheckpointStatus>& checkpoints, db::UtcMs now);

}  // namespace vigil::gui

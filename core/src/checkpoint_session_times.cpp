#include "vigil/core/checkpoint_session_times.hpp"

namespace vigil::core {

SessionCheckpointTimes checkpoint_times_for(const SessionTimeline& timeline,
                                            const DoseTimes& doses) {
  SessionCheckpointTimes t;
  if (timeline.type() != SessionType::dosing) return t;
  t.pre_dose_started = timeline.first_entered(SessionPhase::pre_dose);
  t.first_dose = doses.first_dose;
  t.infusion_started = doses.infusion_started;
  t.infusion_ended = doses.infusion_ended;
  t.observation_started = timeline.first_entered(SessionPhase::observation);
  if (t.observation_started && timeline.phase() != SessionPhase::observation) {
    t.observation_ended = timeline.last_left(SessionPhase::observation);
  }
  t.earliest_discharge = doses.earliest_discharge;
  t.closed = timeline.first_entered(SessionPhase::closed);
  return t;
}

}  // namespace vigil::core

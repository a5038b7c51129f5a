#pragma once
// The alarm log: one row per alarm condition (start, end, limit in force, triggering value,
// who acknowledged and when, who paused the audio and when). Clinical records: audited.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct NewAlarmEvent {
  RowId session_id = 0;
  std::string condition;  // e.g. "spo2_low", "disconnected"
  core::AlarmPriority priority = core::AlarmPriority::medium;
  UtcMs start_utc_ms = 0;
  std::optional<std::string> limit_in_force;  // e.g. "spo2 below 90 %"
  std::optional<double> triggering_value;     // in the channel's unit
};

RowId record_alarm_start(Store& store, const Actor& actor, const NewAlarmEvent& e, UtcMs now);
// The condition became worse: the row shows the highest priority reached, with the limit in
// force and the value at that priority (each change stays in the audit log).
void record_alarm_escalation(Store& store, const Actor& actor, RowId alarm_id,
                             core::AlarmPriority priority,
                             const std::optional<std::string>& limit_in_force,
                             std::optional<double> triggering_value, UtcMs now);
void record_alarm_end(Store& store, const Actor& actor, RowId alarm_id, UtcMs end_utc_ms,
                      UtcMs now);
// The actor acknowledges / pauses the audio at `now`.
void acknowledge_alarm(Store& store, const Actor& actor, RowId alarm_id, UtcMs now);
void pause_alarm_audio(Store& store, const Actor& actor, RowId alarm_id, UtcMs now);

}  // namespace vigil::db

#pragma once
// The alarm log: one row per alarm condition (start, end, limit in force, triggering value,
// who acknowledged and when, who paused the audio and when). Clinical records: audited.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <string_view>

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

// The same for the person at the bedside as the station names them (`operator_name`), written by
// the station recording the session (`station_actor`, role-checked). Acknowledge and audio
// pause work while the screen is locked or before anyone signs in: then the name is the
// station's bedside operator ("bedside (not signed in)"), the row's *_by stays NULL (no user
// did it) and the audit entry names the operator without a user id. A name of an active nurse
// or clinician (the user the station has signed in) is stamped as that user.
void acknowledge_alarm_by_operator(Store& store, const Actor& station_actor, RowId alarm_id,
                                   std::string_view operator_name, UtcMs now);
void pause_alarm_audio_by_operator(Store& store, const Actor& station_actor, RowId alarm_id,
                                   std::string_view operator_name, UtcMs now);

}  // namespace vigil::db

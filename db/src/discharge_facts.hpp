#pragma once
// Discharge readiness of a session from what the store recorded (core::DischargeInputs):
//   route, first dose        administrations (the route with the longest minimum observation)
//   last MOAA/S, Aldrete     the latest `moaas` / `aldrete` observation's total
//   escort                   the latest discharge checklist has `escort_present` ticked
//   SpO2, pulse rate         the latest recorded value of each in `vitals`
//   latest BP, baseline      the latest `bp` observation; the latest one taken in pre_dose
//   discharge BP checkpoint  core::evaluate_checkpoints over the session's BP observations
// Values dated after `now` are ignored.

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

#include "session_state.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/discharge_readiness.hpp"

namespace vigil::db {

// The newest value of `channel` recorded in the session up to `now` that the device did not mark
// doubtful (artifact, searching, low signal quality, ...).
std::optional<core::TimedVital> latest_vital(SQLite::Database& db, RowId session_id,
                                             core::Channel channel, UtcMs now);

core::DischargeInputs gather_discharge_inputs(SQLite::Database& db, const SessionState& s,
                                              const core::AlarmProfile& profile,
                                              const core::DischargeRules& rules, UtcMs now);

core::DischargeReadiness session_discharge_readiness(SQLite::Database& db, const SessionState& s,
                                                     const core::AlarmProfile& profile, UtcMs now);

// "sedation: last MOAA/S is 4; discharge needs 5; escort: escort not confirmed"
std::string unmet_criteria_text(const core::DischargeReadiness& r);

}  // namespace vigil::db

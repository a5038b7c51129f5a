#include "discharge_facts.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <vector>

#include "safety_flags.hpp"
#include "session_checkpoints.hpp"
#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/reading_flags.hpp"
#include "vigil/db/channel_code.hpp"

namespace vigil::db {
namespace {

core::UtcTime utc(UtcMs ms) { return core::UtcTime(std::chrono::milliseconds(ms)); }

std::optional<int> latest_total(SQLite::Database& db, RowId session_id, const char* kind,
                                UtcMs now) {
  SQLite::Statement q(db,
                      "SELECT total FROM observations WHERE session_id = ? AND kind = ? AND "
                      "t_utc_ms <= ? ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, session_id);
  q.bind(2, kind);
  q.bind(3, now);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt();
}

bool escort_present(SQLite::Database& db, RowId session_id, UtcMs now) {
  SQLite::Statement q(db,
                      "SELECT items FROM checklists WHERE session_id = ? AND kind = 'discharge' "
                      "AND t_utc_ms <= ? ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, session_id);
  q.bind(2, now);
  if (!q.executeStep()) return false;
  const auto items = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
  if (!items.is_object()) return false;
  const auto it = items.find("escort_present");
  return it != items.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

std::optional<core::TimedVital> latest_vital(SQLite::Database& db, RowId session_id,
                                             core::Channel channel, UtcMs now) {
  // A backward walk of the session's rows from `now` (the primary key's order) to the newest
  // value the device did not mark doubtful (artifact, searching, low signal quality, ...).
  SQLite::Statement q(db,
                      "SELECT value, t_utc_ms FROM vitals WHERE session_id = ? AND t_utc_ms <= ? "
                      "AND channel = ? AND value IS NOT NULL AND (flags & ?) = 0 "
                      "ORDER BY t_utc_ms DESC, seq DESC LIMIT 1");
  q.bind(1, session_id);
  q.bind(2, now);
  q.bind(3, channel_code(channel));
  q.bind(4, static_cast<std::int64_t>(core::doubtful_value_flags().bits()));
  if (!q.executeStep()) return std::nullopt;
  return core::TimedVital{q.getColumn(0).getDouble(), utc(q.getColumn(1).getInt64())};
}

core::DischargeInputs gather_discharge_inputs(SQLite::Database& db, const SessionState& s,
                                              const core::AlarmProfile& profile,
                                              const core::DischargeRules& rules, UtcMs now) {
  core::DischargeInputs in;
  SQLite::Statement doses(db,
                          "SELECT route, min(start_utc_ms) FROM administrations WHERE "
                          "session_id = ? AND start_utc_ms <= ? GROUP BY route");
  doses.bind(1, s.id);
  doses.bind(2, now);
  std::optional<core::DoseRoute> route;
  while (doses.executeStep()) {
    const auto r = core::dose_route_from_name(doses.getColumn(0).getString());
    const auto first = utc(doses.getColumn(1).getInt64());
    if (!in.first_dose || first < *in.first_dose) in.first_dose = first;
    if (r && (!route || rules.minimum_for(*r) > rules.minimum_for(*route))) route = r;
  }
  if (route) in.route = *route;
  in.last_moaas = latest_total(db, s.id, "moaas", now);
  in.modified_aldrete = latest_total(db, s.id, "aldrete", now);
  in.escort_confirmed = escort_present(db, s.id, now);
  in.unacknowledged_self_harm_flags = unacknowledged_self_harm_flags(db, s.id);
  in.vitals.spo2_percent = latest_vital(db, s.id, core::Channel::spo2, now);
  in.vitals.pulse_rate_bpm = latest_vital(db, s.id, core::Channel::pulse_rate, now);
  const auto bps = session_bp_readings(db, s.id, now, false);
  if (!bps.empty()) in.vitals.latest_bp = bps.back();
  const auto pre_dose = session_bp_readings(db, s.id, now, true);
  if (!pre_dose.empty()) in.vitals.pre_dose_bp = pre_dose.back();

  core::SessionCheckpointTimes times;
  times.first_dose = in.first_dose;
  times.earliest_discharge = core::earliest_discharge_time(in.first_dose, in.route, rules);
  const auto checkpoints =
      core::evaluate_checkpoints({}, bps, times, bp_overdue_grace(profile), utc(now));
  in.discharge_bp_checkpoint_met = core::all_met(checkpoints, core::CheckpointKind::discharge_bp);
  return in;
}

core::DischargeReadiness session_discharge_readiness(SQLite::Database& db, const SessionState& s,
                                                     const core::AlarmProfile& profile, UtcMs now) {
  const core::DischargeRules rules;
  return core::evaluate_discharge_readiness(gather_discharge_inputs(db, s, profile, rules, now),
                                            profile, rules, utc(now));
}

std::string unmet_criteria_text(const core::DischargeReadiness& r) {
  std::string text;
  for (const auto& u : r.unmet) {
    if (!text.empty()) text += "; ";
    text += std::string(core::discharge_criterion_name(u.criterion)) + ": " + u.message;
  }
  return text;
}

}  // namespace vigil::db

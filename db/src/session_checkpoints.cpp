#include "session_checkpoints.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <optional>
#include <string>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/discharge_readiness.hpp"
#include "vigil/core/session_timeline.hpp"

namespace vigil::db {
namespace {

core::UtcTime utc(UtcMs ms) { return core::UtcTime(std::chrono::milliseconds(ms)); }

// Replays the session's phase changes as audited. The guards are taken as met: the store
// checked them when it made each change.
core::SessionTimeline phase_timeline(SQLite::Database& db, const SessionState& s) {
  SQLite::Statement created(db,
                            "SELECT min(t_utc_ms) FROM audit_log WHERE entity = 'sessions' AND "
                            "entity_id = ? AND action = 'create_session'");
  created.bind(1, s.id);
  created.executeStep();
  const UtcMs t0 = created.getColumn(0).isNull() ? 0 : created.getColumn(0).getInt64();
  core::SessionTimeline timeline(s.type, utc(t0));
  SQLite::Statement q(db,
                      "SELECT t_utc_ms, json_extract(new_value, '$.phase'), action FROM audit_log "
                      "WHERE entity = 'sessions' AND entity_id = ? AND action IN "
                      "('advance_session', 'end_session_early') ORDER BY seq");
  q.bind(1, s.id);
  core::TransitionGuards met;
  met.pre_dose_checklist_complete = met.pre_dose_bp_recorded = met.dose_recorded = true;
  met.discharge_criteria_met = met.integration_note_recorded = true;
  while (q.executeStep()) {
    const auto to = core::session_phase_from_name(q.getColumn(1).getString());
    if (!to || *to == timeline.phase()) continue;
    const core::UtcTime at = utc(q.getColumn(0).getInt64());
    if (q.getColumn(2).getString() == "end_session_early") {
      timeline.end_early({"recorded", true}, at);
    } else {
      timeline.advance(*to, met, at);
    }
  }
  return timeline;
}

}  // namespace

std::vector<core::BpReading> session_bp_readings(SQLite::Database& db, RowId session_id, UtcMs now,
                                                 bool pre_dose_only) {
  SQLite::Statement q(db, std::string("SELECT systolic_mmhg, diastolic_mmhg, t_utc_ms, bp_source "
                                      "FROM observations WHERE session_id = ? AND kind = 'bp' AND "
                                      "t_utc_ms <= ?") +
                              (pre_dose_only ? " AND phase = 'pre_dose'" : "") +
                              " ORDER BY t_utc_ms, id");
  q.bind(1, session_id);
  q.bind(2, now);
  std::vector<core::BpReading> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getDouble(), q.getColumn(1).getDouble(), utc(q.getColumn(2).getInt64()),
         q.getColumn(3).getString() == "manual" ? core::BpSource::manual : core::BpSource::device});
  }
  return out;
}

core::DoseTimes session_dose_times(SQLite::Database& db, RowId session_id, UtcMs now) {
  SQLite::Statement q(db,
                      "SELECT route, start_utc_ms, end_utc_ms FROM administrations WHERE "
                      "session_id = ? AND start_utc_ms <= ? ORDER BY start_utc_ms, id");
  q.bind(1, session_id);
  q.bind(2, now);
  const core::DischargeRules rules;
  core::DoseTimes t;
  std::optional<core::DoseRoute> longest;
  while (q.executeStep()) {
    const auto route = core::dose_route_from_name(q.getColumn(0).getString());
    const core::UtcTime start = utc(q.getColumn(1).getInt64());
    if (!t.first_dose) t.first_dose = start;
    if (route && (!longest || rules.minimum_for(*route) > rules.minimum_for(*longest))) {
      longest = route;
    }
    if (route == core::DoseRoute::iv && !q.getColumn(2).isNull()) {
      if (!t.infusion_started) t.infusion_started = start;
      const UtcMs end = q.getColumn(2).getInt64();
      t.infusion_ended = end <= now ? std::optional(utc(end)) : std::nullopt;
    }
  }
  if (longest) t.earliest_discharge = core::earliest_discharge_time(t.first_dose, *longest, rules);
  return t;
}

std::vector<core::CheckpointStatus> session_checkpoints(SQLite::Database& db, const SessionState& s,
                                                        std::chrono::milliseconds overdue_grace,
                                                        UtcMs now) {
  if (s.type != core::SessionType::dosing) return {};
  const auto times =
      core::checkpoint_times_for(phase_timeline(db, s), session_dose_times(db, s.id, now));
  return core::evaluate_checkpoints({}, session_bp_readings(db, s.id, now, false), times,
                                    overdue_grace, utc(now));
}

bool bp_overdue_unanswered(const std::vector<core::CheckpointStatus>& checkpoints,
                           const std::vector<core::BpReading>& readings) {
  for (const auto& c : checkpoints) {
    if (c.state != core::CheckpointState::overdue) continue;
    const bool answered = std::any_of(readings.begin(), readings.end(), [&](const auto& r) {
      return r.time > c.overdue_at && !core::check_bp_reading(r);
    });
    if (!answered) return true;
  }
  return false;
}

bool session_bp_overdue(SQLite::Database& db, const SessionState& s,
                        std::chrono::milliseconds overdue_grace, UtcMs now) {
  return bp_overdue_unanswered(session_checkpoints(db, s, overdue_grace, now),
                               session_bp_readings(db, s.id, now, false));
}

std::chrono::milliseconds bp_overdue_grace(const core::AlarmProfile& profile) {
  for (const auto& rule : profile.technical) {
    if (rule.condition == core::TechnicalCondition::bp_overdue) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(rule.delay);
    }
  }
  return std::chrono::milliseconds(0);
}

}  // namespace vigil::db

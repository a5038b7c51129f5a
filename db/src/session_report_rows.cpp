#include "session_report_rows.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <map>

#include "vigil/core/reading_flags.hpp"
#include "vigil/db/channel_code.hpp"

namespace vigil::db::detail {
namespace {

std::optional<UtcMs> optional_ms(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<UtcMs>(c.getInt64());
}
std::optional<double> optional_real(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<double>(c.getDouble());
}
std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? "" : c.getString(); }

}  // namespace

void read_report_header(SQLite::Database& db, SessionReport& r) {
  SQLite::Statement q(db,
                      "SELECT p.sex, coalesce(c.name, ''), coalesce(n.name, ''), s.started_utc_ms, "
                      "s.ended_utc_ms, s.ended_early_reason FROM sessions s JOIN patients p ON "
                      "p.id = s.patient_id LEFT JOIN users c ON c.id = s.clinician_id LEFT JOIN "
                      "users n ON n.id = s.nurse_id WHERE s.id = ?");
  q.bind(1, r.panel.id);
  if (!q.executeStep()) return;
  r.patient_sex = text_or_empty(q.getColumn(0));
  r.clinician = q.getColumn(1).getString();
  r.nurse = q.getColumn(2).getString();
  r.started_utc_ms = optional_ms(q.getColumn(3));
  r.ended_utc_ms = optional_ms(q.getColumn(4));
  r.ended_early_reason = text_or_empty(q.getColumn(5));
}

void read_report_phases(SQLite::Database& db, SessionReport& r) {
  SQLite::Statement q(
      db,
      "SELECT t_utc_ms, json_extract(new_value, '$.phase'), actor_name, action FROM "
      "audit_log WHERE entity = 'sessions' AND entity_id = ? AND action IN "
      "('create_session', 'create_integration_session', 'advance_session', "
      "'end_session_early') AND json_valid(new_value) ORDER BY seq");
  q.bind(1, r.panel.id);
  while (q.executeStep()) {
    if (q.getColumn(1).isNull()) continue;
    const std::string phase = q.getColumn(1).getString();
    if (!r.phases.empty() && r.phases.back().phase == phase) continue;
    r.phases.push_back({phase, q.getColumn(0).getInt64(), q.getColumn(2).getString(),
                        q.getColumn(3).getString() == "end_session_early"});
  }
}

void read_report_bps(SQLite::Database& db, SessionReport& r) {
  SQLite::Statement q(db,
                      "SELECT o.id, o.t_utc_ms, o.systolic_mmhg, o.diastolic_mmhg, o.mean_mmhg, "
                      "coalesce(o.bp_source, ''), o.phase, u.name FROM observations o JOIN users u "
                      "ON u.id = o.recorded_by WHERE o.session_id = ? AND o.kind = 'bp' ORDER BY "
                      "o.t_utc_ms, o.id");
  q.bind(1, r.panel.id);
  while (q.executeStep()) {
    r.bps.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                     q.getColumn(2).getDouble(), q.getColumn(3).getDouble(),
                     optional_real(q.getColumn(4)), q.getColumn(5).getString(),
                     q.getColumn(6).getString(), q.getColumn(7).getString()});
  }
}

void read_report_alarms(SQLite::Database& db, SessionReport& r) {
  SQLite::Statement q(db,
                      "SELECT a.id, a.condition, a.priority, a.start_utc_ms, a.end_utc_ms, "
                      "a.limit_in_force, a.triggering_value, coalesce(k.name, ''), "
                      "a.acknowledged_utc_ms, coalesce(p.name, ''), a.audio_paused_utc_ms FROM "
                      "alarm_events a LEFT JOIN users k ON k.id = a.acknowledged_by LEFT JOIN "
                      "users p ON p.id = a.audio_paused_by WHERE a.session_id = ? ORDER BY "
                      "a.start_utc_ms, a.id");
  q.bind(1, r.panel.id);
  while (q.executeStep()) {
    ReportAlarm a;
    a.id = q.getColumn(0).getInt64();
    a.condition = q.getColumn(1).getString();
    a.priority = q.getColumn(2).getString();
    a.start_utc_ms = q.getColumn(3).getInt64();
    a.end_utc_ms = optional_ms(q.getColumn(4));
    a.limit_in_force = text_or_empty(q.getColumn(5));
    a.triggering_value = optional_real(q.getColumn(6));
    a.acknowledged_by = q.getColumn(7).getString();
    a.acknowledged_utc_ms = optional_ms(q.getColumn(8));
    a.audio_paused_by = q.getColumn(9).getString();
    a.audio_paused_utc_ms = optional_ms(q.getColumn(10));
    r.alarms.push_back(std::move(a));
  }
}

void read_report_scales(SQLite::Database& db, SessionReport& r) {
  SQLite::Statement q(db,
                      "SELECT o.id, o.kind, o.t_utc_ms, o.phase, o.total, u.name, "
                      "coalesce(o.ae_type, ''), coalesce(o.ae_severity, ''), o.ae_onset_utc_ms, "
                      "coalesce(o.ae_action, ''), coalesce(o.ae_serious, 0) FROM observations o "
                      "JOIN users u ON u.id = o.recorded_by WHERE o.session_id = ? AND o.kind <> "
                      "'bp' ORDER BY o.t_utc_ms, o.id");
  q.bind(1, r.panel.id);
  while (q.executeStep()) {
    const std::string kind = q.getColumn(1).getString();
    if (kind == "adverse_event") {
      r.adverse_events.push_back({q.getColumn(0).getInt64(), q.getColumn(2).getInt64(),
                                  q.getColumn(6).getString(), q.getColumn(7).getString(),
                                  optional_ms(q.getColumn(8)), q.getColumn(9).getString(),
                                  q.getColumn(10).getInt() != 0, q.getColumn(5).getString()});
      continue;
    }
    ReportScale s;
    s.id = q.getColumn(0).getInt64();
    s.kind = kind;
    s.t_utc_ms = q.getColumn(2).getInt64();
    s.phase = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) s.total = q.getColumn(4).getInt();
    s.recorded_by = q.getColumn(5).getString();
    r.scales.push_back(std::move(s));
  }
}

void read_report_devices(SQLite::Database& db, SessionReport& r) {
  SQLite::Statement q(db,
                      "SELECT family, port, identity, connected_utc_ms, disconnected_utc_ms FROM "
                      "device_connections WHERE session_id = ? ORDER BY connected_utc_ms, id");
  q.bind(1, r.panel.id);
  // Per family, until when a device of it was connected (INT64_MAX: one is still connected).
  std::map<std::string, UtcMs> covered_until;
  while (q.executeStep()) {
    ReportDeviceConnection c{q.getColumn(0).getString(), q.getColumn(1).getString(),
                             q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                             optional_ms(q.getColumn(4))};
    const auto seen = covered_until.find(c.family);
    if (seen != covered_until.end() && seen->second < c.connected_utc_ms) {
      r.device_gaps.push_back({c.family, seen->second, c.connected_utc_ms});
    }
    const UtcMs until = c.disconnected_utc_ms.value_or(INT64_MAX);
    auto& covered = covered_until[c.family];
    covered = seen == covered_until.end() ? until : std::max(covered, until);
    r.devices.push_back(std::move(c));
  }
}

VitalsRange read_vitals_range(SQLite::Database& db, RowId session_id, core::Channel channel) {
  SQLite::Statement q(db,
                      "SELECT min(value), max(value), count(*) FROM vitals WHERE session_id = ?1 "
                      "AND channel = ?2 AND value IS NOT NULL AND (flags & ?3) = 0");
  q.bind(1, session_id);
  q.bind(2, channel_code(channel));
  q.bind(3, static_cast<std::int64_t>(core::doubtful_value_flags().bits()));
  VitalsRange range;
  q.executeStep();
  range.values = q.getColumn(2).getInt64();
  if (range.values == 0) return range;
  range.lowest = q.getColumn(0).getDouble();
  range.highest = q.getColumn(1).getDouble();
  SQLite::Statement at(db,
                       "SELECT t_utc_ms FROM vitals WHERE session_id = ?1 AND channel = ?2 AND "
                       "value = ?3 AND (flags & ?4) = 0 ORDER BY t_utc_ms LIMIT 1");
  at.bind(1, session_id);
  at.bind(2, channel_code(channel));
  at.bind(3, *range.lowest);
  at.bind(4, static_cast<std::int64_t>(core::doubtful_value_flags().bits()));
  if (at.executeStep()) range.lowest_utc_ms = at.getColumn(0).getInt64();
  return range;
}

}  // namespace vigil::db::detail

#include "close_facts.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "safety_flags.hpp"
#include "session_checkpoints.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/checklist_store.hpp"

namespace vigil::db {
namespace {

bool exists(SQLite::Database& db, const std::string& sql, RowId session_id) {
  SQLite::Statement q(db, sql);
  q.bind(1, session_id);
  return q.executeStep();
}

std::optional<nlohmann::json> newest_json(SQLite::Database& db, const std::string& sql,
                                          RowId session_id) {
  SQLite::Statement q(db, sql);
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  auto j = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return j;
}

bool site_setting_present(SQLite::Database& db, const char* key) {
  SQLite::Statement q(db, "SELECT 1 FROM site_settings WHERE key = ? AND trim(value) <> ''");
  q.bind(1, key);
  return q.executeStep();
}

std::optional<std::vector<std::string>> discharge_checklist_missing(SQLite::Database& db,
                                                                    RowId session_id) {
  const auto items = newest_json(db,
                                 "SELECT items FROM checklists WHERE session_id = ? AND kind = "
                                 "'discharge' ORDER BY t_utc_ms DESC, id DESC LIMIT 1",
                                 session_id);
  if (!items) return std::nullopt;
  std::vector<std::string> missing;
  for (const auto& name : discharge_checklist_item_names()) {
    const auto it = items->find(name);
    if (it == items->end() || !it->is_boolean() || !it->get<bool>()) missing.push_back(name);
  }
  return missing;
}

}  // namespace

CloseFacts gather_close_facts(SQLite::Database& db, const SessionState& s, UtcMs now) {
  CloseFacts f;
  f.session = s;
  f.esketamine = s.planned_route == core::DoseRoute::esketamine_nasal ||
                 exists(db,
                        "SELECT 1 FROM administrations WHERE session_id = ? AND route = "
                        "'esketamine_nasal'",
                        s.id);
  f.pre_dose_items = newest_json(db,
                                 "SELECT items FROM checklists WHERE session_id = ? AND kind = "
                                 "'pre_dose' ORDER BY t_utc_ms DESC, id DESC LIMIT 1",
                                 s.id)
                         .value_or(nlohmann::json::object());
  f.answers = newest_json(
      db, "SELECT answers FROM discharges WHERE session_id = ? ORDER BY t_utc_ms DESC, id DESC",
      s.id);
  f.checkpoints = session_checkpoints(db, s, bp_overdue_grace(core::default_alarm_profile()), now);
  f.signed_dosing_note = exists(
      db, "SELECT 1 FROM notes WHERE session_id = ? AND type = 'dosing' AND status = 'signed'",
      s.id);
  f.signed_integration_note = exists(
      db, "SELECT 1 FROM notes WHERE session_id = ? AND type = 'integration' AND status = 'signed'",
      s.id);
  f.discharge_checklist_missing = discharge_checklist_missing(db, s.id);
  f.unacknowledged_self_harm_flags = unacknowledged_self_harm_flags(db, s.id);
  f.site_provider_set = site_setting_present(db, "rems.monitoring_provider");
  f.site_setting_set = site_setting_present(db, "rems.setting");
  return f;
}

}  // namespace vigil::db

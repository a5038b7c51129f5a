#pragma once
// What closing a session checks, read from the record in one place (missing_close_fields), and
// the REMS Patient Monitoring Form's fields that a session must hold before it closes, kept in
// one table (rems_fields.cpp) so that the list can follow the form.

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "session_state.hpp"
#include "vigil/core/checkpoint_schedule.hpp"

namespace vigil::db {

struct CloseFacts {
  SessionState session;
  bool esketamine = false;                // planned as, or dosed with, esketamine
  nlohmann::json pre_dose_items;          // the newest pre-dose checklist's items (object)
  std::optional<nlohmann::json> answers;  // the newest ready-to-leave answers (object)
  std::vector<core::CheckpointStatus> checkpoints;
  bool signed_dosing_note = false;
  bool signed_integration_note = false;
  std::optional<std::vector<std::string>> discharge_checklist_missing;  // nullopt: none recorded
  int unacknowledged_self_harm_flags = 0;
  bool site_provider_set = false;  // site setting rems.monitoring_provider
  bool site_setting_set = false;   // site setting rems.setting
};

CloseFacts gather_close_facts(SQLite::Database& db, const SessionState& s, UtcMs now);

// One REMS field a session must hold: its name on the form ("rems.first_treatment"), and the
// check that says why it is missing (nullopt: present).
struct RemsField {
  std::string name;
  std::function<std::optional<std::string>(const CloseFacts&)> missing;
};
const std::vector<RemsField>& rems_session_fields();

// Every missing field in words ("dosing note: no signed dosing note", ...), in order.
std::vector<std::string> close_missing(const CloseFacts& facts);

}  // namespace vigil::db

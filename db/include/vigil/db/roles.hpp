#pragma once
// Users' roles and what each may do. The store API checks the acting user's role on
// every call; a refused call throws PermissionDenied and is audited.
//
// | role      | may                                                                        |
// |-----------|----------------------------------------------------------------------------|
// | nurse     | patients, start/advance sessions, administrations, observations, checklists,|
// |           | device connections, draft notes, alarm events, acknowledge/pause alarms,    |
// |           | read records                                                               |
// | clinician | all a nurse may, plus plan sessions, sign notes, addenda, dose and        |
// |           | pre-dose checklist overrides, PHQ-9 self-harm acknowledgement,             |
// |           | the session's alarm profile, export                                         |
// | auditor   | read records, read the audit log, export                                    |
// | admin     | users and site settings; no clinical content                                |

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::db {

enum class Role : std::uint8_t { nurse, clinician, auditor, admin };
// "nurse", "clinician", "auditor", "admin"
constexpr std::string_view role_name(Role v) {
  switch (v) {
    case Role::nurse:
      return "nurse";
    case Role::clinician:
      return "clinician";
    case Role::auditor:
      return "auditor";
    case Role::admin:
      return "admin";
  }
  return {};
}
constexpr std::string_view enum_name(Role v) { return role_name(v); }
inline constexpr std::size_t role_count = core::enum_count<Role>();
constexpr std::optional<Role> role_from_name(std::string_view name) {
  return core::enum_from_name<Role>(name);
}

enum class Action : std::uint8_t {
  create_patient,
  update_patient,
  create_session,
  advance_session,
  end_session_early,
  set_session_alarm_profile,
  record_administration,
  override_dose,
  override_checklist,
  record_observation,
  record_checklist,
  record_device_connection,
  draft_note,
  update_note,
  sign_note,
  add_addendum,
  acknowledge_safety_flag,
  record_alarm_event,
  acknowledge_alarm,
  pause_alarm_audio,
  read_records,
  read_audit_log,
  export_records,
  manage_users,
  change_site_settings,
};
// "record_administration", ...
constexpr std::string_view action_name(Action v) {
  switch (v) {
    case Action::create_patient:
      return "create_patient";
    case Action::update_patient:
      return "update_patient";
    case Action::create_session:
      return "create_session";
    case Action::advance_session:
      return "advance_session";
    case Action::end_session_early:
      return "end_session_early";
    case Action::set_session_alarm_profile:
      return "set_session_alarm_profile";
    case Action::record_administration:
      return "record_administration";
    case Action::override_dose:
      return "override_dose";
    case Action::override_checklist:
      return "override_checklist";
    case Action::record_observation:
      return "record_observation";
    case Action::record_checklist:
      return "record_checklist";
    case Action::record_device_connection:
      return "record_device_connection";
    case Action::draft_note:
      return "draft_note";
    case Action::update_note:
      return "update_note";
    case Action::sign_note:
      return "sign_note";
    case Action::add_addendum:
      return "add_addendum";
    case Action::acknowledge_safety_flag:
      return "acknowledge_safety_flag";
    case Action::record_alarm_event:
      return "record_alarm_event";
    case Action::acknowledge_alarm:
      return "acknowledge_alarm";
    case Action::pause_alarm_audio:
      return "pause_alarm_audio";
    case Action::read_records:
      return "read_records";
    case Action::read_audit_log:
      return "read_audit_log";
    case Action::export_records:
      return "export_records";
    case Action::manage_users:
      return "manage_users";
    case Action::change_site_settings:
      return "change_site_settings";
  }
  return {};
}
constexpr std::string_view enum_name(Action v) { return action_name(v); }
inline constexpr std::size_t action_count = core::enum_count<Action>();

bool role_may(Role role, Action action);

// An authenticated user, as returned by authenticate() (user_store.hpp). Every store call
// re-reads the user's role and active flag from the database before trusting it.
struct Actor {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::nurse;
};

}  // namespace vigil::db

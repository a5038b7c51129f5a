// The role matrix (roles.hpp).
#include "vigil/db/roles.hpp"

#include <array>

namespace vigil::db {
namespace {

constexpr std::array<std::string_view, role_count> kRoleNames{"nurse", "clinician", "auditor",
                                                              "admin"};
constexpr std::array<std::string_view, action_count> kActionNames{"create_patient",
                                                                  "update_patient",
                                                                  "create_session",
                                                                  "advance_session",
                                                                  "end_session_early",
                                                                  "set_session_alarm_profile",
                                                                  "record_administration",
                                                                  "override_dose",
                                                                  "record_observation",
                                                                  "record_checklist",
                                                                  "record_device_connection",
                                                                  "draft_note",
                                                                  "update_note",
                                                                  "sign_note",
                                                                  "add_addendum",
                                                                  "record_alarm_event",
                                                                  "acknowledge_alarm",
                                                                  "pause_alarm_audio",
                                                                  "read_records",
                                                                  "read_audit_log",
                                                                  "export_records",
                                                                  "manage_users",
                                                                  "change_site_settings"};

bool nurse_may(Action a) {
  switch (a) {
    case Action::create_patient:
    case Action::update_patient:
    case Action::advance_session:
    case Action::end_session_early:
    case Action::record_administration:
    case Action::record_observation:
    case Action::record_checklist:
    case Action::record_device_connection:
    case Action::draft_note:
    case Action::update_note:
    case Action::record_alarm_event:
    case Action::acknowledge_alarm:
    case Action::pause_alarm_audio:
    case Action::read_records:
      return true;
    default:
      return false;
  }
}

bool clinician_only(Action a) {
  return a == Action::create_session || a == Action::set_session_alarm_profile ||
         a == Action::override_dose || a == Action::sign_note || a == Action::add_addendum ||
         a == Action::export_records;
}

}  // namespace

std::string_view role_name(Role r) { return kRoleNames[static_cast<std::size_t>(r)]; }

std::optional<Role> role_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::string_view action_name(Action a) { return kActionNames[static_cast<std::size_t>(a)]; }

bool role_may(Role role, Action action) {
  switch (role) {
    case Role::nurse:
      return nurse_may(action);
    case Role::clinician:
      return nurse_may(action) || clinician_only(action);
    case Role::auditor:
      return action == Action::read_records || action == Action::read_audit_log ||
             action == Action::export_records;
    case Role::admin:
      return action == Action::manage_users || action == Action::change_site_settings;
  }
  return false;
}

}  // namespace vigil::db

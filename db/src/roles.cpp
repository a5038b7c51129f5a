// The role matrix (roles.hpp).
#include "vigil/db/roles.hpp"

#include <array>

namespace vigil::db {
namespace {

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
         a == Action::override_dose || a == Action::override_checklist || a == Action::sign_note ||
         a == Action::add_addendum || a == Action::acknowledge_safety_flag ||
         a == Action::export_records;
}

}  // namespace

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

#pragma once
// Users' roles and what each may do. The store API checks the acting user's role on
// every call; a refused call throws PermissionDenied and is audited.
//
// | role      | may                                                                        |
// |-----------|----------------------------------------------------------------------------|
// | nurse     | patients, start/advance sessions, administrations, observations, checklists,|
// |           | device connections, draft notes, alarm events, acknowledge/pause alarms,    |
// |           | read records                                                               |
// | clinician | all a nurse may, plus plan sessions, sign notes, addenda, dose overrides,   |
// |           | the session's alarm profile, export                                         |
// | auditor   | read records, read the audit log, export                                    |
// | admin     | users and site settings; no clinical content                                |

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::db {

enum class Role : std::uint8_t { nurse, clinician, auditor, admin };
inline constexpr std::size_t role_count = 4;
std::string_view role_name(Role r);  // "nurse", "clinician", "auditor", "admin"
std::optional<Role> role_from_name(std::string_view name);

enum class Action : std::uint8_t {
  create_patient,
  update_patient,
  create_session,
  advance_session,
  end_session_early,
  set_session_alarm_profile,
  record_administration,
  override_dose,
  record_observation,
  record_checklist,
  record_device_connection,
  draft_note,
  update_note,
  sign_note,
  add_addendum,
  record_alarm_event,
  acknowledge_alarm,
  pause_alarm_audio,
  read_records,
  read_audit_log,
  export_records,
  manage_users,
  change_site_settings,
};
inline constexpr std::size_t action_count = 23;
std::string_view action_name(Action a);  // "record_administration", ...

bool role_may(Role role, Action action);

// An authenticated user, as returned by authenticate() (user_store.hpp). Every store call
// re-reads the user's role and active flag from the database before trusting it.
struct Actor {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::nurse;
};

}  // namespace vigil::db

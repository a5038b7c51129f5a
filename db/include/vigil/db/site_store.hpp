#pragma once
// Site settings (admin only, audited) and device connections (device data: role-checked for
// nurse/clinician, not audited row by row, like vitals).

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

void set_site_setting(Store& store, const Actor& admin, const std::string& key,
                      const std::string& value, UtcMs now);
// Settings are not clinical content: readable on any connection.
std::optional<std::string> site_setting(Store& store, const std::string& key);
// Every setting whose key starts with `prefix`, ordered by key (the site's stored alarm
// profiles are "alarm_profile.<name>" -> TOML text).
std::vector<std::pair<std::string, std::string>> site_settings_with_prefix(Store& store,
                                                                           std::string_view prefix);
inline constexpr std::string_view kStoredProfilePrefix = "alarm_profile.";

struct NewDeviceConnection {
  std::optional<RowId> session_id;
  std::string family;    // e.g. "nonin-df7"
  std::string port;      // e.g. "/dev/ttyUSB0"
  std::string identity;  // serial number or model text
  UtcMs connected_utc_ms = 0;
};
RowId record_device_connected(Store& store, const Actor& actor, const NewDeviceConnection& c,
                              UtcMs now);
void record_device_disconnected(Store& store, const Actor& actor, RowId connection_id,
                                UtcMs disconnected_utc_ms, UtcMs now);

}  // namespace vigil::db

#pragma once
// The alarm profile file (TOML): reading with every problem named by key and rule, and writing a
// documented file that reads back to the same profile. Format: core/profiles/
// default_alarm_profile.toml is the reference; every key is required (a profile file is
// complete, so what an auditor reads in the file is exactly what the engine uses), unknown keys
// are refused (a typo must not silently disable an alarm), and the core validator
// (vigil/core/alarm_profile_validation.hpp) then refuses unsafe values.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/alarm_profile_validation.hpp"

namespace vigil::config {

struct ProfileLoadResult {
  std::optional<core::AlarmProfile> profile;   // set only when there are no problems
  std::vector<core::ProfileProblem> problems;  // structure first; validation only if none
  std::optional<std::string> read_error;       // the file could not be read (reason)

  bool ok() const { return profile.has_value(); }
};

// Reads and validates a profile file. Parse errors come back as one problem whose key is
// "FILE:LINE:COLUMN".
ProfileLoadResult load_alarm_profile(const std::filesystem::path& path);

// The same for text already in memory; `source_name` stands in for the file name in messages.
ProfileLoadResult load_alarm_profile_from_string(std::string_view toml,
                                                 std::string_view source_name = "<string>");

// A complete, commented profile file; load_alarm_profile_from_string(to_toml(p)) yields p.
std::string to_toml(const core::AlarmProfile& profile);

}  // namespace vigil::config

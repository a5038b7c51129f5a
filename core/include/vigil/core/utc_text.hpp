#pragma once
// A UTC time in milliseconds since the Unix epoch as text for people and logs:
// "2026-12-03 17:05:31.739" (always UTC; the caller says so where it matters).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::core {

std::string utc_text(std::int64_t utc_ms);

// The UTC ms of "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS" (or with "T" for the
// space, and an optional trailing "Z"); nullopt for anything else or an impossible date.
std::optional<std::int64_t> parse_utc_text(std::string_view text);

}  // namespace vigil::core

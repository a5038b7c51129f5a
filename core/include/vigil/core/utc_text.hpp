#pragma once
// A UTC time in milliseconds since the Unix epoch as text for people and logs:
// "2026-12-03 17:05:31.739" (always UTC; the caller says so where it matters).

#include <cstdint>
#include <string>

namespace vigil::core {

std::string utc_text(std::int64_t utc_ms);

}  // namespace vigil::core

#include "vigil/core/utc_text.hpp"

#include <time.h>

#include <cstdio>
#include <string>

namespace vigil::core {

std::string utc_text(std::int64_t utc_ms) {
  // Floor division, so times before 1970 keep their millisecond part positive (no overflow at
  // the ends of the range: a time read from a tampered file may be anything).
  std::int64_t secs = utc_ms / 1000;
  int millis = static_cast<int>(utc_ms % 1000);
  if (millis < 0) {
    --secs;
    millis += 1000;
  }
  const auto t = static_cast<time_t>(secs);
  tm parts{};
  if (gmtime_r(&t, &parts) == nullptr) return "(time " + std::to_string(utc_ms) + " ms)";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis);
  return buf;
}

}  // namespace vigil::core

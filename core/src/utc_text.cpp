#include "vigil/core/utc_text.hpp"

#include <time.h>

#include <cstdio>

namespace vigil::core {

std::string utc_text(std::int64_t utc_ms) {
  // Floor division, so times before 1970 keep their millisecond part positive.
  const std::int64_t secs = utc_ms >= 0 ? utc_ms / 1000 : (utc_ms - 999) / 1000;
  const auto millis = static_cast<int>(utc_ms - secs * 1000);
  const auto t = static_cast<time_t>(secs);
  tm parts{};
  gmtime_r(&t, &parts);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis);
  return buf;
}

}  // namespace vigil::core

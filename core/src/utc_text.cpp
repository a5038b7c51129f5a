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

namespace {

// Days from 1970-01-01 to the proleptic Gregorian date y-m-d (Howard Hinnant's civil algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, unsigned& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> parse_utc_text(std::string_view s) {
  if (!s.empty() && s.back() == 'Z') s.remove_suffix(1);
  unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!(s.size() == 10 || s.size() == 16 || s.size() == 19)) return std::nullopt;
  if (!digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (s.size() >= 16 && ((s[10] != ' ' && s[10] != 'T') || !digits(s, 11, 2, h) || s[13] != ':' ||
                         !digits(s, 14, 2, mi))) {
    return std::nullopt;
  }
  if (s.size() == 19 && (s[16] != ':' || !digits(s, 17, 2, sec))) return std::nullopt;
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap) || h > 23 ||
      mi > 59 || sec > 59) {
    return std::nullopt;
  }
  const std::int64_t days = days_from_civil(y, mo, d);
  return ((days * 24 + h) * 60 + mi) * 60'000 + static_cast<std::int64_t>(sec) * 1000;
}

}  // namespace vigil::core

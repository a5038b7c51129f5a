#include "field_checks.hpp"

#include <chrono>
#include <cstdio>
#include <sstream>

namespace vigil::db {
namespace {

std::chrono::year_month_day parse_date(std::string_view s) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  char extra = 0;
  const std::string text(s);
  if (s.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) != 3) {
    return {};
  }
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

}  // namespace

void require_text(std::string_view field, std::string_view value) {
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw ValidationError(std::string(field) + ": required, must not be blank");
  }
}

void check_date(std::string_view field, std::string_view s) {
  const auto ymd = parse_date(s);
  if (!ymd.ok() || ymd.year() < std::chrono::year{1900}) {
    throw ValidationError(std::string(field) + ": must be a date YYYY-MM-DD (got '" +
                          std::string(s) + "')");
  }
}

void check_date_not_after(std::string_view field, std::string_view s, UtcMs now) {
  check_date(field, s);
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(now))));
  if (std::chrono::sys_days(parse_date(s)) > std::chrono::sys_days(today)) {
    throw ValidationError(std::string(field) + ": must not be in the future (got '" +
                          std::string(s) + "')");
  }
}

void check_range(std::string_view field, double value, double min, double max,
                 std::string_view unit) {
  if (!(value >= min && value <= max)) {
    std::ostringstream os;
    os << field << ": must be " << min << "-" << max;
    if (!unit.empty()) os << ' ' << unit;
    os << " (got " << value << ")";
    throw ValidationError(os.str());
  }
}

int age_years_at(std::string_view date_of_birth, UtcMs at) {
  const auto birth = parse_date(date_of_birth);
  const auto day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(at)));
  const std::chrono::year_month_day today{day};
  int years = static_cast<int>(today.year()) - static_cast<int>(birth.year());
  if (today.month() < birth.month() ||
      (today.month() == birth.month() && today.day() < birth.day())) {
    --years;
  }
  return years;
}

}  // namespace vigil::db

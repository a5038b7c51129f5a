#include "cli_checks.hpp"

#include "vigil/core/utc_text.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>
#include <system_error>

namespace vigil::cli {
namespace {

std::string got(const std::string& value) { return ", got '" + value + "'"; }

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

CLI::Validator whole_number_from(long long min) {
  const std::string rule = "must be a whole number >= " + std::to_string(min);
  return CLI::Validator(
      [min, rule](std::string& value) -> std::string {
        const bool digits = !value.empty() && value.size() <= 18 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoll(value) < min) return rule + got(value);
        return {};
      },
      "INT>=" + std::to_string(min));
}

CLI::Validator finite_number(double min, bool min_included, double max, const std::string& unit) {
  const std::string rule = "must be a finite number of " + unit + (min_included ? " >= " : " > ") +
                           number_text(min) + " and <= " + number_text(max);
  return CLI::Validator(
      [=](std::string& value) -> std::string {
        try {
          std::size_t used = 0;
          const double v = std::stod(value, &used);
          const bool above = min_included ? v >= min : v > min;
          if (used == value.size() && std::isfinite(v) && above && v <= max) return {};
        } catch (const std::exception&) {
        }
        return rule + got(value);
      },
      "NUMBER");
}

CLI::Validator non_empty_path() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        return value.empty() ? std::string("must not be empty") : std::string();
      },
      "PATH");
}

CLI::Validator utc_time() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (core::parse_utc_text(value)) return {};
        return "must be a UTC time as YYYY-MM-DD[THH:MM[:SS]]" + got(value);
      },
      "UTC");
}

CLI::Validator sha256_hex() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value.size() == 64 &&
            value.find_first_not_of("0123456789abcdef") == std::string::npos) {
          return {};
        }
        return "must be 64 lower-case hexadecimal characters (a head printed by 'vigilctl audit "
               "head')" +
               got(value);
      },
      "SHA256");
}

bool same_file(const std::string& a, const std::string& b) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(fs::absolute(a), ec) == fs::weakly_canonical(fs::absolute(b), ec);
}

}  // namespace vigil::cli

#include "vigil/core/session_bp_reading.hpp"

#include <cmath>

#include "session_rule_text.hpp"
#include "vigil/core/channel.hpp"

namespace vigil::core {
namespace {
std::optional<std::string> check_value(std::string_view field, Channel c, double v) {
  const auto& info = channel_info(c);
  if (std::isfinite(v) && v > 0 && v >= info.min_valid && v <= info.max_valid) return std::nullopt;
  return std::string{field} + ": " + detail::number_text(v) +
         " mmHg is outside the valid range (above 0, at most " +
         detail::number_text(info.max_valid) + " mmHg)";
}
}  // namespace

std::optional<std::string> check_bp_reading(const BpReading& bp) {
  if (auto e = check_value("systolic_mmhg", Channel::nibp_systolic, bp.systolic_mmhg)) return e;
  if (auto e = check_value("diastolic_mmhg", Channel::nibp_diastolic, bp.diastolic_mmhg)) return e;
  if (bp.diastolic_mmhg >= bp.systolic_mmhg) {
    return std::string{"diastolic_mmhg: must be below systolic_mmhg"};
  }
  return std::nullopt;
}

}  // namespace vigil::core

#pragma once
// How a dose is given: racemic ketamine IV, IM, sublingual or oral (weight-based, mg/kg), or
// esketamine nasal spray (fixed 28 mg devices).

#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::core {

enum class DoseRoute : std::uint8_t {
  iv,                // racemic ketamine, intravenous (infusion)
  im,                // racemic ketamine, intramuscular
  sublingual,        // racemic ketamine, sublingual (troche / lozenge)
  oral,              // racemic ketamine, swallowed
  esketamine_nasal,  // esketamine nasal spray (SPRAVATO), 28 mg per device
};

// "iv", "im", "sublingual", "oral", ...
constexpr std::string_view dose_route_name(DoseRoute v) {
  switch (v) {
    case DoseRoute::iv:
      return "iv";
    case DoseRoute::im:
      return "im";
    case DoseRoute::sublingual:
      return "sublingual";
    case DoseRoute::oral:
      return "oral";
    case DoseRoute::esketamine_nasal:
      return "esketamine_nasal";
  }
  return {};
}
constexpr std::string_view enum_name(DoseRoute v) { return dose_route_name(v); }
inline constexpr std::size_t dose_route_count = core::enum_count<DoseRoute>();
constexpr std::optional<DoseRoute> dose_route_from_name(std::string_view name) {
  return core::enum_from_name<DoseRoute>(name);
}
std::string_view dose_route_label(DoseRoute r);  // "IV", "IM", ... for messages

}  // namespace vigil::core

#pragma once
// How a dose is given: racemic ketamine IV, IM, sublingual or oral (weight-based, mg/kg), or
// esketamine nasal spray (fixed 28 mg devices).

#include <cstdint>
#include <optional>
#include <string_view>

namespace vigil::core {

enum class DoseRoute : std::uint8_t {
  iv,                // racemic ketamine, intravenous (infusion)
  im,                // racemic ketamine, intramuscular
  sublingual,        // racemic ketamine, sublingual (troche / lozenge)
  oral,              // racemic ketamine, swallowed
  esketamine_nasal,  // esketamine nasal spray (SPRAVATO), 28 mg per device
};

inline constexpr std::size_t dose_route_count = 5;

std::string_view dose_route_name(DoseRoute r);   // "iv", "im", "sublingual", "oral", ...
std::string_view dose_route_label(DoseRoute r);  // "IV", "IM", ... for messages
std::optional<DoseRoute> dose_route_from_name(std::string_view name);

}  // namespace vigil::core

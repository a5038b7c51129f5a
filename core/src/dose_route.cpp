#include "vigil/core/dose_route.hpp"

#include <array>

namespace vigil::core {
namespace {
constexpr std::array<std::string_view, dose_route_count> kNames{"iv", "im", "sublingual", "oral",
                                                                "esketamine_nasal"};
constexpr std::array<std::string_view, dose_route_count> kLabels{"IV", "IM", "sublingual", "oral",
                                                                 "esketamine nasal"};
}  // namespace

std::string_view dose_route_name(DoseRoute r) { return kNames[static_cast<std::size_t>(r)]; }
std::string_view dose_route_label(DoseRoute r) { return kLabels[static_cast<std::size_t>(r)]; }

std::optional<DoseRoute> dose_route_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<DoseRoute>(i);
  }
  return std::nullopt;
}

}  // namespace vigil::core

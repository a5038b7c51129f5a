#include "vigil/core/dose_route.hpp"

#include <array>

namespace vigil::core {
namespace {
constexpr std::array<std::string_view, dose_route_count> kLabels{"IV", "IM", "sublingual", "oral",
                                                                 "esketamine nasal"};
}  // namespace

std::string_view dose_route_label(DoseRoute r) { return kLabels[static_cast<std::size_t>(r)]; }

}  // namespace vigil::core

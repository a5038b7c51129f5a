#include "vigil/core/session_phase.hpp"

#include <array>

namespace vigil::core {
namespace {
constexpr std::array<std::string_view, session_phase_count> kNames{
    "planned", "pre_dose", "dosing", "observation", "discharge_ready", "closed"};
}

std::string_view session_phase_name(SessionPhase p) { return kNames[static_cast<std::size_t>(p)]; }

std::optional<SessionPhase> session_phase_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<SessionPhase>(i);
  }
  return std::nullopt;
}

}  // namespace vigil::core

#pragma once
// Phases of a treatment session (docs/clinical.md): planned -> pre-dose -> dosing -> observation ->
// discharge-ready -> closed. Alarm priorities of some technical conditions depend on the phase.

#include <cstdint>
#include <optional>
#include <string_view>

namespace vigil::core {

enum class SessionPhase : std::uint8_t {
  planned,
  pre_dose,
  dosing,
  observation,
  discharge_ready,
  closed,
};

inline constexpr std::size_t session_phase_count = 6;

std::string_view session_phase_name(SessionPhase p);  // "pre_dose", ...
std::optional<SessionPhase> session_phase_from_name(std::string_view name);

// Dosing and observation: the patient may be sedated or dissociated.
constexpr bool is_monitored_phase(SessionPhase p) {
  return p == SessionPhase::dosing || p == SessionPhase::observation;
}

}  // namespace vigil::core

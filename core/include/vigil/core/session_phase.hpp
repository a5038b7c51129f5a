#pragma once
// Phases of a treatment session (docs/clinical.md): planned -> pre-dose -> dosing -> observation ->
// discharge-ready -> closed. Alarm priorities of some technical conditions depend on the phase.

#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::core {

enum class SessionPhase : std::uint8_t {
  planned,
  pre_dose,
  dosing,
  observation,
  discharge_ready,
  closed,
};

// "pre_dose", ...
constexpr std::string_view session_phase_name(SessionPhase v) {
  switch (v) {
    case SessionPhase::planned:
      return "planned";
    case SessionPhase::pre_dose:
      return "pre_dose";
    case SessionPhase::dosing:
      return "dosing";
    case SessionPhase::observation:
      return "observation";
    case SessionPhase::discharge_ready:
      return "discharge_ready";
    case SessionPhase::closed:
      return "closed";
  }
  return {};
}
constexpr std::string_view enum_name(SessionPhase v) { return session_phase_name(v); }
inline constexpr std::size_t session_phase_count = core::enum_count<SessionPhase>();
constexpr std::optional<SessionPhase> session_phase_from_name(std::string_view name) {
  return core::enum_from_name<SessionPhase>(name);
}

// Dosing and observation: the patient may be sedated or dissociated.
constexpr bool is_monitored_phase(SessionPhase p) {
  return p == SessionPhase::dosing || p == SessionPhase::observation;
}

}  // namespace vigil::core

#pragma once
// Session types: a dosing session (ketamine or esketamine given and monitored) and an
// integration session (notes only, no dosing, linked to the dosing session it follows up).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::core {

using SessionId = std::int64_t;

enum class SessionType : std::uint8_t {
  dosing,
  integration,
};

// "dosing", "integration"
constexpr std::string_view session_type_name(SessionType v) {
  switch (v) {
    case SessionType::dosing:
      return "dosing";
    case SessionType::integration:
      return "integration";
  }
  return {};
}
constexpr std::string_view enum_name(SessionType v) { return session_type_name(v); }
inline constexpr std::size_t session_type_count = core::enum_count<SessionType>();
constexpr std::optional<SessionType> session_type_from_name(std::string_view name) {
  return core::enum_from_name<SessionType>(name);
}

// Checks the link between sessions: an integration session must name the dosing session it
// follows (and that session must be a dosing session); a dosing session links to nothing.
// `linked_type` is the type of the linked session as stored, when the caller found it.
// Returns an error message naming the field and the rule, or nullopt when the link is valid.
std::optional<std::string> check_session_link(SessionType type, std::optional<SessionId> linked,
                                              std::optional<SessionType> linked_type);

}  // namespace vigil::core

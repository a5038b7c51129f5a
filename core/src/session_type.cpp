#include "vigil/core/session_type.hpp"

#include <array>

namespace vigil::core {
namespace {
constexpr std::array<std::string_view, session_type_count> kNames{"dosing", "integration"};
}

std::string_view session_type_name(SessionType t) { return kNames[static_cast<std::size_t>(t)]; }

std::optional<SessionType> session_type_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<SessionType>(i);
  }
  return std::nullopt;
}

std::optional<std::string> check_session_link(SessionType type, std::optional<SessionId> linked,
                                              std::optional<SessionType> linked_type) {
  if (type == SessionType::dosing) {
    if (linked) return "linked_session: a dosing session links to no other session";
    return std::nullopt;
  }
  if (!linked) return "linked_session: an integration session must name its dosing session";
  if (*linked <= 0) return "linked_session: the dosing session id must be positive";
  if (!linked_type) return "linked_session: session " + std::to_string(*linked) + " not found";
  if (*linked_type != SessionType::dosing) {
    return "linked_session: session " + std::to_string(*linked) +
           " is an integration session; an integration session follows a dosing session";
  }
  return std::nullopt;
}

}  // namespace vigil::core

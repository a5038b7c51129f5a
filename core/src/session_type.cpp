#include "vigil/core/session_type.hpp"

#include <array>

namespace vigil::core {
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

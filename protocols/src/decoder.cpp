#include "vigil/protocols/decoder.hpp"

#include <array>

namespace vigil::protocols {

std::string_view reply_kind_name(ReplyKind k) {
  static constexpr std::array<std::string_view, 7> kNames{
      "ack", "nak", "measurement_done", "device_id", "model", "vendor", "capability"};
  return kNames[static_cast<std::size_t>(k)];
}

}  // namespace vigil::protocols

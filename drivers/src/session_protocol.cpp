#include "vigil/drivers/session_protocol.hpp"

#include <array>

namespace vigil::drivers {
namespace {

using std::chrono::milliseconds;

// Silence limits: a few frame periods of margin. Nonin DF2/DF7 and Contec send 60-75 frames/s
// (but a Nonin packet is confirmed only every 1/3 s); DF8 and Masimo one frame per second; GE is
// asked for a record every 5 s.
constexpr std::array<SessionProtocol, 8> kTable{{
    {"nonin-df2", Handshake::none, milliseconds(3000)},
    {"nonin-df7", Handshake::none, milliseconds(3000)},
    {"nonin-df8", Handshake::none, milliseconds(5000)},
    {"contec-legacy", Handshake::none, milliseconds(3000)},
    {"contec-v7", Handshake::contec_v7, milliseconds(3000)},
    {"masimo-ascii", Handshake::none, milliseconds(5000)},
    {"ge-s5", Handshake::ge_s5, milliseconds(15000)},
    {"suntech", Handshake::suntech, milliseconds(0)},
}};

}  // namespace

std::optional<SessionProtocol> session_protocol_for(std::string_view protocol) {
  for (const auto& p : kTable) {
    if (p.protocol == protocol) return p;
  }
  return std::nullopt;
}

}  // namespace vigil::drivers

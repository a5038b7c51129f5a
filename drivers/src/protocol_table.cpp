// What the drivers need per protocol family, one row each (see protocol_family.hpp for the
// whole split): serial line settings, the session's handshake / keep-alive / polling, and the
// silence limit. Kept here rather than in protocols/ because the codecs are pure and know no
// serial line; the rows refer to the protocol list only through ProtocolFamily.
#include <array>
#include <chrono>

#include "vigil/drivers/line_settings.hpp"
#include "vigil/drivers/session_protocol.hpp"
#include "vigil/protocols/protocol_family.hpp"

namespace vigil::drivers {
namespace {

using protocols::ProtocolFamily;
using std::chrono::milliseconds;

struct DriverProtocolRow {
  ProtocolFamily family;
  LineSettings line;
  Handshake handshake;
  milliseconds silence_limit;
  double pleth_rate_hz;
};

// Line settings (docs/devices.md): Nonin and Masimo 9600 8N1; Contec legacy 19200 8O1; Contec V7
// 115200 8N1 without XON/XOFF (packet types 0x11/0x13 collide); GE S/5 19200 8E1 RTS/CTS;
// SunTech 9600 8N1.
// Silence limits: a few frame periods of margin. Nonin DF2/DF7 and Contec send 60-75 frames/s
// (but a Nonin packet is confirmed only every 1/3 s); DF8 and Masimo one frame per second; GE is
// asked for a record every 5 s; SunTech answers only when asked (0: no watchdog).
// Pleth: Nonin DF2/DF7 send a sample with each of their 75 frames/s, Contec one with each of 60;
// DF8, Masimo ASCII and the GE displayed values carry no waveform.
constexpr LineSettings k9600_8n1{9600, 8, Parity::none, 1, FlowControl::none};
constexpr std::array<DriverProtocolRow, core::enum_count<ProtocolFamily>()> kRows{{
    {ProtocolFamily::nonin_df2, k9600_8n1, Handshake::none, milliseconds(3000), 75.0},
    {ProtocolFamily::nonin_df7, k9600_8n1, Handshake::none, milliseconds(3000), 75.0},
    {ProtocolFamily::nonin_df8, k9600_8n1, Handshake::none, milliseconds(5000), 0.0},
    {ProtocolFamily::contec_legacy,
     {19200, 8, Parity::odd, 1, FlowControl::none},
     Handshake::none,
     milliseconds(3000),
     60.0},
    {ProtocolFamily::contec_v7,
     {115200, 8, Parity::none, 1, FlowControl::none},
     Handshake::contec_v7,
     milliseconds(3000),
     60.0},
    {ProtocolFamily::masimo_ascii, k9600_8n1, Handshake::none, milliseconds(5000), 0.0},
    {ProtocolFamily::ge_s5,
     {19200, 8, Parity::even, 1, FlowControl::hardware},
     Handshake::ge_s5,
     milliseconds(15000),
     0.0},
    {ProtocolFamily::suntech, k9600_8n1, Handshake::suntech, milliseconds(0), 0.0},
}};

// A missing row is zero-filled (family nonin_df2) and so breaks the order as well.
constexpr bool one_row_per_family_in_order() {
  for (std::size_t i = 0; i < kRows.size(); ++i) {
    if (kRows[i].family != protocols::kProtocolFamilies[i]) return false;
  }
  return true;
}
static_assert(one_row_per_family_in_order(),
              "drivers protocol table: one row per ProtocolFamily, in enumerator order");

const DriverProtocolRow& row(ProtocolFamily f) { return kRows[static_cast<std::size_t>(f)]; }

}  // namespace

LineSettings line_settings_for(ProtocolFamily family) { return row(family).line; }

std::optional<LineSettings> line_settings_for(std::string_view protocol) {
  const auto family = protocols::protocol_from_name(protocol);
  if (!family) return std::nullopt;
  return line_settings_for(*family);
}

SessionProtocol session_protocol_for(ProtocolFamily family) {
  const DriverProtocolRow& r = row(family);
  return {protocols::protocol_name(family), r.handshake, r.silence_limit, r.pleth_rate_hz};
}

std::optional<SessionProtocol> session_protocol_for(std::string_view protocol) {
  const auto family = protocols::protocol_from_name(protocol);
  if (!family) return std::nullopt;
  return session_protocol_for(*family);
}

}  // namespace vigil::drivers

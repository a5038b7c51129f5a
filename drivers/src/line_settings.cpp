#include "vigil/drivers/line_settings.hpp"

#include <array>
#include <string>
#include <utility>

namespace vigil::drivers {
namespace {

// From docs/devices.md: Nonin and Masimo 9600 8N1; Contec legacy 19200 8O1; Contec V7
// 115200 8N1 without XON/XOFF (packet types 0x11/0x13 collide); GE S/5 19200 8E1 RTS/CTS;
// SunTech 9600 8N1.
constexpr LineSettings k9600_8n1{9600, 8, Parity::none, 1, FlowControl::none};
constexpr std::array<std::pair<std::string_view, LineSettings>, 8> kTable{{
    {"nonin-df2", k9600_8n1},
    {"nonin-df7", k9600_8n1},
    {"nonin-df8", k9600_8n1},
    {"contec-legacy", {19200, 8, Parity::odd, 1, FlowControl::none}},
    {"contec-v7", {115200, 8, Parity::none, 1, FlowControl::none}},
    {"masimo-ascii", k9600_8n1},
    {"ge-s5", {19200, 8, Parity::even, 1, FlowControl::hardware}},
    {"suntech", k9600_8n1},
}};

}  // namespace

std::optional<LineSettings> line_settings_for(std::string_view protocol) {
  for (const auto& [name, settings] : kTable) {
    if (name == protocol) return settings;
  }
  return std::nullopt;
}

std::string describe(const LineSettings& s) {
  static constexpr std::array<char, 3> kParity{'N', 'O', 'E'};
  std::string out = std::to_string(s.baud) + ' ' + std::to_string(s.data_bits) +
                    kParity[static_cast<std::size_t>(s.parity)] + std::to_string(s.stop_bits);
  if (s.flow == FlowControl::hardware) out += " RTS/CTS";
  return out;
}

}  // namespace vigil::drivers

#pragma once
// Serial line settings per device protocol (baud, framing, flow control).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/protocols/protocol_family.hpp"

namespace vigil::drivers {

enum class Parity : std::uint8_t { none, odd, even };
enum class FlowControl : std::uint8_t { none, hardware };

struct LineSettings {
  unsigned baud = 9600;
  unsigned data_bits = 8;
  Parity parity = Parity::none;
  unsigned stop_bits = 1;
  FlowControl flow = FlowControl::none;
};

// Settings for a protocol family (one row per family: drivers/src/protocol_table.cpp).
LineSettings line_settings_for(protocols::ProtocolFamily family);
// Settings for a protocol name as used on the command line ("nonin-df2", "ge-s5", ...);
// nullopt for an unknown name.
std::optional<LineSettings> line_settings_for(std::string_view protocol);

// "9600 8N1", "19200 8E1 RTS/CTS": the form used in manuals and messages.
std::string describe(const LineSettings& s);

}  // namespace vigil::drivers

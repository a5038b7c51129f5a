#pragma once
// What a device session does per protocol: its handshake and its default silence limit.

#include <chrono>
#include <optional>
#include <string_view>

#include "vigil/protocols/protocol_family.hpp"

namespace vigil::drivers {

enum class Handshake {
  none,       // Nonin, Masimo, Contec legacy: the device streams unasked
  contec_v7,  // start-live, then keep-alive every 5 s (the device stops ~30 s after the last)
  ge_s5,      // displayed-values request (device sends every N s), re-sent after reconnect
  suntech,    // NIBP module: measurements on request or schedule, polled until done
};

struct SessionProtocol {
  std::string_view protocol;  // CLI name ("nonin-df2", ...)
  Handshake handshake = Handshake::none;
  // No valid frame for this long -> "no data". Zero: no watchdog (SunTech answers only when
  // asked; its measurement timeout plays that role).
  std::chrono::milliseconds silence_limit{0};
  // Pleth samples per second the device streams (0: no waveform), for the screen's sweep.
  double pleth_rate_hz = 0;
};

// One row per family: drivers/src/protocol_table.cpp.
SessionProtocol session_protocol_for(protocols::ProtocolFamily family);
// nullopt for a name that is no protocol family.
std::optional<SessionProtocol> session_protocol_for(std::string_view protocol);

}  // namespace vigil::drivers

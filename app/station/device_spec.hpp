#pragma once
// A device named on the command line as PROTOCOL:PORT (`vigilctl monitor --device`, `vigil
// --device`). PORT is a path, a /dev/serial/by-id/... link or usb-serial:SERIAL; the split is at
// the first ':' so a port may hold colons.

#include <string>
#include <string_view>
#include <vector>

#include "vigil/drivers/device_session.hpp"

namespace vigil::station {

// Protocols a device session can run, comma-separated ("nonin-df2, nonin-df7, ...").
std::string device_protocol_list();

// Fills `out` (protocol, name, identity; device_id = `id`) and returns an empty string, or
// returns the problem: "--device: expected PROTOCOL:PORT (...), got 'x'" or "--device: unknown
// protocol 'x'; valid: ...".
std::string parse_device_spec(std::string_view text, core::DeviceId id,
                              drivers::DeviceSessionConfig& out);

// The problem when two devices name the same port (two sessions would fight over one device),
// or an empty string.
std::string duplicate_port_problem(const std::vector<drivers::DeviceSessionConfig>& devices);

}  // namespace vigil::station

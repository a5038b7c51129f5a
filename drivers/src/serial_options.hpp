#pragma once
// Applies a protocol's LineSettings to an Asio serial port.

#include <system_error>

#include "asio.hpp"
#include "vigil/drivers/line_settings.hpp"

namespace vigil::drivers {

// Returns the first error from the port's set_option calls, or an empty error code.
std::error_code apply_line_settings(boost::asio::serial_port& port, const LineSettings& s);

}  // namespace vigil::drivers

#pragma once
// How a device is named in the configuration: by what stays the same when it is unplugged and
// plugged back (USB serial number, /dev/serial/by-id link), not by ttyUSBn, which can change.
// A plain path (a pty symlink, /dev/ttyS0) is accepted too and used as it is.

#include <optional>
#include <string>
#include <string_view>

#include "vigil/drivers/port_discovery.hpp"

namespace vigil::drivers {

struct DeviceIdentity {
  enum class Kind { path, usb_serial, by_id };
  Kind kind = Kind::path;
  std::string value;  // the path, the serial number or the by-id link

  // "usb-serial:A1B2C3" -> usb_serial; "/dev/serial/by-id/..." -> by_id; anything else -> path.
  static DeviceIdentity parse(std::string_view text);
  std::string describe() const;  // "usb-serial:A1B2C3", or the path
  friend bool operator==(const DeviceIdentity&, const DeviceIdentity&) = default;
};

// The device node to open now, or nullopt when the device is absent. Called at every (re)open,
// so a device that comes back as another ttyUSBn is found. usb_serial needs `discovery`; a by-id
// link is followed directly and, failing that, looked up through `discovery`.
std::optional<std::string> resolve_port_path(const DeviceIdentity& identity,
                                             PortDiscovery* discovery);

}  // namespace vigil::drivers

#pragma once
// Serial port discovery: which ports exist, with their USB identity. The production
// implementation uses libserialport (which lists real ports only, never pseudo-terminals);
// tests substitute their own PortDiscovery.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil::drivers {

struct PortInfo {
  std::string path;  // current device node, e.g. /dev/ttyUSB0
  std::optional<std::uint16_t> usb_vid;
  std::optional<std::uint16_t> usb_pid;
  std::string serial_number;  // USB serial number; empty when unknown
  std::string description;    // product text from the adapter
  std::string by_id_path;     // /dev/serial/by-id/... link that points at `path`; may be empty
};

class PortDiscovery {
 public:
  virtual ~PortDiscovery() = default;
  // Ports present now. Must be callable from the acquisition thread.
  virtual std::vector<PortInfo> list_ports() = 0;
};

// Discovery through libserialport plus the /dev/serial/by-id links.
std::unique_ptr<PortDiscovery> make_libserialport_discovery();

}  // namespace vigil::drivers

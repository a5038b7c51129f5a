#include "vigil/drivers/device_identity.hpp"

#include <filesystem>
#include <system_error>

namespace vigil::drivers {
namespace {

constexpr std::string_view kUsbSerialPrefix = "usb-serial:";
constexpr std::string_view kByIdPrefix = "/dev/serial/by-id/";

bool exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec) && !ec;  // follows symlinks: a dangling link is absent
}

}  // namespace

DeviceIdentity DeviceIdentity::parse(std::string_view text) {
  if (text.starts_with(kUsbSerialPrefix)) {
    return {Kind::usb_serial, std::string(text.substr(kUsbSerialPrefix.size()))};
  }
  if (text.starts_with(kByIdPrefix)) return {Kind::by_id, std::string(text)};
  return {Kind::path, std::string(text)};
}

std::string DeviceIdentity::describe() const {
  return kind == Kind::usb_serial ? std::string(kUsbSerialPrefix) + value : value;
}

std::optional<std::string> resolve_port_path(const DeviceIdentity& identity,
                                             PortDiscovery* discovery) {
  switch (identity.kind) {
    case DeviceIdentity::Kind::path:
      if (exists(identity.value)) return identity.value;
      return std::nullopt;
    case DeviceIdentity::Kind::by_id:
      if (exists(identity.value)) return identity.value;
      break;
    case DeviceIdentity::Kind::usb_serial:
      break;
  }
  if (!discovery) return std::nullopt;
  for (const PortInfo& p : discovery->list_ports()) {
    const bool match = identity.kind == DeviceIdentity::Kind::usb_serial
                           ? !p.serial_number.empty() && p.serial_number == identity.value
                           : p.by_id_path == identity.value;
    if (match && exists(p.path)) return p.path;
  }
  return std::nullopt;
}

}  // namespace vigil::drivers

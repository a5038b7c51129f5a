#pragma once
// Known USB vendor/product ids of serial monitors and of the adapters they are sold with, to
// suggest a device family when a port appears. A generic adapter (FTDI, Prolific, CP210x, CH340)
// says nothing certain about the device behind it: only a hint for the operator.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace vigil::drivers {

struct KnownUsbDevice {
  std::uint16_t vid = 0;
  std::uint16_t pid = 0;
  std::string_view maker;    // "Nonin", "FTDI", ...
  std::string_view product;  // "USB-serial adapter", ...
  // Suggested protocol family ("nonin", "contec", ...); for a generic adapter only what such
  // cables are commonly sold with, or empty.
  std::string_view family;
  bool generic_adapter = false;  // true: any device may sit behind it
};

std::span<const KnownUsbDevice> known_usb_devices();
std::optional<KnownUsbDevice> lookup_usb_device(std::uint16_t vid, std::uint16_t pid);

}  // namespace vigil::drivers

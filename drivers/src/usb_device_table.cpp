#include "vigil/drivers/usb_device_table.hpp"

#include <array>

namespace vigil::drivers {
namespace {

// Generic USB-serial bridges (ids from the chip makers' defaults, as in Linux's usb-serial
// drivers). Any monitor may sit behind one; the family is only what such cables are commonly
// sold with (Contec CMS50 cables carry a CP210x with its default ids).
// Device-specific entries (a monitor with its own vendor id) belong here once an id is read off
// a real unit: none is verified yet, and a guessed id would mislead more than help.
constexpr std::array<KnownUsbDevice, 8> kTable{{
    {0x0403, 0x6001, "FTDI", "FT232R USB-serial adapter", "", true},
    {0x0403, 0x6010, "FTDI", "FT2232 USB-serial adapter", "", true},
    {0x0403, 0x6015, "FTDI", "FT-X USB-serial adapter", "", true},
    {0x067B, 0x2303, "Prolific", "PL2303 USB-serial adapter", "", true},
    {0x067B, 0x23A3, "Prolific", "PL2303GS USB-serial adapter", "", true},
    {0x10C4, 0xEA60, "Silicon Labs", "CP210x USB-serial adapter", "contec", true},
    {0x1A86, 0x7523, "QinHeng", "CH340 USB-serial adapter", "", true},
    {0x1A86, 0x55D4, "QinHeng", "CH9102 USB-serial adapter", "", true},
}};

}  // namespace

std::span<const KnownUsbDevice> known_usb_devices() { return kTable; }

std::optional<KnownUsbDevice> lookup_usb_device(std::uint16_t vid, std::uint16_t pid) {
  for (const auto& d : kTable) {
    if (d.vid == vid && d.pid == pid) return d;
  }
  return std::nullopt;
}

}  // namespace vigil::drivers

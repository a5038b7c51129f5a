// Device identity and the USB id table, with a fake discovery.
#include <gtest/gtest.h>

#include "pty_device.hpp"
#include "vigil/drivers/device_identity.hpp"
#include "vigil/drivers/usb_device_table.hpp"

using namespace vigil::drivers;
using namespace vigil::drivers::test;

namespace {
class FakeDiscovery final : public PortDiscovery {
 public:
  std::vector<PortInfo> list_ports() override { return ports; }
  std::vector<PortInfo> ports;
};
}  // namespace

TEST(DeviceIdentity, ParsesTheThreeForms) {
  EXPECT_EQ(DeviceIdentity::parse("usb-serial:A1B2"),
            (DeviceIdentity{DeviceIdentity::Kind::usb_serial, "A1B2"}));
  EXPECT_EQ(DeviceIdentity::parse("/dev/serial/by-id/usb-FTDI_X-if00-port0").kind,
            DeviceIdentity::Kind::by_id);
  EXPECT_EQ(DeviceIdentity::parse("/tmp/vigil-sim/nonin").kind, DeviceIdentity::Kind::path);
  EXPECT_EQ(DeviceIdentity::parse("usb-serial:A1B2").describe(), "usb-serial:A1B2");
}

TEST(DeviceIdentity, ResolvesUsbSerialToTheCurrentPath) {
  TempDir dir;
  PtyDevice a(dir.file("ttyUSB3"));
  FakeDiscovery discovery;
  discovery.ports = {{a.link(), 0x067B, 0x2303, "OTHER", "PL2303", ""},
                     {dir.file("ttyUSB9"), 0x0403, 0x6001, "XYZ", "FT232R", ""}};
  const auto id = DeviceIdentity::parse("usb-serial:OTHER");
  EXPECT_EQ(resolve_port_path(id, &discovery), a.link());
  EXPECT_EQ(resolve_port_path(DeviceIdentity::parse("usb-serial:XYZ"), &discovery), std::nullopt)
      << "listed but its node does not exist";
  EXPECT_EQ(resolve_port_path(id, nullptr), std::nullopt);
  a.unplug();
  EXPECT_EQ(resolve_port_path(DeviceIdentity::parse(a.link()), nullptr), std::nullopt)
      << "a removed link is an absent device";
}

TEST(DeviceIdentity, ByIdLinkFallsBackToDiscovery) {
  TempDir dir;
  PtyDevice a(dir.file("ttyUSB0"));
  FakeDiscovery discovery;
  const std::string by_id = "/dev/serial/by-id/usb-Vigil_Test_0001-if00-port0";
  discovery.ports = {{a.link(), 0x10C4, 0xEA60, "0001", "CP2102", by_id}};
  EXPECT_EQ(resolve_port_path(DeviceIdentity::parse(by_id), &discovery), a.link());
}

TEST(UsbDeviceTable, GenericAdaptersAreMarked) {
  const auto ftdi = lookup_usb_device(0x0403, 0x6001);
  ASSERT_TRUE(ftdi);
  EXPECT_TRUE(ftdi->generic_adapter);
  ASSERT_TRUE(lookup_usb_device(0x067B, 0x2303));
  EXPECT_EQ(lookup_usb_device(0x10C4, 0xEA60)->family, "contec");
  EXPECT_FALSE(lookup_usb_device(0xFFFF, 0x0001));
  for (const auto& d : known_usb_devices()) {
    EXPECT_FALSE(d.maker.empty());
    EXPECT_TRUE(d.generic_adapter || !d.family.empty()) << d.product;
  }
}

TEST(LibserialportDiscovery, ListsWithoutFailing) {
  // No USB ports on a build machine; the call must work all the same (ptys are never listed).
  auto discovery = make_libserialport_discovery();
  for (const auto& p : discovery->list_ports()) EXPECT_FALSE(p.path.empty());
}

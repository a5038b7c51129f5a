// PortDiscovery over libserialport: USB vid/pid, serial number and product text per port, and
// the /dev/serial/by-id link (udev) that points at it.
#include <libserialport.h>

#include <filesystem>
#include <system_error>

#include "vigil/drivers/port_discovery.hpp"

namespace vigil::drivers {
namespace {

constexpr const char* kByIdDir = "/dev/serial/by-id";

std::string text_or_empty(const char* s) { return s ? std::string(s) : std::string(); }

std::string by_id_link_for(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::directory_iterator it(kByIdDir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    if (fs::equivalent(it->path(), path, ec2) && !ec2) return it->path().string();
  }
  return {};
}

class LibserialportDiscovery final : public PortDiscovery {
 public:
  std::vector<PortInfo> list_ports() override {
    std::vector<PortInfo> out;
    sp_port** ports = nullptr;
    if (sp_list_ports(&ports) != SP_OK) return out;
    for (sp_port** p = ports; *p; ++p) {
      PortInfo info;
      info.path = text_or_empty(sp_get_port_name(*p));
      info.description = text_or_empty(sp_get_port_description(*p));
      if (sp_get_port_transport(*p) == SP_TRANSPORT_USB) {
        int vid = 0;
        int pid = 0;
        if (sp_get_port_usb_vid_pid(*p, &vid, &pid) == SP_OK) {
          info.usb_vid = static_cast<std::uint16_t>(vid);
          info.usb_pid = static_cast<std::uint16_t>(pid);
        }
        info.serial_number = text_or_empty(sp_get_port_usb_serial(*p));
      }
      info.by_id_path = by_id_link_for(info.path);
      out.push_back(std::move(info));
    }
    sp_free_port_list(ports);
    return out;
  }
};

}  // namespace

std::unique_ptr<PortDiscovery> make_libserialport_discovery() {
  return std::make_unique<LibserialportDiscovery>();
}

}  // namespace vigil::drivers

#include "device_spec.hpp"

#include "vigil/drivers/session_protocol.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::station {

std::string device_protocol_list() {
  std::string out;
  for (auto name : protocols::protocol_names()) {
    if (!drivers::session_protocol_for(name)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string parse_device_spec(std::string_view text, core::DeviceId id,
                              drivers::DeviceSessionConfig& out) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return "--device: expected PROTOCOL:PORT (e.g. nonin-df2:/dev/ttyUSB0), got '" +
           std::string(text) + "'";
  }
  const std::string protocol(text.substr(0, colon));
  if (!drivers::session_protocol_for(protocol) || !protocols::make_decoder(protocol)) {
    return "--device: unknown protocol '" + protocol + "'; valid: " + device_protocol_list();
  }
  out.device_id = id;
  out.protocol = protocol;
  out.name = protocol;
  out.identity = drivers::DeviceIdentity::parse(text.substr(colon + 1));
  if (out.identity.value.empty()) {
    return "--device: " + std::string(text) +
           ": the port names no device (usb-serial: needs the "
           "serial number)";
  }
  return {};
}

std::string duplicate_port_problem(const std::vector<drivers::DeviceSessionConfig>& devices) {
  for (std::size_t i = 0; i < devices.size(); ++i) {
    for (std::size_t j = i + 1; j < devices.size(); ++j) {
      if (devices[i].identity == devices[j].identity) {
        return "--device: " + devices[i].identity.describe() +
               " is given twice; each device is named once";
      }
    }
  }
  return {};
}

}  // namespace vigil::station

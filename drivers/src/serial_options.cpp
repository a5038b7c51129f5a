#include "serial_options.hpp"

namespace vigil::drivers {

std::error_code apply_line_settings(boost::asio::serial_port& port, const LineSettings& s) {
  using boost::asio::serial_port_base;
  const auto parity = s.parity == Parity::odd    ? serial_port_base::parity::odd
                      : s.parity == Parity::even ? serial_port_base::parity::even
                                                 : serial_port_base::parity::none;
  const auto stop =
      s.stop_bits == 2 ? serial_port_base::stop_bits::two : serial_port_base::stop_bits::one;
  const auto flow = s.flow == FlowControl::hardware ? serial_port_base::flow_control::hardware
                                                    : serial_port_base::flow_control::none;
  boost::system::error_code ec;
  port.set_option(serial_port_base::baud_rate(s.baud), ec);
  if (!ec) port.set_option(serial_port_base::character_size(s.data_bits), ec);
  if (!ec) port.set_option(serial_port_base::parity(parity), ec);
  if (!ec) port.set_option(serial_port_base::stop_bits(stop), ec);
  if (!ec) port.set_option(serial_port_base::flow_control(flow), ec);
  return ec ? std::error_code(ec.value(), std::generic_category()) : std::error_code{};
}

}  // namespace vigil::drivers

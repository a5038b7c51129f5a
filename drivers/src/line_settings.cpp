#include "vigil/drivers/line_settings.hpp"

#include <array>
#include <string>

namespace vigil::drivers {

std::string describe(const LineSettings& s) {
  static constexpr std::array<char, 3> kParity{'N', 'O', 'E'};
  std::string out = std::to_string(s.baud) + ' ' + std::to_string(s.data_bits) +
                    kParity[static_cast<std::size_t>(s.parity)] + std::to_string(s.stop_bits);
  if (s.flow == FlowControl::hardware) out += " RTS/CTS";
  return out;
}

}  // namespace vigil::drivers

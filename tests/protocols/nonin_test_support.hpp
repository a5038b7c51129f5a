#pragma once
// Builds Nonin DF2 / DF7 frames by hand (docs/devices.md layout), for the codec tests.

#include <array>
#include <cstdint>
#include <vector>

#include "vigil/protocols/nonin.hpp"

namespace vigil::test {

// Appends one 5-byte DF2 (01 STATUS PLETH FLOAT) or DF7 (STATUS PLETH-MSB PLETH-LSB FLOAT)
// frame with its checksum byte.
inline void append_nonin_frame(std::vector<std::uint8_t>& out, protocols::NoninFormat f, int status,
                               int pleth, int flt) {
  std::array<std::uint8_t, 4> b{};
  if (f == protocols::NoninFormat::df2) {
    b = {0x01, std::uint8_t(status), std::uint8_t(pleth), std::uint8_t(flt)};
  } else {
    b = {std::uint8_t(status), std::uint8_t(pleth >> 8), std::uint8_t(pleth), std::uint8_t(flt)};
  }
  out.insert(out.end(), b.begin(), b.end());
  out.push_back(std::uint8_t(b[0] + b[1] + b[2] + b[3]));
}

}  // namespace vigil::test

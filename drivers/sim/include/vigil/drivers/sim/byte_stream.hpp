#pragma once
// Writes what a simulated device sends over `duration_s` scenario seconds, as fast as possible,
// host commands assumed sent (`vigilctl simulate --out`). Unplugged and silent spans leave gaps.

#include <cstdint>
#include <ostream>
#include <string_view>

#include "vigil/drivers/sim/timeline.hpp"

namespace vigil::drivers::sim {

struct ByteStreamResult {
  std::uint64_t bytes = 0;
  std::uint64_t bytes_corrupted = 0;
};

// Throws std::invalid_argument for an unknown device.
ByteStreamResult write_byte_stream(std::string_view device, const Timeline& timeline,
                                   double start_at_s, double duration_s, std::ostream& out,
                                   std::uint64_t seed = 1);

}  // namespace vigil::drivers::sim

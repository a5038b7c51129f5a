// `vigilctl simulate --out`: a device's bytes over a span of scenario time, as fast as possible.
#include "vigil/drivers/sim/byte_stream.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/drivers/sim/simulated_device.hpp"

namespace vigil::drivers::sim {

ByteStreamResult write_byte_stream(std::string_view device, const Timeline& timeline,
                                   double start_at_s, double duration_s, std::ostream& out,
                                   std::uint64_t seed) {
  auto model = make_device_model(device);
  if (!model) throw std::invalid_argument("unknown device '" + std::string(device) + "'");
  SimulatedDevice sim(std::move(model), timeline, seed, /*assume_host=*/true);
  constexpr double kStep_s = 0.05;  // fine enough to catch short unplug / silence spans
  const double end = start_at_s + duration_s;
  std::vector<std::uint8_t> buffer;
  ByteStreamResult result;
  for (double t = start_at_s;; t = std::min(t + kStep_s, end)) {
    buffer.clear();
    sim.produce(t, buffer);
    out.write(reinterpret_cast<const char*>(buffer.data()),
              static_cast<std::streamsize>(buffer.size()));
    result.bytes += buffer.size();
    if (t >= end) break;
  }
  result.bytes_corrupted = sim.bytes_corrupted();
  return result;
}

}  // namespace vigil::drivers::sim

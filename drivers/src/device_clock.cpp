#include "vigil/drivers/device_clock.hpp"

namespace vigil::drivers {
namespace {

class SystemDeviceClock final : public DeviceClock {
 public:
  core::SteadyTime steady_now() const override { return std::chrono::steady_clock::now(); }
  core::UtcTime utc_now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace

const DeviceClock& system_device_clock() {
  static const SystemDeviceClock clock;
  return clock;
}

}  // namespace vigil::drivers

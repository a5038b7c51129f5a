#pragma once
// Where sessions take "now" from when they stamp readings and conditions. Tests and accelerated
// simulations pass their own; the session's timers still run on the io_context's real time.

#include "vigil/core/reading.hpp"

namespace vigil::drivers {

class DeviceClock {
 public:
  virtual ~DeviceClock() = default;
  virtual core::SteadyTime steady_now() const = 0;
  virtual core::UtcTime utc_now() const = 0;
};

// std::chrono::steady_clock and system_clock.
const DeviceClock& system_device_clock();

}  // namespace vigil::drivers

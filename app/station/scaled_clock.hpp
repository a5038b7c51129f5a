#pragma once
// A clock for accelerated sessions (the demo's --speed, tests): from `epoch` on, both the steady
// and the UTC time run `speed` times faster than real time, so alarm delays, the screen's
// timeline and the records all live on the same scenario time as the simulators.

#include <chrono>

#include "vigil/drivers/device_clock.hpp"

namespace vigil::station {

class ScaledClock final : public drivers::DeviceClock {
 public:
  // speed > 0. At `epoch` (real steady time) the clock reads `epoch` and `utc_at_epoch`.
  explicit ScaledClock(
      double speed, std::chrono::steady_clock::time_point epoch = std::chrono::steady_clock::now(),
      std::chrono::system_clock::time_point utc_at_epoch = std::chrono::system_clock::now());

  core::SteadyTime steady_now() const override;
  core::UtcTime utc_now() const override;
  double speed() const { return speed_; }
  std::chrono::steady_clock::time_point epoch() const { return epoch_; }
  std::chrono::system_clock::time_point utc_at_epoch() const { return utc_at_epoch_; }

 private:
  std::chrono::steady_clock::duration scaled_since_epoch() const;
  double speed_;
  std::chrono::steady_clock::time_point epoch_;
  std::chrono::system_clock::time_point utc_at_epoch_;
};

}  // namespace vigil::station

#include "scaled_clock.hpp"

#include <cmath>
#include <stdexcept>

namespace vigil::station {

ScaledClock::ScaledClock(double speed, std::chrono::steady_clock::time_point epoch,
                         std::chrono::system_clock::time_point utc_at_epoch)
    : speed_(speed), epoch_(epoch), utc_at_epoch_(utc_at_epoch) {
  if (!(speed > 0) || !std::isfinite(speed) || speed > 1e6) {
    throw std::invalid_argument("speed: must be a finite number greater than 0");
  }
}

std::chrono::steady_clock::duration ScaledClock::scaled_since_epoch() const {
  const auto real = std::chrono::steady_clock::now() - epoch_;
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double, std::chrono::steady_clock::period>(
          static_cast<double>(real.count()) * speed_));
}

core::SteadyTime ScaledClock::steady_now() const { return epoch_ + scaled_since_epoch(); }

core::UtcTime ScaledClock::utc_now() const {
  return utc_at_epoch_ +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(scaled_since_epoch());
}

}  // namespace vigil::station

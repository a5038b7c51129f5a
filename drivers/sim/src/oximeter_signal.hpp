#pragma once
// Shared by the oximeter models: the encoders' OximeterState for some vitals, a plethysmogram in
// time with the pulse, and a fixed-rate frame schedule. Internal to the simulators.

#include <cmath>
#include <cstdint>
#include <optional>

#include "vigil/drivers/sim/vital_signs.hpp"
#include "vigil/protocols/device_state.hpp"

namespace vigil::drivers::sim {

// SpO2, pulse and PI as they are; finger out -> sensor_off.
protocols::OximeterState oximeter_state(const VitalSigns& v);

// A plethysmogram: sharp systolic upstroke, exponential run-off and a dicrotic notch, one beat
// per 60 / pulse_rate seconds. Flat mid-scale when there is no pulse.
class PlethGenerator {
 public:
  // Level 0..1 at scenario time t_s (calls must not go back in time).
  double sample(double t_s, std::optional<int> pulse_rate);
  // True when the last sample() began a new beat.
  bool beat_started() const { return beat_; }

 private:
  std::optional<double> last_t_;
  double phase_ = 0;  // 0..1 through the current beat
  bool beat_ = false;
};

// Frames every `period_s` from a start time; frame n is due at start + n * period (no drift).
class FrameSchedule {
 public:
  explicit FrameSchedule(double period_s) : period_s_(period_s) {}
  void restart(double start_s) {
    start_s_ = start_s;
    n_ = 0;
  }
  void set_period(double period_s, double start_s) {
    period_s_ = period_s;
    restart(start_s);
  }
  double next_s() const { return start_s_ + static_cast<double>(n_) * period_s_; }
  void pop() { ++n_; }
  double period_s() const { return period_s_; }

 private:
  double period_s_;
  double start_s_ = 0;
  std::uint64_t n_ = 0;
};

}  // namespace vigil::drivers::sim

// The oximeter models' shared signal: state for the encoders and the pleth waveform.
#include "oximeter_signal.hpp"

#include <algorithm>

namespace vigil::drivers::sim {

protocols::OximeterState oximeter_state(const VitalSigns& v) {
  protocols::OximeterState s;
  s.spo2 = v.spo2;
  s.pulse_rate = v.pulse_rate;
  s.perfusion_index = v.perfusion_index;
  if (v.finger_out) s.flags.set(core::ReadingFlag::sensor_off);
  return s;
}

namespace {
// One beat, phase 0..1 -> about 0..1.
double beat_shape(double p) {
  constexpr double kRise = 0.14;
  if (p < kRise) {
    const double s = std::sin(1.5707963267948966 * p / kRise);
    return s * s;
  }
  const double runoff = std::exp(-(p - kRise) / 0.32);
  const double notch = 0.18 * std::exp(-std::pow((p - 0.45) / 0.06, 2));
  return std::clamp(0.85 * runoff + notch - 0.05 * p, 0.0, 1.0);
}
}  // namespace

double PlethGenerator::sample(double t_s, std::optional<int> pulse_rate) {
  const double dt = last_t_ ? std::max(0.0, t_s - *last_t_) : 0.0;
  last_t_ = t_s;
  beat_ = false;
  if (!pulse_rate || *pulse_rate <= 0) {
    phase_ = 0;
    return 0.5;
  }
  phase_ += dt * *pulse_rate / 60.0;
  if (phase_ >= 1.0) {
    phase_ -= std::floor(phase_);
    beat_ = true;
  }
  return 0.08 + 0.84 * beat_shape(phase_);
}

}  // namespace vigil::drivers::sim

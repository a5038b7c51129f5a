#include "alarm_tone.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace vigil::gui {

BurstSpec burst_spec(core::AlarmPriority p) {
  BurstSpec s;
  switch (p) {
    case core::AlarmPriority::high: {
      // 3 + 2 pulses, 0.35 s pause, 3 + 2 pulses (the IEC high priority rhythm).
      s.fundamental_hz = 880;
      int t = 0;
      for (int group : {3, 2, 3, 2}) {
        for (int i = 0; i < group; ++i) {
          s.pulses.push_back({t, 120});
          t += 120 + 80;
        }
        t += (group == 2 && s.pulses.size() == 5) ? 350 : 120;
      }
      s.length_ms = t;
      break;
    }
    case core::AlarmPriority::medium:
      s.fundamental_hz = 660;
      s.pulses = {{0, 200}, {400, 200}, {800, 200}};
      s.length_ms = 1200;
      break;
    case core::AlarmPriority::low:
      s.fundamental_hz = 440;
      s.pulses = {{0, 250}};
      s.length_ms = 500;
      break;
  }
  return s;
}

std::vector<std::int16_t> burst_pcm(core::AlarmPriority p, int sample_rate) {
  const BurstSpec spec = burst_spec(p);
  std::vector<std::int16_t> pcm(
      static_cast<std::size_t>(static_cast<long long>(spec.length_ms) * sample_rate / 1000), 0);
  // Fundamental plus four harmonics with falling amplitude; the sum stays below full scale.
  constexpr std::array<double, 5> kAmplitudes{1.0, 0.5, 0.35, 0.25, 0.18};
  double amplitude_sum = 0;
  for (double a : kAmplitudes) amplitude_sum += a;
  const double gain = 0.6 * 32767.0 / amplitude_sum;
  const double ramp_s = 0.015;
  for (const PulseTiming& pulse : spec.pulses) {
    const auto first =
        static_cast<std::size_t>(static_cast<long long>(pulse.start_ms) * sample_rate / 1000);
    const auto count =
        static_cast<std::size_t>(static_cast<long long>(pulse.duration_ms) * sample_rate / 1000);
    const double duration_s = pulse.duration_ms / 1000.0;
    for (std::size_t i = 0; i < count && first + i < pcm.size(); ++i) {
      const double t = static_cast<double>(i) / sample_rate;
      const double envelope = std::min({1.0, t / ramp_s, (duration_s - t) / ramp_s});
      double v = 0;
      for (std::size_t h = 0; h < kAmplitudes.size(); ++h) {
        v += kAmplitudes[h] *
             std::sin(2 * std::numbers::pi * spec.fundamental_hz * static_cast<double>(h + 1) * t);
      }
      pcm[first + i] = static_cast<std::int16_t>(std::lround(gain * envelope * v));
    }
  }
  return pcm;
}

}  // namespace vigil::gui

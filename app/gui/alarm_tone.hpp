#pragma once
// IEC 60601-1-8 style alarm bursts as PCM (plain C++): high priority 10 pulses (3 + 2, pause,
// 3 + 2), medium 3 pulses, low 1 pulse. Each pulse is a fundamental with its first harmonics
// (IEC asks for at least four in 300-4000 Hz) and short rise/fall ramps so it does not click.

#include <cstdint>
#include <vector>

#include "vigil/core/alarm_profile.hpp"

namespace vigil::gui {

struct PulseTiming {
  int start_ms = 0;     // from the start of the burst
  int duration_ms = 0;  // pulse width, ramps included
};

struct BurstSpec {
  double fundamental_hz = 0;  // 150-1000 Hz (IEC)
  std::vector<PulseTiming> pulses;
  int length_ms = 0;  // the whole burst including its trailing silence
};

BurstSpec burst_spec(core::AlarmPriority p);
// Signed 16-bit mono PCM at `sample_rate` Hz.
std::vector<std::int16_t> burst_pcm(core::AlarmPriority p, int sample_rate);

}  // namespace vigil::gui

#pragma once
// What a simulated device "measures" at one instant; encoders turn it into the device's bytes.

#include <optional>

#include "vigil/core/reading_flags.hpp"

namespace vigil::protocols {

struct OximeterState {
  std::optional<int> spo2;                // % (absent -> the device's sentinel)
  std::optional<int> pulse_rate;          // bpm
  std::optional<double> perfusion_index;  // %
  std::optional<double> spco;             // %
  std::optional<double> spmet;            // %
  std::optional<int> pvi;                 // %
  core::ReadingFlags flags;               // sensor_off, searching, artifact, ...
  bool low_battery = false;
};

struct NibpState {
  std::optional<int> systolic;    // mmHg
  std::optional<int> diastolic;   // mmHg
  std::optional<int> mean;        // mmHg
  std::optional<int> pulse_rate;  // bpm
  int error_code = 0;             // 0 = success; otherwise the device's error code
  core::ReadingFlags flags;       // measuring, stale, ...
};

}  // namespace vigil::protocols

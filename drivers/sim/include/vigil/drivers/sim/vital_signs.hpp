#pragma once
// What a simulated patient and device look like at one instant of a scenario. Pure data: the
// scenario engine produces it, the device models turn it into each protocol's bytes.

#include <optional>

namespace vigil::drivers::sim {

struct VitalSigns {
  std::optional<int> spo2;                // %
  std::optional<int> pulse_rate;          // bpm
  std::optional<double> perfusion_index;  // %
  // What an NIBP measurement taken now would find (mmHg); absent = no measurable pressure.
  std::optional<int> nibp_systolic;
  std::optional<int> nibp_diastolic;
  int nibp_error_code = 0;  // SunTech module error code a measurement now ends with; 0 = none

  bool finger_out = false;       // oximeter sensor off: no SpO2 / pulse, flat pleth
  bool connected = true;         // false: the device is unplugged (the pty is gone)
  bool silent = false;           // connected but sends nothing (and ignores nothing)
  double corruption_rate = 0.0;  // fraction of sent bytes corrupted, 0..1

  friend bool operator==(const VitalSigns&, const VitalSigns&) = default;
};

// Resting adult: SpO2 98 %, pulse 72 bpm, PI 3.5 %, NIBP 120/80 mmHg.
VitalSigns normal_vitals();

// NIBP mean (mmHg) as monitors estimate it: diastolic + (systolic - diastolic) / 3, rounded.
std::optional<int> nibp_mean(const VitalSigns& v);

}  // namespace vigil::drivers::sim

#pragma once
// The building blocks of scenarios: episodes to lay over a Timeline. Times in seconds of scenario
// time; values in %, bpm and mmHg.

#include "vigil/drivers/sim/timeline.hpp"

namespace vigil::drivers::sim::episodes {

struct DesaturationProfile {
  double lead_s = 20;      // unchanged vitals first
  double fall_s = 60;      // linear fall from the vitals' SpO2 to `nadir`
  double hold_s = 30;      // held at the nadir
  double recovery_s = 30;  // linear rise back to the vitals' SpO2
  int nadir = 84;          // %
  int pulse_rise = 12;     // bpm added at the nadir (follows the fall and recovery)
};
// 20 s normal, SpO2 98 -> 84 over 60 s, 30 s at 84, back to 98 over 30 s (140 s in all).
Episode desaturation(const DesaturationProfile& profile = {});

// Pulse ramps to `target_bpm` over `ramp_s`, holds, ramps back in the last `ramp_s`.
Episode pulse_change(std::string name, int target_bpm, double duration_s, double ramp_s = 30);
Episode bradycardia(double duration_s = kForever, int target_bpm = 42);
Episode tachycardia(double duration_s = kForever, int target_bpm = 135);

// NIBP at systolic/diastolic for the whole episode.
Episode hypertension(double duration_s = 10 * 60, int systolic = 182, int diastolic = 108);

// Finger out of the oximeter probe: SpO2, pulse and PI absent, flat pleth.
Episode finger_out(double duration_s = kForever);
// Device unplugged: the simulator closes its pty and makes a new one when the episode ends.
Episode unplug(double duration_s);
// Device connected but sending nothing.
Episode silence(double duration_s = kForever);
// A fraction of the bytes sent are corrupted (1 % by default).
Episode noise(double duration_s = kForever, double rate = 0.01);
// NIBP measurements end with a module error code (87 = loose cuff).
Episode nibp_failure(double duration_s = kForever, int error_code = 87);

}  // namespace vigil::drivers::sim::episodes

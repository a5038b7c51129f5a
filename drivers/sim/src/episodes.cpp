// Episode factories: the building blocks of the named scenarios and the demo session.
#include "vigil/drivers/sim/episodes.hpp"

#include <algorithm>
#include <cmath>

namespace vigil::drivers::sim::episodes {
namespace {

int lerp_round(double from, double to, double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  return static_cast<int>(std::lround(from + (to - from) * fraction));
}

}  // namespace

Episode desaturation(const DesaturationProfile& p) {
  Episode e;
  e.name = "desaturation";
  e.duration_s = p.lead_s + p.fall_s + p.hold_s + p.recovery_s;
  e.apply = [p](double t, VitalSigns& v) {
    // Depth 0..1 of the desaturation at local time t.
    double depth = 0;
    if (t < p.lead_s) {
      depth = 0;
    } else if (t < p.lead_s + p.fall_s) {
      depth = (t - p.lead_s) / p.fall_s;
    } else if (t < p.lead_s + p.fall_s + p.hold_s) {
      depth = 1;
    } else {
      depth = 1 - (t - p.lead_s - p.fall_s - p.hold_s) / p.recovery_s;
    }
    if (depth <= 0) return;
    if (v.spo2) v.spo2 = lerp_round(*v.spo2, p.nadir, depth);
    if (v.pulse_rate) v.pulse_rate = lerp_round(*v.pulse_rate, *v.pulse_rate + p.pulse_rise, depth);
  };
  return e;
}

Episode pulse_change(std::string name, int target_bpm, double duration_s, double ramp_s) {
  Episode e;
  e.name = std::move(name);
  e.duration_s = duration_s;
  e.apply = [=](double t, VitalSigns& v) {
    if (!v.pulse_rate) return;
    double fraction = ramp_s > 0 ? t / ramp_s : 1.0;
    if (std::isfinite(duration_s) && ramp_s > 0) {
      fraction = std::min(fraction, (duration_s - t) / ramp_s);
    }
    v.pulse_rate = lerp_round(*v.pulse_rate, target_bpm, fraction);
  };
  return e;
}

Episode bradycardia(double duration_s, int target_bpm) {
  return pulse_change("bradycardia", target_bpm, duration_s);
}

Episode tachycardia(double duration_s, int target_bpm) {
  return pulse_change("tachycardia", target_bpm, duration_s);
}

Episode hypertension(double duration_s, int systolic, int diastolic) {
  return {"hypertension", duration_s, [=](double, VitalSigns& v) {
            v.nibp_systolic = systolic;
            v.nibp_diastolic = diastolic;
          }};
}

Episode finger_out(double duration_s) {
  return {"finger-out", duration_s, [](double, VitalSigns& v) {
            v.finger_out = true;
            v.spo2.reset();
            v.pulse_rate.reset();
            v.perfusion_index.reset();
          }};
}

Episode unplug(double duration_s) {
  return {"unplug", duration_s, [](double, VitalSigns& v) { v.connected = false; }};
}

Episode silence(double duration_s) {
  return {"silence", duration_s, [](double, VitalSigns& v) { v.silent = true; }};
}

Episode noise(double duration_s, double rate) {
  return {"noise", duration_s, [=](double, VitalSigns& v) { v.corruption_rate = rate; }};
}

Episode nibp_failure(double duration_s, int error_code) {
  return {"nibp-failure", duration_s,
          [=](double, VitalSigns& v) { v.nibp_error_code = error_code; }};
}

}  // namespace vigil::drivers::sim::episodes

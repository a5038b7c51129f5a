#pragma once
// Named scenarios for `vigilctl simulate --scenario NAME` and the demo session.

#include <optional>
#include <span>
#include <string_view>

#include "vigil/drivers/sim/timeline.hpp"

namespace vigil::drivers::sim {

// normal, desaturation, bradycardia, tachycardia, hypertension, finger-out, unplug, noise,
// silence, nibp-failure.
std::span<const std::string_view> scenario_names();

// The timeline of a named scenario; nullopt for an unknown name. In scenario seconds:
//   desaturation  desaturation() at 0 (20 s normal, 98 -> 84 over 60 s, 30 s low, recovery)
//   bradycardia   20 s normal, then pulse to 42 bpm over 30 s, held
//   tachycardia   20 s normal, then pulse to 135 bpm over 30 s, held
//   hypertension  NIBP 182/108 from 40 min for 10 min
//   finger-out    10 s normal, finger out for 30 s, then normal
//   unplug        10 s normal, unplugged for 5 s, then normal
//   noise         1 % of bytes corrupted throughout
//   silence       10 s normal, then no bytes at all
//   nibp-failure  every NIBP measurement fails with error 87 (loose cuff)
std::optional<Timeline> make_scenario(std::string_view name);

// The demo's 2.5-hour session: desaturation at +25 min, BP spike at +40 min (10 min), finger out
// at +70 min (60 s), unplug at +90 min (20 s).
Timeline demo_session_timeline();
inline constexpr double kDemoSessionLength_s = 150 * 60;

}  // namespace vigil::drivers::sim

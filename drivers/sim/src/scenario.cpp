// Named scenarios and the demo session's timeline.
#include "vigil/drivers/sim/scenario.hpp"

#include <array>

#include "vigil/drivers/sim/episodes.hpp"

namespace vigil::drivers::sim {

namespace {
constexpr std::array<std::string_view, 10> kNames = {
    "normal",     "desaturation", "bradycardia", "tachycardia", "hypertension",
    "finger-out", "unplug",       "noise",       "silence",     "nibp-failure"};
}  // namespace

std::span<const std::string_view> scenario_names() { return kNames; }

std::optional<Timeline> make_scenario(std::string_view name) {
  Timeline t(normal_vitals());
  if (name == "normal") return t;
  if (name == "desaturation") return t.add(0, episodes::desaturation());
  if (name == "bradycardia") return t.add(20, episodes::bradycardia());
  if (name == "tachycardia") return t.add(20, episodes::tachycardia());
  if (name == "hypertension") return t.add(40 * 60, episodes::hypertension(10 * 60));
  if (name == "finger-out") return t.add(10, episodes::finger_out(30));
  if (name == "unplug") return t.add(10, episodes::unplug(5));
  if (name == "noise") return t.add(0, episodes::noise());
  if (name == "silence") return t.add(10, episodes::silence());
  if (name == "nibp-failure") return t.add(0, episodes::nibp_failure());
  return std::nullopt;
}

Timeline demo_session_timeline() {
  Timeline t(normal_vitals());
  t.add(25 * 60, episodes::desaturation())
      .add(40 * 60, episodes::hypertension(10 * 60))
      .add(70 * 60, episodes::finger_out(60))
      .add(90 * 60, episodes::unplug(20));
  return t;
}

}  // namespace vigil::drivers::sim

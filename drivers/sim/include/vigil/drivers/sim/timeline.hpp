#pragma once
// The scenario engine: a base signal (constant vitals or a replay track) with episodes laid over
// it at given times. Pure: `at(t)` is a function of scenario time only, so scenarios are tested
// without ptys and simulators can start anywhere (`start_at`).
//
//   Timeline demo(normal_vitals());
//   demo.add(25 * 60, episodes::desaturation())
//       .add(40 * 60, episodes::hypertension(10 * 60))
//       .add(70 * 60, episodes::finger_out(60));
//
// Episodes that overlap are applied in the order they were added (later ones win).

#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "vigil/drivers/sim/vital_signs.hpp"

namespace vigil::drivers::sim {

class ReplayTrack;

inline constexpr double kForever = std::numeric_limits<double>::infinity();

// A change to the vitals that lasts `duration_s`. `apply` gets the time since the episode began
// (0 <= local_s < duration_s) and the vitals so far, and changes them.
struct Episode {
  std::string name;
  double duration_s = kForever;
  std::function<void(double local_s, VitalSigns& vitals)> apply;
};

class Timeline {
 public:
  // Constant base vitals.
  explicit Timeline(VitalSigns base = normal_vitals());
  // Base vitals from a replay file (held from one row to the next).
  explicit Timeline(std::shared_ptr<const ReplayTrack> replay);

  // Lays `episode` over the base from scenario time `start_s` (seconds).
  Timeline& add(double start_s, Episode episode);
  // Lays `episode` over the base `gap_s` seconds after the end of the last episode added (from 0
  // when there is none). The last episode must be finite.
  Timeline& then(Episode episode, double gap_s = 0.0);

  // Vitals at scenario time t_s (seconds; t < 0 is treated as 0).
  VitalSigns at(double t_s) const;

  // End of the latest finite episode (0 when there are none); kForever if one never ends.
  double end_s() const;

  struct Placed {
    double start_s;
    Episode episode;
  };
  const std::vector<Placed>& episodes() const { return placed_; }

 private:
  VitalSigns base_;
  std::shared_ptr<const ReplayTrack> replay_;
  std::vector<Placed> placed_;
};

}  // namespace vigil::drivers::sim

// The scenario engine: base vitals (constant or replay) with episodes laid over them.
#include "vigil/drivers/sim/timeline.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "vigil/drivers/sim/replay.hpp"

namespace vigil::drivers::sim {

VitalSigns normal_vitals() {
  VitalSigns v;
  v.spo2 = 98;
  v.pulse_rate = 72;
  v.perfusion_index = 3.5;
  v.nibp_systolic = 120;
  v.nibp_diastolic = 80;
  return v;
}

std::optional<int> nibp_mean(const VitalSigns& v) {
  if (!v.nibp_systolic || !v.nibp_diastolic) return std::nullopt;
  const double mean = *v.nibp_diastolic + (*v.nibp_systolic - *v.nibp_diastolic) / 3.0;
  return static_cast<int>(std::lround(mean));
}

Timeline::Timeline(VitalSigns base) : base_(base) {}

Timeline::Timeline(std::shared_ptr<const ReplayTrack> replay)
    : base_(normal_vitals()), replay_(std::move(replay)) {
  assert(replay_);
}

Timeline& Timeline::add(double start_s, Episode episode) {
  assert(episode.apply);
  placed_.push_back({start_s, std::move(episode)});
  return *this;
}

Timeline& Timeline::then(Episode episode, double gap_s) {
  const double end = end_s();
  assert(std::isfinite(end));
  return add(end + gap_s, std::move(episode));
}

double Timeline::end_s() const {
  double end = 0;
  for (const auto& p : placed_) end = std::max(end, p.start_s + p.episode.duration_s);
  return end;
}

VitalSigns Timeline::at(double t_s) const {
  t_s = std::max(t_s, 0.0);
  VitalSigns v = base_;
  if (replay_) {
    const ReplayRow& row = replay_->at(t_s);
    v.spo2 = row.spo2;
    v.pulse_rate = row.pulse_rate;
    v.nibp_systolic = row.nibp_systolic;
    v.nibp_diastolic = row.nibp_diastolic;
    if (!v.spo2 && !v.pulse_rate) v.perfusion_index.reset();
  }
  for (const auto& p : placed_) {
    const double local = t_s - p.start_s;
    if (local >= 0 && local < p.episode.duration_s) p.episode.apply(local, v);
  }
  return v;
}

}  // namespace vigil::drivers::sim

// When to start which alarm burst: see alarm_burst_schedule.hpp.
#include "vigil/core/alarm_burst_schedule.hpp"

namespace vigil::core {

BurstStep AlarmBurstSchedule::update(const Annunciation& a, SteadyTime now) {
  BurstStep step;
  const bool sounding = a.audio_state == AudioState::sounding && a.audio_priority;
  if (!sounding) {
    was_sounding_ = false;
    step.stop = playing_.has_value();  // acknowledged or paused: stop at once
    playing_.reset();
    return step;
  }
  const AlarmPriority p = *a.audio_priority;
  if (playing_) {
    if (p <= playing_->priority) return step;  // let the burst finish
    step.stop = true;                          // a worse condition: switch to its burst now
    playing_.reset();
  }
  bool due = !was_sounding_ || !last_priority_ || p > *last_priority_;
  if (!due) {
    const SteadyTime::duration interval =
        a.audio.burst_interval.count() > 0
            ? std::chrono::duration_cast<SteadyTime::duration>(a.audio.burst_interval)
            : std::chrono::duration_cast<SteadyTime::duration>(low_repeat_guard);
    due = now - last_start_ >= interval;
  }
  was_sounding_ = true;
  if (!due) return step;
  last_priority_ = p;
  last_start_ = now;
  playing_ = PlayedBurst{p, now};
  step.start = p;
  step.pattern = a.audio;
  return step;
}

std::optional<PlayedBurst> AlarmBurstSchedule::finished() {
  std::optional<PlayedBurst> played = playing_;
  playing_.reset();
  return played;
}

}  // namespace vigil::core

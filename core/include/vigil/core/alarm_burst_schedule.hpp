#pragma once
// When the speaker starts an alarm burst, and which one, from the engine's annunciation (plain
// C++, no audio): the audio player feeds it every snapshot with the engine's steady time and
// does what the returned step says, then reports how the burst ended.
//   - A burst starts when sounding begins, when a louder priority sounds, and then every
//     pattern interval from the previous start (high 10 s, medium 25 s: audio_pattern_for).
//     Low priority has no interval (it plays once; the engine then reports low_played): a low
//     burst still asked for is started again no sooner than low_repeat_guard after the last.
//   - Silence (acknowledged, audio paused, no condition, ...) stops the burst playing at once;
//     it was not played in full, so it is not reported.
//   - A louder priority mid-burst stops the burst and starts its own; a quieter one waits for
//     the burst to end and for the interval.
//   - A burst that ends in full is reported (AlarmEngine::audio_burst_played) with its start,
//     which is what pays a brief condition's one owed burst.

#include <chrono>
#include <optional>

#include "vigil/core/alarm_annunciation.hpp"

namespace vigil::core {

struct BurstStep {
  bool stop = false;                   // stop the burst playing now (it is not reported)
  std::optional<AlarmPriority> start;  // then start a burst of this priority now
  AudioPattern pattern;                // the pattern of `start`: pulses and repeat interval
};

// A burst played in full, for AlarmEngine::audio_burst_played.
struct PlayedBurst {
  AlarmPriority priority = AlarmPriority::low;
  SteadyTime start{};
};

class AlarmBurstSchedule {
 public:
  // IEC 60601-1-8: low priority repeats no faster than every 15 s.
  static constexpr std::chrono::seconds low_repeat_guard{15};

  // Called with every annunciation snapshot; `now` is the engine's steady time.
  BurstStep update(const Annunciation& a, SteadyTime now);
  // The burst playing has ended in full: the burst to report; empty when none was playing.
  std::optional<PlayedBurst> finished();
  // The burst just started could not play, or the output failed mid-burst: it is not reported,
  // and the next one is due at the usual interval from its start.
  void not_completed() { playing_.reset(); }

  bool playing() const { return playing_.has_value(); }

 private:
  std::optional<PlayedBurst> playing_;
  std::optional<AlarmPriority> last_priority_;
  SteadyTime last_start_{};
  bool was_sounding_ = false;
};

}  // namespace vigil::core

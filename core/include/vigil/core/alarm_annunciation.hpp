#pragma once
// What the screen and the speaker should show and play now (IEC 60601-1-8 vocabulary):
// the highest active priority, the visible conditions, the visual pattern and the audio
// pattern, or silence and why. Built by AlarmEngine::annunciation(now) at screen rate.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/alarm_condition.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::core {

enum class AlarmColour : std::uint8_t { none, cyan, yellow, red };

// "none", "cyan", "yellow", "red"
constexpr std::string_view alarm_colour_name(AlarmColour v) {
  switch (v) {
    case AlarmColour::none:
      return "none";
    case AlarmColour::cyan:
      return "cyan";
    case AlarmColour::yellow:
      return "yellow";
    case AlarmColour::red:
      return "red";
  }
  return {};
}
constexpr std::string_view enum_name(AlarmColour v) { return alarm_colour_name(v); }

struct VisualPattern {
  AlarmColour colour = AlarmColour::none;
  double flash_hz = 0;    // Hz; 0 = steady. IEC: high 1.4-2.8, medium 0.4-0.8, low steady
  double duty_cycle = 0;  // fraction of a flash period lit, 0..1; 1 = steady on
  friend bool operator==(const VisualPattern&, const VisualPattern&) = default;
};

struct AudioPattern {
  int pulses_per_burst = 0;  // high 10, medium 3, low 1; 0 = silence
  // Time from the start of one burst to the start of the next; 0 = play the burst once.
  std::chrono::milliseconds burst_interval{0};
  friend bool operator==(const AudioPattern&, const AudioPattern&) = default;
};

// The IEC patterns Vigil uses for each priority.
VisualPattern visual_pattern_for(AlarmPriority p);
AudioPattern audio_pattern_for(AlarmPriority p);

enum class AudioState : std::uint8_t {
  sounding,      // play `audio`
  no_condition,  // nothing to annunciate
  acknowledged,  // every visible condition has been acknowledged
  audio_paused,  // all audio paused; see audio_pause_remaining
  alarm_off,     // nothing sounds, and at least one channel's alarms are off
  low_played,    // only low-priority conditions remain and their one burst has played
};

constexpr std::string_view audio_state_name(AudioState v) {
  switch (v) {
    case AudioState::sounding:
      return "sounding";
    case AudioState::no_condition:
      return "no_condition";
    case AudioState::acknowledged:
      return "acknowledged";
    case AudioState::audio_paused:
      return "audio_paused";
    case AudioState::alarm_off:
      return "alarm_off";
    case AudioState::low_played:
      return "low_played";
  }
  return {};
}
constexpr std::string_view enum_name(AudioState v) { return audio_state_name(v); }

// One condition on the screen.
struct AnnunciatedCondition {
  AlarmConditionId id;
  AlarmPriority priority = AlarmPriority::low;
  bool active = true;         // false: cleared but latched until acknowledged
  bool acknowledged = false;  // its audio is silenced
  bool latched = false;       // cleared, still shown until acknowledged (profile.latching)
  std::optional<AlarmLimit> limit;
  std::optional<double> value;  // triggering value, channel unit
  SteadyTime onset{};
};

// A channel whose alarms a clinician turned off: shown as a state of its own.
struct ChannelAlarmOff {
  Channel channel = Channel::spo2;
  std::string who;
  SteadyTime since{};
  SteadyTime next_reminder{};
};

struct Annunciation {
  std::optional<AlarmPriority> highest;  // highest visible priority; empty when none
  // Visible conditions, highest priority first, then oldest first.
  std::vector<AnnunciatedCondition> conditions;
  VisualPattern visual;  // pattern of `highest`
  AudioState audio_state = AudioState::no_condition;
  std::optional<AlarmPriority> audio_priority;         // set while sounding
  AudioPattern audio;                                  // silence unless sounding
  std::chrono::milliseconds audio_pause_remaining{0};  // ms; > 0 while audio is paused
  std::vector<ChannelAlarmOff> alarms_off;
};

}  // namespace vigil::core

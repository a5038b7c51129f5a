// IEC 60601-1-8 patterns per priority and the engine's annunciation (what to show and play).
#include "vigil/core/alarm_annunciation.hpp"

#include <algorithm>
#include <array>

#include "vigil/core/alarm_engine.hpp"

namespace vigil::core {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

}  // namespace

// IEC 60601-1-8 (docs/alarms.md): high red 1.4-2.8 Hz, medium yellow 0.4-0.8 Hz, duty 20-60 %;
// low cyan steady.
VisualPattern visual_pattern_for(AlarmPriority p) {
  switch (p) {
    case AlarmPriority::high:
      return {AlarmColour::red, 2.0, 0.5};
    case AlarmPriority::medium:
      return {AlarmColour::yellow, 0.6, 0.5};
    case AlarmPriority::low:
      return {AlarmColour::cyan, 0.0, 1.0};
  }
  return {};
}

// High: 10 pulses every 2.5-15 s; medium: 3 pulses every 2.5-30 s; low: 1-2 pulses, repeated no
// faster than 15 s or not at all (Vigil: once per condition).
AudioPattern audio_pattern_for(AlarmPriority p) {
  switch (p) {
    case AlarmPriority::high:
      return {10, milliseconds(seconds(10))};
    case AlarmPriority::medium:
      return {3, milliseconds(seconds(25))};
    case AlarmPriority::low:
      return {1, milliseconds(0)};
  }
  return {};
}

Annunciation AlarmEngine::annunciation(SteadyTime now) const {
  Annunciation a;
  annunciation(now, a);
  return a;
}

void AlarmEngine::annunciation(SteadyTime now, Annunciation& out) const {
  out.conditions.clear();
  out.alarms_off.clear();
  out.highest.reset();
  out.audio_priority.reset();
  out.audio = {};
  std::optional<AlarmPriority> audio;
  auto louder = [](std::optional<AlarmPriority>& a, AlarmPriority p) {
    if (!a || p > *a) a = p;
  };
  bool unacknowledged = false;
  for_each_slot(*this, [&](const ConditionSlot& s) {
    if (s.visible()) {
      out.conditions.push_back(AnnunciatedCondition{s.id, s.priority, s.active, s.acknowledged,
                                                    s.latched, s.limit, s.value, s.onset});
      louder(out.highest, s.priority);
      if (!s.acknowledged) {
        unacknowledged = true;
        // Low priority sounds its one burst only (burst_owed), never repeatedly.
        if (s.priority != AlarmPriority::low) louder(audio, s.priority);
      }
    }
    if (owes_burst(s)) louder(audio, *s.burst_owed);
  });
  std::stable_sort(out.conditions.begin(), out.conditions.end(),
                   [](const AnnunciatedCondition& x, const AnnunciatedCondition& y) {
                     if (x.priority != y.priority) return x.priority > y.priority;
                     return x.onset < y.onset;
                   });
  out.visual = out.highest ? visual_pattern_for(*out.highest) : VisualPattern{};
  for (std::size_t c = 0; c < channel_count; ++c) {
    const ChannelOffState& off = channel_off_[c];
    if (off.off) {
      out.alarms_off.push_back({static_cast<Channel>(c), off.who, off.since, off.next_reminder});
    }
  }
  out.audio_pause_remaining = audio_pause_remaining(now);
  if (out.audio_pause_remaining > milliseconds::zero()) {
    out.audio_state = AudioState::audio_paused;
  } else if (audio) {
    out.audio_state = AudioState::sounding;
    out.audio_priority = audio;
    out.audio = audio_pattern_for(*audio);
  } else if (!out.highest) {
    out.audio_state = out.alarms_off.empty() ? AudioState::no_condition : AudioState::alarm_off;
  } else {
    out.audio_state = unacknowledged ? AudioState::low_played : AudioState::acknowledged;
  }
}

std::chrono::milliseconds AlarmEngine::audio_pause_remaining(SteadyTime now) const {
  if (!pause_until_ || now >= *pause_until_) return milliseconds::zero();
  // Round up so the countdown never shows 0 while still paused.
  return std::chrono::ceil<milliseconds>(*pause_until_ - now);
}

}  // namespace vigil::core

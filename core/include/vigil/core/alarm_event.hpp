#pragma once
// What the alarm engine reports: one AlarmEvent per change, delivered to an AlarmEventSink
// (the recorder's alarm log, the GUI queue, a test). Events are small values with no owned
// memory, so delivering one never allocates.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/core/alarm_condition.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::core {

// "Now" for the engine: steady time for delays and ordering, UTC for the record.
struct AlarmTime {
  SteadyTime steady{};
  UtcTime utc{};
};

enum class AlarmEventKind : std::uint8_t {
  raised,              // a condition started (after its delay)
  escalated,           // same condition, higher priority (tier or session phase)
  de_escalated,        // same condition, lower priority
  cleared,             // the condition ended (it may stay visible as latched)
  acknowledged,        // an operator acknowledged it: its audio stops
  latched_cleared,     // a cleared, latched condition was acknowledged and left the display
  audio_paused,        // all audio paused for profile.audio_pause
  audio_resumed,       // the pause ended (timed out: `who` empty, or by an operator)
  alarm_off,           // a clinician turned a channel's alarms off
  alarm_on,            // a channel's alarms were turned back on
  alarm_off_reminder,  // a channel's alarms are still off (every profile.alarm_off_reminder)
};

// "raised", "de_escalated", ...
constexpr std::string_view alarm_event_kind_name(AlarmEventKind v) {
  switch (v) {
    case AlarmEventKind::raised:
      return "raised";
    case AlarmEventKind::escalated:
      return "escalated";
    case AlarmEventKind::de_escalated:
      return "de_escalated";
    case AlarmEventKind::cleared:
      return "cleared";
    case AlarmEventKind::acknowledged:
      return "acknowledged";
    case AlarmEventKind::latched_cleared:
      return "latched_cleared";
    case AlarmEventKind::audio_paused:
      return "audio_paused";
    case AlarmEventKind::audio_resumed:
      return "audio_resumed";
    case AlarmEventKind::alarm_off:
      return "alarm_off";
    case AlarmEventKind::alarm_on:
      return "alarm_on";
    case AlarmEventKind::alarm_off_reminder:
      return "alarm_off_reminder";
  }
  return {};
}
constexpr std::string_view enum_name(AlarmEventKind v) { return alarm_event_kind_name(v); }
inline constexpr std::size_t alarm_event_kind_count = core::enum_count<AlarmEventKind>();

struct AlarmEvent {
  AlarmEventKind kind = AlarmEventKind::raised;
  AlarmConditionId condition;
  // The condition's priority after the change; empty for audio_paused/resumed and channel
  // events (alarm_off, alarm_on, alarm_off_reminder).
  std::optional<AlarmPriority> priority;
  std::optional<AlarmPriority> previous_priority;  // escalated / de_escalated only
  std::optional<AlarmLimit> limit;                 // limit in force (physiological, NIBP rise)
  // The value that triggered (raised/escalated/de_escalated) or ended (cleared) the condition,
  // in the channel's unit; empty for technical conditions.
  std::optional<double> value;
  DeviceId device = 0;  // the device whose reading or report caused the event
  SteadyTime steady_time{};
  UtcTime utc_time{};
  // Operator for acknowledged, latched_cleared, audio_paused/resumed, alarm_off/on. Points at
  // the caller's text (or the engine's copy for reminders): copy it if kept past the callback.
  std::string_view who;
  std::string_view detail;         // device text, e.g. an NIBP error ("loose cuff")
  std::optional<int> device_code;  // the device's own numeric code, where it has one
};

class AlarmEventSink {
 public:
  virtual ~AlarmEventSink() = default;
  // Called on the engine's thread, inside the engine call that caused the event; must not call
  // back into the engine.
  virtual void on_alarm_event(const AlarmEvent& event) = 0;
};

// A caller-provided fixed buffer: collects events without allocating; the caller drains it
// after each engine call. Events beyond the capacity are counted in dropped() (size the
// buffer so that never happens: one reading yields at most a few events).
template <std::size_t Capacity>
class AlarmEventBuffer final : public AlarmEventSink {
 public:
  void on_alarm_event(const AlarmEvent& event) override {
    if (size_ < Capacity) {
      events_[size_++] = event;
    } else {
      ++dropped_;
    }
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const AlarmEvent& operator[](std::size_t i) const { return events_[i]; }
  const AlarmEvent* begin() const { return events_.data(); }
  const AlarmEvent* end() const { return events_.data() + size_; }
  std::size_t dropped() const { return dropped_; }
  void clear() {
    size_ = 0;
    dropped_ = 0;
  }

 private:
  std::array<AlarmEvent, Capacity> events_{};
  std::size_t size_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace vigil::core

#pragma once
// The identity of an alarm condition and the limit in force, shared by the engine, its events
// and the annunciation.
//
// Identity rules (why): tiers of one channel on one side are one condition, so SpO2 < 90 %
// (medium) followed by SpO2 <= 85 % (high) is the condition "spo2_low" escalating, not two
// unrelated alarms. Physiological conditions are per channel (one patient, one source per
// channel); technical conditions are per device, so two oximeters each have their own
// "sensor_off".

#include <cstdint>
#include <string_view>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::core {

enum class AlarmConditionKind : std::uint8_t {
  none,       // events about the alarm system as a whole (audio paused / resumed)
  limit,      // a physiological limit: channel + side, priority of the active tier
  nibp_rise,  // NIBP rise over the pre-dose baseline: channel (systolic or diastolic)
  technical,  // a technical condition of one device
  channel,    // a whole channel (alarm off / on / reminder)
};

// Which side of the normal range a limit guards.
enum class LimitSide : std::uint8_t { low, high };

constexpr LimitSide limit_side(LimitComparison c) {
  return (c == LimitComparison::below || c == LimitComparison::at_or_below) ? LimitSide::low
                                                                            : LimitSide::high;
}

struct AlarmConditionId {
  AlarmConditionKind kind = AlarmConditionKind::none;
  Channel channel = Channel::spo2;                             // limit, nibp_rise, channel
  LimitSide side = LimitSide::low;                             // limit (nibp_rise is always high)
  TechnicalCondition technical = TechnicalCondition::no_data;  // technical
  DeviceId device = 0;                                         // technical only; 0 otherwise
  friend constexpr bool operator==(const AlarmConditionId&, const AlarmConditionId&) = default;
};

constexpr AlarmConditionId limit_condition(Channel c, LimitSide s) {
  return {AlarmConditionKind::limit, c, s, TechnicalCondition::no_data, 0};
}
constexpr AlarmConditionId nibp_rise_condition(Channel c) {
  return {AlarmConditionKind::nibp_rise, c, LimitSide::high, TechnicalCondition::no_data, 0};
}
constexpr AlarmConditionId technical_condition(TechnicalCondition t, DeviceId d) {
  return {AlarmConditionKind::technical, Channel::spo2, LimitSide::low, t, d};
}
constexpr AlarmConditionId channel_condition(Channel c) {
  return {AlarmConditionKind::channel, c, LimitSide::low, TechnicalCondition::no_data, 0};
}

// Stable name without the device: "spo2_low", "nibp_systolic_rise", "sensor_off", "spo2"
// (channel), "alarm_system" (none).
std::string_view alarm_condition_name(const AlarmConditionId& id);

// A threshold with its comparison; threshold in the channel's unit (%, bpm, mmHg).
struct AlarmLimit {
  double threshold = 0;
  LimitComparison comparison = LimitComparison::below;
  friend constexpr bool operator==(const AlarmLimit&, const AlarmLimit&) = default;
};

// True when the value is on the alarm side of the limit.
constexpr bool limit_breached(const AlarmLimit& l, double value) {
  switch (l.comparison) {
    case LimitComparison::below:
      return value < l.threshold;
    case LimitComparison::at_or_below:
      return value <= l.threshold;
    case LimitComparison::above:
      return value > l.threshold;
    case LimitComparison::at_or_above:
      return value >= l.threshold;
  }
  return false;
}

// True when the value is back inside the limit by at least `hysteresis` (channel unit), the
// point at which an active condition clears. With hysteresis 0 this is !limit_breached.
constexpr bool limit_recovered(const AlarmLimit& l, double value, double hysteresis) {
  if (limit_breached(l, value)) return false;
  const double inside =
      limit_side(l.comparison) == LimitSide::low ? value - l.threshold : l.threshold - value;
  return inside >= hysteresis;
}

}  // namespace vigil::core

#pragma once
// An alarm profile: every limit, delay, priority, hysteresis, audio pause and latching setting
// the alarm engine uses. Plain data; the engine (alarm_engine.hpp) evaluates it, validation
// (alarm_profile_validation.hpp) refuses unsafe profiles, and app/ reads it from TOML.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vigil/core/channel.hpp"
#include "vigil/core/enum_names.hpp"
#include "vigil/core/session_phase.hpp"

namespace vigil::core {

enum class AlarmPriority : std::uint8_t { low, medium, high };

// "low", "medium", "high"
constexpr std::string_view alarm_priority_name(AlarmPriority v) {
  switch (v) {
    case AlarmPriority::low:
      return "low";
    case AlarmPriority::medium:
      return "medium";
    case AlarmPriority::high:
      return "high";
  }
  return {};
}
constexpr std::string_view enum_name(AlarmPriority v) { return alarm_priority_name(v); }
constexpr std::optional<AlarmPriority> alarm_priority_from_name(std::string_view name) {
  return core::enum_from_name<AlarmPriority>(name);
}

// Which side of the threshold is the alarm side.
enum class LimitComparison : std::uint8_t {
  below,        // value <  threshold
  at_or_below,  // value <= threshold
  above,        // value >  threshold
  at_or_above,  // value >= threshold
};

// "below", "at_or_below", ...
constexpr std::string_view limit_comparison_name(LimitComparison v) {
  switch (v) {
    case LimitComparison::below:
      return "below";
    case LimitComparison::at_or_below:
      return "at_or_below";
    case LimitComparison::above:
      return "above";
    case LimitComparison::at_or_above:
      return "at_or_above";
  }
  return {};
}
constexpr std::string_view enum_name(LimitComparison v) { return limit_comparison_name(v); }
constexpr std::optional<LimitComparison> limit_comparison_from_name(std::string_view name) {
  return core::enum_from_name<LimitComparison>(name);
}

// One physiological limit tier, e.g. SpO2 < 90 % medium after 10 s. A channel may have several
// tiers on each side (SpO2 < 90 medium, SpO2 <= 85 high). NIBP tiers are evaluated once per
// new measurement; their delay must be 0.
struct LimitTier {
  Channel channel = Channel::spo2;
  LimitComparison comparison = LimitComparison::below;
  double threshold = 0;  // in the channel's unit
  AlarmPriority priority = AlarmPriority::medium;
  std::chrono::milliseconds delay{0};  // condition delay; at most 60 s
};

// NIBP rise over the pre-dose baseline (esketamine label finding), per measurement.
struct NibpRiseRule {
  bool enabled = true;
  double systolic_rise = 40;   // mmHg
  double diastolic_rise = 25;  // mmHg
  AlarmPriority priority = AlarmPriority::medium;
};

enum class TechnicalCondition : std::uint8_t {
  sensor_off,    // SpO2 sensor off / no SpO2 data
  no_data,       // a device sent no valid frame for its silence limit
  disconnected,  // device link lost
  low_battery,
  nibp_failed,
  bp_overdue,        // a BP checkpoint overdue by more than `delay`
  recording_behind,  // the recorder dropped vitals
};

constexpr std::string_view technical_condition_name(TechnicalCondition v) {
  switch (v) {
    case TechnicalCondition::sensor_off:
      return "sensor_off";
    case TechnicalCondition::no_data:
      return "no_data";
    case TechnicalCondition::disconnected:
      return "disconnected";
    case TechnicalCondition::low_battery:
      return "low_battery";
    case TechnicalCondition::nibp_failed:
      return "nibp_failed";
    case TechnicalCondition::bp_overdue:
      return "bp_overdue";
    case TechnicalCondition::recording_behind:
      return "recording_behind";
  }
  return {};
}
constexpr std::string_view enum_name(TechnicalCondition v) { return technical_condition_name(v); }
inline constexpr std::size_t technical_condition_count = core::enum_count<TechnicalCondition>();
constexpr std::optional<TechnicalCondition> technical_condition_from_name(std::string_view name) {
  return core::enum_from_name<TechnicalCondition>(name);
}

struct TechnicalRule {
  TechnicalCondition condition = TechnicalCondition::disconnected;
  AlarmPriority priority_monitored = AlarmPriority::medium;  // during dosing and observation
  AlarmPriority priority_other = AlarmPriority::medium;      // other phases
  std::chrono::milliseconds delay{0};
  bool enabled = true;

  AlarmPriority priority_in(SessionPhase p) const {
    return is_monitored_phase(p) ? priority_monitored : priority_other;
  }
};

struct AlarmProfile {
  std::vector<LimitTier> limits;
  // Hysteresis per channel (channel's unit): a condition clears only once the value is back
  // inside the limit by at least this much.
  std::array<double, channel_count> hysteresis{};
  NibpRiseRule nibp_rise;
  std::array<TechnicalRule, technical_condition_count> technical{};
  std::chrono::seconds audio_pause{120};
  bool latching = false;  // site setting: latched conditions stay until acknowledged
  std::chrono::minutes alarm_off_reminder{5};
  std::chrono::seconds silence_limit{10};  // no valid data for this long -> no_data
};

// Vigil's documented default profile for an adult KAP session (docs/clinical.md table).
AlarmProfile default_alarm_profile();

}  // namespace vigil::core

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
#include "vigil/core/session_phase.hpp"

namespace vigil::core {

enum class AlarmPriority : std::uint8_t { low, medium, high };

std::string_view alarm_priority_name(AlarmPriority p);  // "low", "medium", "high"
std::optional<AlarmPriority> alarm_priority_from_name(std::string_view name);

// Which side of the threshold is the alarm side.
enum class LimitComparison : std::uint8_t {
  below,        // value <  threshold
  at_or_below,  // value <= threshold
  above,        // value >  threshold
  at_or_above,  // value >= threshold
};

std::string_view limit_comparison_name(LimitComparison c);  // "below", "at_or_below", ...
std::optional<LimitComparison> limit_comparison_from_name(std::string_view name);

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

inline constexpr std::size_t technical_condition_count = 7;

std::string_view technical_condition_name(TechnicalCondition c);
std::optional<TechnicalCondition> technical_condition_from_name(std::string_view name);

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

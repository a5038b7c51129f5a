#include "vigil/core/alarm_profile.hpp"

namespace vigil::core {
AlarmProfile default_alarm_profile() {
  using std::chrono::seconds;
  using enum AlarmPriority;
  using enum LimitComparison;
  AlarmProfile p;
  p.limits = {
      {Channel::spo2, below, 90, medium, seconds(10)},
      {Channel::spo2, at_or_below, 85, high, seconds(0)},
      {Channel::pulse_rate, below, 50, medium, seconds(5)},
      {Channel::pulse_rate, above, 120, medium, seconds(5)},
      {Channel::pulse_rate, below, 40, high, seconds(0)},
      {Channel::pulse_rate, above, 150, high, seconds(0)},
      {Channel::nibp_systolic, at_or_above, 160, medium, seconds(0)},
      {Channel::nibp_diastolic, at_or_above, 100, medium, seconds(0)},
      {Channel::nibp_systolic, at_or_above, 180, high, seconds(0)},
      {Channel::nibp_diastolic, at_or_above, 110, high, seconds(0)},
      {Channel::nibp_systolic, below, 90, medium, seconds(0)},
      {Channel::nibp_mean, below, 65, medium, seconds(0)},
  };
  p.hysteresis.fill(1.0);
  p.hysteresis[static_cast<std::size_t>(Channel::pleth)] = 0;
  p.nibp_rise = {true, 40, 25, medium};
  p.technical = {{
      {TechnicalCondition::sensor_off, medium, low, seconds(10)},
      {TechnicalCondition::no_data, medium, low, seconds(10)},
      {TechnicalCondition::disconnected, medium, medium, seconds(0)},
      {TechnicalCondition::low_battery, low, low, seconds(0)},
      {TechnicalCondition::nibp_failed, low, low, seconds(0)},
      {TechnicalCondition::bp_overdue, low, low, std::chrono::minutes(5)},
      {TechnicalCondition::recording_behind, medium, medium, seconds(0)},
  }};
  p.audio_pause = seconds(120);
  p.latching = false;
  p.alarm_off_reminder = std::chrono::minutes(5);
  p.silence_limit = seconds(10);
  return p;
}

}  // namespace vigil::core

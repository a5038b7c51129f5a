#include "vigil/core/alarm_profile.hpp"

namespace vigil::core {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 3> kPriorityNames{"low", "medium", "high"};
constexpr std::array<std::string_view, 4> kComparisonNames{"below", "at_or_below", "above",
                                                           "at_or_above"};
constexpr std::array<std::string_view, technical_condition_count> kTechnicalNames{
    "sensor_off",  "no_data",    "disconnected",    "low_battery",
    "nibp_failed", "bp_overdue", "recording_behind"};

}  // namespace

std::string_view alarm_priority_name(AlarmPriority p) {
  return kPriorityNames[static_cast<std::size_t>(p)];
}
std::optional<AlarmPriority> alarm_priority_from_name(std::string_view name) {
  return from_name<AlarmPriority>(kPriorityNames, name);
}
std::string_view limit_comparison_name(LimitComparison c) {
  return kComparisonNames[static_cast<std::size_t>(c)];
}
std::optional<LimitComparison> limit_comparison_from_name(std::string_view name) {
  return from_name<LimitComparison>(kComparisonNames, name);
}
std::string_view technical_condition_name(TechnicalCondition c) {
  return kTechnicalNames[static_cast<std::size_t>(c)];
}
std::optional<TechnicalCondition> technical_condition_from_name(std::string_view name) {
  return from_name<TechnicalCondition>(kTechnicalNames, name);
}

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

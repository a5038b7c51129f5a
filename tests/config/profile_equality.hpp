#pragma once
// Field-by-field comparison of two alarm profiles for tests, naming each difference by its key
// in the profile file's spelling (AlarmProfile has no operator==).
#include <string>
#include <vector>

#include "vigil/core/alarm_profile.hpp"

namespace vigil::test {

inline std::vector<std::string> profile_differences(const core::AlarmProfile& a,
                                                    const core::AlarmProfile& b) {
  std::vector<std::string> d;
  if (a.limits.size() != b.limits.size()) {
    d.push_back("limit count " + std::to_string(a.limits.size()) + " vs " +
                std::to_string(b.limits.size()));
  }
  for (std::size_t i = 0; i < a.limits.size() && i < b.limits.size(); ++i) {
    const auto& x = a.limits[i];
    const auto& y = b.limits[i];
    const std::string k = "limit[" + std::to_string(i + 1) + "]";
    if (x.channel != y.channel) d.push_back(k + ".channel");
    if (x.comparison != y.comparison) d.push_back(k + ".comparison");
    if (x.threshold != y.threshold) d.push_back(k + ".threshold");
    if (x.priority != y.priority) d.push_back(k + ".priority");
    if (x.delay != y.delay) d.push_back(k + ".delay_s");
  }
  for (const auto& info : core::all_channels()) {
    const auto i = static_cast<std::size_t>(info.channel);
    if (a.hysteresis[i] != b.hysteresis[i]) d.push_back("hysteresis." + std::string(info.name));
  }
  if (a.nibp_rise.enabled != b.nibp_rise.enabled) d.push_back("nibp_rise.enabled");
  if (a.nibp_rise.systolic_rise != b.nibp_rise.systolic_rise) d.push_back("nibp_rise.systolic");
  if (a.nibp_rise.diastolic_rise != b.nibp_rise.diastolic_rise) {
    d.push_back("nibp_rise.diastolic");
  }
  if (a.nibp_rise.priority != b.nibp_rise.priority) d.push_back("nibp_rise.priority");
  for (std::size_t i = 0; i < core::technical_condition_count; ++i) {
    const auto& x = a.technical[i];
    const auto& y = b.technical[i];
    const std::string k =
        "technical." +
        std::string(core::technical_condition_name(static_cast<core::TechnicalCondition>(i)));
    if (x.condition != y.condition) d.push_back(k + " (condition)");
    if (x.priority_monitored != y.priority_monitored) d.push_back(k + ".priority_monitored");
    if (x.priority_other != y.priority_other) d.push_back(k + ".priority_other");
    if (x.delay != y.delay) d.push_back(k + ".delay_s");
    if (x.enabled != y.enabled) d.push_back(k + ".enabled");
  }
  if (a.audio_pause != b.audio_pause) d.push_back("audio_pause_s");
  if (a.latching != b.latching) d.push_back("latching");
  if (a.alarm_off_reminder != b.alarm_off_reminder) d.push_back("alarm_off_reminder_min");
  if (a.silence_limit != b.silence_limit) d.push_back("silence_limit_s");
  return d;
}

}  // namespace vigil::test

// Writing an alarm profile as a complete, commented TOML file.
#include <charconv>
#include <sstream>

#include "alarm_profile_toml.hpp"

namespace vigil::config {
namespace {

// Shortest text that reads back to the same double; TOML accepts it as an integer or a float
// (the reader takes both for numbers), including nan and inf.
std::string number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string seconds(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000);
  return number(static_cast<double>(d.count()) / 1000);
}

// Appends instead of `"\"" + s + "\""`: GCC 12 at -O3 reports a false -Wrestrict on the latter.
std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return out;
}

std::string_view symbol(core::LimitComparison c) {
  switch (c) {
    case core::LimitComparison::below:
      return "<";
    case core::LimitComparison::at_or_below:
      return "<=";
    case core::LimitComparison::above:
      return ">";
    case core::LimitComparison::at_or_above:
      return ">=";
  }
  return "?";
}

void write_header(std::ostringstream& out) {
  out << "# Vigil alarm profile.\n"
         "#\n"
         "# Every key below is required: the file is the complete profile, so what you read "
         "here is\n"
         "# exactly what the alarm engine uses. Unknown keys are refused (a typo must not "
         "silently\n"
         "# disable an alarm). Check a file with `vigilctl profile check FILE`.\n"
         "#\n"
         "# Names: priorities low, medium, high; comparisons below (<), at_or_below (<=),\n"
         "# above (>), at_or_above (>=); channels spo2 (%), pulse_rate (bpm), pleth (device "
         "units),\n"
         "# perfusion_index (%), spco (%), spmet (%), pvi (%), nibp_systolic, nibp_diastolic,\n"
         "# nibp_mean (mmHg), nibp_pulse_rate (bpm), cuff_pressure (mmHg).\n\n";
}

void write_settings(std::ostringstream& out, const core::AlarmProfile& p) {
  out << "# Audio pause length, seconds (1..300). The visual signal stays during the pause.\n"
      << "audio_pause_s = " << p.audio_pause.count() << "\n"
      << "# Latched alarms stay until acknowledged after their condition ends (site setting).\n"
      << "latching = " << (p.latching ? "true" : "false") << "\n"
      << "# Reminder while a channel's alarms are turned off, minutes (1..60).\n"
      << "alarm_off_reminder_min = " << p.alarm_off_reminder.count() << "\n"
      << "# No valid data from a device for this long raises no_data, seconds (1..60).\n"
      << "silence_limit_s = " << p.silence_limit.count() << "\n";
  // Top-level keys must precede the first table; [[limit]] tables come last.
  if (p.limits.empty()) out << "# No [[limit]] tables.\nlimit = []\n";
  out << "\n";
}

void write_hysteresis(std::ostringstream& out, const core::AlarmProfile& p) {
  out << "# A condition clears only once the value is back inside its limit by at least this\n"
         "# much (channel unit, >= 0); this stops an alarm chattering around its threshold.\n"
         "[hysteresis]\n";
  for (const auto& info : core::all_channels()) {
    out << info.name << " = " << number(p.hysteresis[static_cast<std::size_t>(info.channel)])
        << "  # " << (info.unit == "1" ? "device units" : info.unit) << "\n";
  }
  out << "\n";
}

void write_nibp_rise(std::ostringstream& out, const core::NibpRiseRule& r) {
  out << "# NIBP rise over the pre-dose baseline, mmHg, evaluated once per measurement.\n"
         "[nibp_rise]\n"
      << "enabled = " << (r.enabled ? "true" : "false") << "\n"
      << "systolic = " << number(r.systolic_rise) << "\n"
      << "diastolic = " << number(r.diastolic_rise) << "\n"
      << "priority = " << quoted(core::alarm_priority_name(r.priority)) << "\n\n";
}

void write_technical(std::ostringstream& out, const core::AlarmProfile& p) {
  out << "# Technical conditions. priority_monitored applies during dosing and observation,\n"
         "# priority_other in the other phases. delay_s is the condition delay (0..60 s), except\n"
         "# for bp_overdue where it is the margin after a missed BP checkpoint (0..3600 s).\n"
         "# disconnected and no_data must stay enabled: a lost or silent device must alarm.\n";
  for (std::size_t i = 0; i < core::technical_condition_count; ++i) {
    const core::TechnicalRule& r = p.technical[i];
    out << "[technical." << core::technical_condition_name(static_cast<core::TechnicalCondition>(i))
        << "]\n"
        << "priority_monitored = " << quoted(core::alarm_priority_name(r.priority_monitored))
        << "\n"
        << "priority_other = " << quoted(core::alarm_priority_name(r.priority_other)) << "\n"
        << "delay_s = " << seconds(r.delay) << "\n"
        << "enabled = " << (r.enabled ? "true" : "false") << "\n\n";
  }
}

void write_limits(std::ostringstream& out, const core::AlarmProfile& p) {
  out << "# Physiological limits, one [[limit]] per tier, numbered limit[1], limit[2], ... in\n"
         "# messages. delay_s is the condition delay (0..60 s); NIBP tiers are evaluated once\n"
         "# per measurement and must have delay_s = 0. A high-priority SpO2 low tier is "
         "required.\n";
  for (const core::LimitTier& t : p.limits) {
    out << "\n# " << core::channel_name(t.channel) << " " << symbol(t.comparison) << " "
        << number(t.threshold) << " " << core::channel_unit(t.channel) << ": "
        << core::alarm_priority_name(t.priority) << " after " << seconds(t.delay) << " s\n"
        << "[[limit]]\n"
        << "channel = " << quoted(core::channel_name(t.channel)) << "\n"
        << "comparison = " << quoted(core::limit_comparison_name(t.comparison)) << "\n"
        << "threshold = " << number(t.threshold) << "\n"
        << "priority = " << quoted(core::alarm_priority_name(t.priority)) << "\n"
        << "delay_s = " << seconds(t.delay) << "\n";
  }
}

}  // namespace

std::string to_toml(const core::AlarmProfile& profile) {
  std::ostringstream out;
  write_header(out);
  write_settings(out, profile);
  write_hysteresis(out, profile);
  write_nibp_rise(out, profile.nibp_rise);
  write_technical(out, profile);
  write_limits(out, profile);
  return out.str();
}

}  // namespace vigil::config

#include "vigil/core/alarm_profile_validation.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace vigil::core {
namespace {

using std::chrono::milliseconds;

std::string number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string seconds_text(milliseconds d) { return number(static_cast<double>(d.count()) / 1000); }

std::string limit_key(std::size_t index, std::string_view field) {
  return "limit[" + std::to_string(index + 1) + "]" + (field.empty() ? "" : ".") +
         std::string(field);
}

std::string_view comparison_symbol(LimitComparison c) {
  switch (c) {
    case LimitComparison::below:
      return "<";
    case LimitComparison::at_or_below:
      return "<=";
    case LimitComparison::above:
      return ">";
    case LimitComparison::at_or_above:
      return ">=";
  }
  return "?";
}

// "spo2 < 90 %": how the tier reads to a clinician.
std::string describe(const LimitTier& t) {
  return std::string(channel_name(t.channel)) + " " + std::string(comparison_symbol(t.comparison)) +
         " " + number(t.threshold) + " " + std::string(channel_unit(t.channel));
}

std::string range_text(const ChannelInfo& info) {
  return number(info.min_valid) + ".." + number(info.max_valid) + " " + std::string(info.unit);
}

// Can any value in the channel's range meet the condition?
bool can_trigger(const LimitTier& t) {
  const auto& info = channel_info(t.channel);
  switch (t.comparison) {
    case LimitComparison::below:
      return t.threshold > info.min_valid;
    case LimitComparison::at_or_below:
      return t.threshold >= info.min_valid;
    case LimitComparison::above:
      return t.threshold < info.max_valid;
    case LimitComparison::at_or_above:
      return t.threshold <= info.max_valid;
  }
  return false;
}

// On the same side, is `a` strictly further into the alarm region than `b`?
bool more_extreme(const LimitTier& a, const LimitTier& b) {
  return is_low_side(a.comparison) ? a.threshold < b.threshold : a.threshold > b.threshold;
}

void check_limit(std::size_t i, const LimitTier& t, std::vector<ProfileProblem>& out) {
  const auto& info = channel_info(t.channel);
  if (t.channel == Channel::pleth) {
    out.push_back({limit_key(i, "channel"),
                   "pleth is a waveform in device units and cannot carry an alarm limit"});
  }
  if (!std::isfinite(t.threshold) || t.threshold < info.min_valid || t.threshold > info.max_valid) {
    out.push_back({limit_key(i, "threshold"),
                   "threshold " + number(t.threshold) + " is outside the physiological range of " +
                       std::string(info.name) + " (" + range_text(info) + ")"});
  } else if (!can_trigger(t)) {
    out.push_back({limit_key(i, "threshold"),
                   "limit " + describe(t) + " can never be met within the range of " +
                       std::string(info.name) + " (" + range_text(info) + ")"});
  }
  if (t.delay < milliseconds(0)) {
    out.push_back({limit_key(i, "delay_s"), "delay must not be negative"});
  } else if (is_nibp_channel(t.channel) && t.delay != milliseconds(0)) {
    out.push_back({limit_key(i, "delay_s"),
                   "NIBP limits are evaluated once per measurement: delay must be 0, not " +
                       seconds_text(t.delay) + " s"});
  } else if (t.delay > kMaxConditionDelay) {
    out.push_back({limit_key(i, "delay_s"), "delay " + seconds_text(t.delay) + " s exceeds the " +
                                                std::to_string(kMaxConditionDelay.count()) +
                                                " s maximum condition delay"});
  }
}

void check_limit_pairs(const std::vector<LimitTier>& limits, std::vector<ProfileProblem>& out) {
  for (std::size_t a = 0; a < limits.size(); ++a) {
    for (std::size_t b = 0; b < limits.size(); ++b) {
      const LimitTier& x = limits[a];
      const LimitTier& y = limits[b];
      if (a == b || x.channel != y.channel) continue;
      const bool x_low = is_low_side(x.comparison);
      const bool y_low = is_low_side(y.comparison);
      if (x_low && !y_low && x.threshold >= y.threshold) {
        out.push_back({limit_key(a, "threshold"),
                       "low-side limit " + describe(x) + " is at or above high-side " +
                           limit_key(b, "") + " (" + describe(y) + "): low >= high"});
      }
      if (b > a && x.comparison == y.comparison && x.threshold == y.threshold) {
        out.push_back({limit_key(b, ""), "duplicates " + limit_key(a, "") + " (" + describe(x) +
                                             "): one condition, one limit"});
      }
      if (x_low == y_low && x.priority < y.priority && more_extreme(x, y)) {
        out.push_back({limit_key(a, "priority"),
                       "priority " + std::string(alarm_priority_name(x.priority)) + " of " +
                           describe(x) + " is lower than " + limit_key(b, "") + " (" + describe(y) +
                           ", " + std::string(alarm_priority_name(y.priority)) +
                           "): priority must not fall as the value gets worse"});
      }
    }
  }
  bool spo2_high = false;
  for (const auto& t : limits) {
    spo2_high |= t.channel == Channel::spo2 && is_low_side(t.comparison) &&
                 t.priority == AlarmPriority::high;
  }
  if (!spo2_high) {
    out.push_back({"limit",
                   "no high-priority SpO2 low limit (channel spo2, below or at_or_below, priority "
                   "high): a desaturation must raise a high-priority alarm"});
  }
}

void check_hysteresis(const AlarmProfile& p, std::vector<ProfileProblem>& out) {
  for (const auto& info : all_channels()) {
    const double h = p.hysteresis[static_cast<std::size_t>(info.channel)];
    const std::string key = "hysteresis." + std::string(info.name);
    if (!std::isfinite(h) || h < 0) {
      out.push_back({key, "hysteresis " + number(h) + " must be a number >= 0"});
      continue;
    }
    double highest_low = -INFINITY;
    double lowest_high = INFINITY;
    for (std::size_t i = 0; i < p.limits.size(); ++i) {
      const LimitTier& t = p.limits[i];
      if (t.channel != info.channel) continue;
      const bool low = is_low_side(t.comparison);
      if (low) highest_low = std::max(highest_low, t.threshold);
      if (!low) lowest_high = std::min(lowest_high, t.threshold);
      const double clear_at = low ? t.threshold + h : t.threshold - h;
      if (clear_at > info.max_valid || clear_at < info.min_valid) {
        out.push_back({key, "hysteresis " + number(h) + " would keep " + limit_key(i, "") + " (" +
                                describe(t) + ") from ever clearing: it clears only at " +
                                number(clear_at) + ", outside " + range_text(info)});
      }
    }
    if (highest_low < lowest_high && h > 0 && h >= lowest_high - highest_low) {
      out.push_back({key, "hysteresis " + number(h) + " is not smaller than the gap between the " +
                              "low limit " + number(highest_low) + " and the high limit " +
                              number(lowest_high) +
                              ": a low-side condition could only clear inside the high-side "
                              "alarm range"});
    }
  }
}

void check_nibp_rise(const NibpRiseRule& r, std::vector<ProfileProblem>& out) {
  const double max = channel_info(Channel::nibp_systolic).max_valid;
  auto check = [&](double v, std::string_view field) {
    if (!std::isfinite(v) || v <= 0 || v > max) {
      out.push_back({"nibp_rise." + std::string(field),
                     "rise " + number(v) + " mmHg must be > 0 and <= " + number(max) + " mmHg"});
    }
  };
  check(r.systolic_rise, "systolic");
  check(r.diastolic_rise, "diastolic");
}

void check_technical(const AlarmProfile& p, std::vector<ProfileProblem>& out) {
  for (std::size_t i = 0; i < technical_condition_count; ++i) {
    const TechnicalRule& rule = p.technical[i];
    const auto expected = static_cast<TechnicalCondition>(i);
    const std::string prefix = "technical." + std::string(technical_condition_name(expected));
    if (rule.condition != expected) {
      out.push_back({prefix, "rule holds condition " +
                                 std::string(technical_condition_name(rule.condition)) +
                                 ": technical rules must be stored in condition order"});
    }
    if (rule.delay < milliseconds(0)) {
      out.push_back({prefix + ".delay_s", "delay must not be negative"});
    } else if (expected == TechnicalCondition::bp_overdue) {
      if (rule.delay > kMaxBpOverdueMargin) {
        out.push_back({prefix + ".delay_s",
                       "overdue margin " + seconds_text(rule.delay) + " s exceeds the " +
                           std::to_string(std::chrono::seconds(kMaxBpOverdueMargin).count()) +
                           " s (" + std::to_string(kMaxBpOverdueMargin.count()) + " min) maximum"});
      }
    } else if (rule.delay > kMaxConditionDelay) {
      out.push_back({prefix + ".delay_s", "delay " + seconds_text(rule.delay) + " s exceeds the " +
                                              std::to_string(kMaxConditionDelay.count()) +
                                              " s maximum condition delay"});
    }
    if (!rule.enabled && expected == TechnicalCondition::disconnected) {
      out.push_back({prefix + ".enabled", "must be true: a lost device link must alarm"});
    }
    if (!rule.enabled && expected == TechnicalCondition::no_data) {
      out.push_back(
          {prefix + ".enabled", "must be true: a device that stops sending valid data must alarm"});
    }
  }
}

template <typename Duration>
void check_range(const std::string& key, Duration value, Duration min, Duration max,
                 std::string_view unit, std::string_view why, std::vector<ProfileProblem>& out) {
  if (value < min || value > max) {
    out.push_back({key, std::to_string(value.count()) + " " + std::string(unit) + " is outside " +
                            std::to_string(min.count()) + ".." + std::to_string(max.count()) + " " +
                            std::string(unit) + ": " + std::string(why)});
  }
}

}  // namespace

bool is_nibp_channel(Channel c) {
  return c == Channel::nibp_systolic || c == Channel::nibp_diastolic || c == Channel::nibp_mean ||
         c == Channel::nibp_pulse_rate;
}

bool is_low_side(LimitComparison c) {
  return c == LimitComparison::below || c == LimitComparison::at_or_below;
}

std::vector<ProfileProblem> validate_alarm_profile(const AlarmProfile& profile) {
  std::vector<ProfileProblem> out;
  for (std::size_t i = 0; i < profile.limits.size(); ++i) check_limit(i, profile.limits[i], out);
  check_limit_pairs(profile.limits, out);
  check_hysteresis(profile, out);
  check_nibp_rise(profile.nibp_rise, out);
  check_technical(profile, out);
  check_range("audio_pause_s", profile.audio_pause, kMinAudioPause, kMaxAudioPause, "s",
              "audio pause must be timed and bounded (IEC 60601-1-8)", out);
  check_range("silence_limit_s", profile.silence_limit, kMinSilenceLimit, kMaxSilenceLimit, "s",
              "a silent device must be noticed within a minute", out);
  check_range("alarm_off_reminder_min", profile.alarm_off_reminder, kMinAlarmOffReminder,
              kMaxAlarmOffReminder, "min", "an alarm turned off must be recalled at least hourly",
              out);
  return out;
}

}  // namespace vigil::core

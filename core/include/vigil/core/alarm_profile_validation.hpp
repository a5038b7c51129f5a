#pragma once
// Validation of an alarm profile: refuses unsafe or inconsistent profiles before the alarm engine
// uses them. Each problem names the key as spelled in the TOML profile file (app/config) and the
// rule it breaks, so an admin can find and fix it.
//
// Key spelling: `limit[N].field` where N counts the [[limit]] tables from 1 in file order (the
// profile's `limits` vector index + 1); `hysteresis.<channel>`; `nibp_rise.<field>`;
// `technical.<condition>.<field>`; top-level `audio_pause_s`, `silence_limit_s`,
// `alarm_off_reminder_min`; plain `limit` for rules about the set of limits as a whole.

#include <chrono>
#include <string>
#include <vector>

#include "vigil/core/alarm_profile.hpp"

namespace vigil::core {

struct ProfileProblem {
  std::string key;   // e.g. "limit[3].threshold", "hysteresis.spo2", "audio_pause_s"
  std::string rule;  // the rule in words, e.g. "delay 70 s exceeds the 60 s maximum"

  bool operator==(const ProfileProblem&) const = default;
};

// The bounds the validator enforces (units in the names).
inline constexpr std::chrono::seconds kMaxConditionDelay{60};  // limits and technical rules
// bp_overdue's delay is a margin after a missed BP checkpoint, not a condition delay: REMS
// checkpoints are minutes apart, so an hour of margin is already beyond any sane schedule.
inline constexpr std::chrono::minutes kMaxBpOverdueMargin{60};
// IEC 60601-1-8 requires audio pause to be bounded; monitors use 2 min. Five minutes is the
// longest a sedated patient may go without an audible alarm re-sounding.
inline constexpr std::chrono::seconds kMinAudioPause{1};
inline constexpr std::chrono::seconds kMaxAudioPause{300};
inline constexpr std::chrono::seconds kMinSilenceLimit{1};
inline constexpr std::chrono::seconds kMaxSilenceLimit{60};
inline constexpr std::chrono::minutes kMinAlarmOffReminder{1};
inline constexpr std::chrono::minutes kMaxAlarmOffReminder{60};

// NIBP channels are evaluated once per new measurement, so their tiers carry no delay.
bool is_nibp_channel(Channel c);

// "below" / "at_or_below" are low-side limits; the others are high-side.
bool is_low_side(LimitComparison c);

// Returns every problem found (empty: the profile is safe to use). Never throws.
std::vector<ProfileProblem> validate_alarm_profile(const AlarmProfile& profile);

}  // namespace vigil::core

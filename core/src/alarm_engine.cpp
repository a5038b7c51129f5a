// AlarmEngine: construction, the condition life cycle (raise, change priority, clear,
// acknowledge), operator actions and time-driven work. Limits and technical conditions have
// their own files.
#include "vigil/core/alarm_engine.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

namespace vigil::core {
namespace {

constexpr std::size_t index(Channel c) { return static_cast<std::size_t>(c); }

AlarmPriority max_priority(std::optional<AlarmPriority> a, AlarmPriority b) {
  return a ? std::max(*a, b) : b;
}

}  // namespace

AlarmEngine::AlarmEngine(AlarmProfile profile, AlarmEventSink& sink, SessionPhase phase)
    : profile_(std::move(profile)), sink_(&sink), phase_(phase) {
  assert(profile_.limits.size() < 0xFFFF);
  tiers_.reserve(profile_.limits.size());
  for (std::size_t c = 0; c < channel_count; ++c) {
    tier_begin_[c] = static_cast<std::uint16_t>(tiers_.size());
    for (const LimitTier& t : profile_.limits) {
      if (index(t.channel) == c) tiers_.push_back(TierState{t});
    }
  }
  tier_begin_[channel_count] = static_cast<std::uint16_t>(tiers_.size());
  for (std::size_t c = 0; c < channel_count; ++c) {
    limit_slots_[c * 2].id = limit_condition(static_cast<Channel>(c), LimitSide::low);
    limit_slots_[c * 2 + 1].id = limit_condition(static_cast<Channel>(c), LimitSide::high);
  }
  rise_slots_[0].id = nibp_rise_condition(Channel::nibp_systolic);
  rise_slots_[1].id = nibp_rise_condition(Channel::nibp_diastolic);
  // Rules indexed by their condition, whatever order the profile lists them in; a condition
  // the profile omits keeps TechnicalRule's defaults (enabled, medium) rather than going silent.
  for (std::size_t i = 0; i < technical_condition_count; ++i) {
    technical_rules_[i].condition = static_cast<TechnicalCondition>(i);
  }
  for (const TechnicalRule& r : profile_.technical) {
    technical_rules_[static_cast<std::size_t>(r.condition)] = r;
  }
  devices_.reserve(8);  // new devices are rare; readings never allocate
}

void AlarmEngine::on_reading(const Reading& r) {
  const AlarmTime now{r.steady_time, r.utc_time};
  const bool usable = r.value.has_value() && !r.flags.has(ReadingFlag::sensor_off) &&
                      !r.flags.has(ReadingFlag::sensor_disconnected);
  technical_from_reading(device_state(r.device, now.steady), r, usable, now);
  if (channel_off_[index(r.channel)].off) return;
  evaluate_limits(r, usable ? r.value : std::nullopt, now);
}

void AlarmEngine::tick(AlarmTime now) {
  if (pause_until_ && now.steady >= *pause_until_) {
    pause_until_.reset();
    emit_system(AlarmEventKind::audio_resumed, {}, now, {});
  }
  const auto interval = profile_.alarm_off_reminder;
  for (std::size_t c = 0; c < channel_count; ++c) {
    ChannelOffState& off = channel_off_[c];
    if (!off.off || interval <= interval.zero() || now.steady < off.next_reminder) continue;
    emit_system(AlarmEventKind::alarm_off_reminder, channel_condition(static_cast<Channel>(c)), now,
                off.who);
    while (off.next_reminder <= now.steady) off.next_reminder += interval;
  }
  for (DeviceState& d : devices_) {
    update_silence(d, now);
    for (std::size_t c = 0; c < technical_condition_count; ++c) {
      check_technical(d, static_cast<TechnicalCondition>(c), now);
    }
  }
}

void AlarmEngine::set_phase(SessionPhase phase, AlarmTime now) {
  phase_ = phase;
  for (DeviceState& d : devices_) {
    for (std::size_t c = 0; c < technical_condition_count; ++c) {
      ConditionSlot& s = d.technical[c].slot;
      if (s.active) change_priority(s, technical_rules_[c].priority_in(phase), {}, {}, now);
    }
  }
}

void AlarmEngine::set_nibp_baseline(double systolic_mmhg, double diastolic_mmhg) {
  baseline_systolic_ = systolic_mmhg;
  baseline_diastolic_ = diastolic_mmhg;
}

void AlarmEngine::clear_nibp_baseline() {
  baseline_systolic_.reset();
  baseline_diastolic_.reset();
}

// --- condition life cycle ---

void AlarmEngine::raise(ConditionSlot& s, AlarmPriority p, std::optional<AlarmLimit> limit,
                        std::optional<double> value, DeviceId device, AlarmTime now) {
  s.active = true;
  s.latched = false;
  s.acknowledged = false;
  s.priority = p;
  s.limit = limit;
  s.value = value;
  s.device = device;
  s.onset = now.steady;
  s.signalled_at = now.steady;
  s.burst_owed = max_priority(s.burst_owed, p);
  emit_event(event_for(AlarmEventKind::raised, s, now));
  end_pause_for_new_signal(now);
}

void AlarmEngine::end_pause_for_new_signal(AlarmTime now) {
  // Pausing answered the conditions signalled so far; a new or worse one must be heard.
  if (!pause_until_ || now.steady >= *pause_until_) return;
  pause_until_.reset();
  pause_to_ = now.steady;
  emit_system(AlarmEventKind::audio_resumed, {}, now, {});
}

void AlarmEngine::change_priority(ConditionSlot& s, AlarmPriority p,
                                  std::optional<AlarmLimit> limit, std::optional<double> value,
                                  AlarmTime now) {
  if (p == s.priority) {
    // Another tier of the same priority: keep the triggering value, show the limit in force.
    if (limit) s.limit = limit;
    return;
  }
  const AlarmPriority previous = s.priority;
  const bool up = p > previous;
  s.priority = p;
  if (limit) s.limit = limit;
  if (value) s.value = value;
  if (up) {
    // A worse state sounds again, even if the milder one was acknowledged.
    s.acknowledged = false;
    s.signalled_at = now.steady;
    s.burst_owed = max_priority(s.burst_owed, p);
  }
  AlarmEvent e = event_for(up ? AlarmEventKind::escalated : AlarmEventKind::de_escalated, s, now);
  e.previous_priority = previous;
  emit_event(e);
  if (up) end_pause_for_new_signal(now);
}

void AlarmEngine::clear(ConditionSlot& s, std::optional<double> value, AlarmTime now,
                        bool may_latch) {
  s.active = false;
  s.latched = may_latch && profile_.latching && !s.acknowledged;
  AlarmEvent e = event_for(AlarmEventKind::cleared, s, now);
  e.value = value;
  emit_event(e);
}

void AlarmEngine::acknowledge_slot(ConditionSlot& s, AlarmTime now, std::string_view who) {
  if (!s.visible()) return;
  s.burst_owed.reset();
  if (!s.active) {
    s.latched = false;
    s.acknowledged = true;
    AlarmEvent e = event_for(AlarmEventKind::acknowledged, s, now);
    e.who = who;
    emit_event(e);
    e.kind = AlarmEventKind::latched_cleared;
    emit_event(e);
    return;
  }
  if (s.acknowledged) return;
  s.acknowledged = true;
  AlarmEvent e = event_for(AlarmEventKind::acknowledged, s, now);
  e.who = who;
  emit_event(e);
}

AlarmEvent AlarmEngine::event_for(AlarmEventKind kind, const ConditionSlot& s,
                                  AlarmTime now) const {
  AlarmEvent e;
  e.kind = kind;
  e.condition = s.id;
  e.priority = s.priority;
  e.limit = s.limit;
  e.value = s.value;
  e.device = s.device;
  e.steady_time = now.steady;
  e.utc_time = now.utc;
  e.detail = s.detail;
  e.device_code = s.device_code;
  return e;
}

void AlarmEngine::emit_system(AlarmEventKind kind, AlarmConditionId id, AlarmTime now,
                              std::string_view who) {
  AlarmEvent e;
  e.kind = kind;
  e.condition = id;
  e.steady_time = now.steady;
  e.utc_time = now.utc;
  e.who = who;
  emit_event(e);
}

// --- operator actions ---

void AlarmEngine::acknowledge_all(AlarmTime now, std::string_view who) {
  for_each_slot(*this, [&](ConditionSlot& s) {
    if (s.visible()) {
      acknowledge_slot(s, now, who);
    } else {
      s.burst_owed.reset();  // a brief condition's burst: the operator has responded
    }
  });
}

bool AlarmEngine::acknowledge(const AlarmConditionId& id, AlarmTime now, std::string_view who) {
  bool found = false;
  for_each_slot(*this, [&](ConditionSlot& s) {
    if (!found && s.id == id && s.visible()) {
      acknowledge_slot(s, now, who);
      found = true;
    }
  });
  return found;
}

void AlarmEngine::pause_audio(AlarmTime now, std::string_view who) {
  pause_until_ = now.steady + profile_.audio_pause;
  pause_from_ = now.steady;
  pause_to_ = *pause_until_;
  for_each_slot(*this, [](ConditionSlot& s) { s.burst_owed.reset(); });
  emit_system(AlarmEventKind::audio_paused, {}, now, who);
}

void AlarmEngine::resume_audio(AlarmTime now, std::string_view who) {
  if (!pause_until_ || now.steady >= *pause_until_) return;
  pause_until_.reset();
  pause_to_ = now.steady;
  emit_system(AlarmEventKind::audio_resumed, {}, now, who);
}

AlarmCommandResult AlarmEngine::alarm_off(Channel channel, AlarmTime now, std::string_view who,
                                          bool by_clinician) {
  if (!by_clinician) return {false, "turning a channel's alarms off needs a clinician"};
  ChannelOffState& off = channel_off_[index(channel)];
  if (off.off) return {false, "this channel's alarms are already off"};
  off.off = true;
  off.who = std::string(who);
  off.since = now.steady;
  off.next_reminder = now.steady + profile_.alarm_off_reminder;
  emit_system(AlarmEventKind::alarm_off, channel_condition(channel), now, off.who);
  reset_channel(channel, now);
  return {true, {}};
}

void AlarmEngine::alarm_on(Channel channel, AlarmTime now, std::string_view who) {
  ChannelOffState& off = channel_off_[index(channel)];
  if (!off.off) return;
  off.off = false;
  off.who.clear();
  emit_system(AlarmEventKind::alarm_on, channel_condition(channel), now, who);
}

bool AlarmEngine::is_alarm_off(Channel channel) const { return channel_off_[index(channel)].off; }

void AlarmEngine::audio_burst_played(AlarmPriority priority, SteadyTime burst_start) {
  for_each_slot(*this, [&](ConditionSlot& s) {
    if (s.burst_owed && *s.burst_owed <= priority && s.signalled_at <= burst_start) {
      s.burst_owed.reset();
    }
  });
}

bool AlarmEngine::paused_at(SteadyTime t) const { return t >= pause_from_ && t < pause_to_; }

bool AlarmEngine::owes_burst(const ConditionSlot& s) const {
  // A brief condition raised during a pause is not played afterwards: the pause covered it.
  return s.burst_owed.has_value() && (s.visible() || !paused_at(s.signalled_at));
}

}  // namespace vigil::core

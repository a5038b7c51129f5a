// AlarmEngine: physiological limits (tiers, delays, hysteresis) and the NIBP rules.
#include <algorithm>

#include "vigil/core/alarm_engine.hpp"

namespace vigil::core {
namespace {

constexpr std::size_t index(Channel c) { return static_cast<std::size_t>(c); }

// NIBP values arrive once per measurement: evaluated at once, no delay, no hysteresis.
constexpr bool is_per_measurement(Channel c) {
  return c == Channel::nibp_systolic || c == Channel::nibp_diastolic || c == Channel::nibp_mean ||
         c == Channel::nibp_pulse_rate;
}

// Of two tiers on the same side, the more severe: higher priority, then the more extreme
// threshold.
bool more_severe(const LimitTier& a, const LimitTier& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  return limit_side(a.comparison) == LimitSide::low ? a.threshold < b.threshold
                                                    : a.threshold > b.threshold;
}

}  // namespace

AlarmEngine::ConditionSlot& AlarmEngine::limit_slot(Channel c, LimitSide side) {
  return limit_slots_[index(c) * 2 + static_cast<std::size_t>(side)];
}

void AlarmEngine::evaluate_limits(const Reading& r, std::optional<double> value, AlarmTime now) {
  const std::size_t c = index(r.channel);
  TierState* const begin = tiers_.data() + tier_begin_[c];
  TierState* const end = tiers_.data() + tier_begin_[c + 1];
  const bool per_measurement = is_per_measurement(r.channel);
  if (!value) {
    if (per_measurement) return;
    // Pause pending delays: the time up to now counts, the absent stretch does not.
    for (TierState* t = begin; t != end; ++t) {
      if (t->pending && !t->paused) {
        t->on_side += now.steady - t->last;
        t->last = now.steady;
        t->paused = true;
      }
    }
    return;
  }
  if (begin != end) {
    const TierState* most_severe_met[2] = {nullptr, nullptr};
    for (TierState* t = begin; t != end; ++t) {
      update_tier(*t, *value, per_measurement, now.steady);
      const TierState*& m =
          most_severe_met[static_cast<std::size_t>(limit_side(t->tier.comparison))];
      if (t->met && (m == nullptr || more_severe(t->tier, m->tier))) m = t;
    }
    // The patient is already being signalled by a more severe tier: a milder tier on the alarm
    // side needs no delay of its own, so leaving the severe tier de-escalates instead of
    // clearing and starting the milder delay over.
    for (TierState* t = begin; t != end; ++t) {
      const TierState* m =
          most_severe_met[static_cast<std::size_t>(limit_side(t->tier.comparison))];
      if (t->pending && m != nullptr && more_severe(m->tier, t->tier)) {
        t->met = true;
        t->pending = false;
      }
    }
    update_limit_condition(r.channel, LimitSide::low, *value, r.device, now);
    update_limit_condition(r.channel, LimitSide::high, *value, r.device, now);
  }
  if (r.channel == Channel::nibp_systolic || r.channel == Channel::nibp_diastolic) {
    evaluate_nibp_rise(r.channel, *value, r.device, now);
  }
}

void AlarmEngine::update_tier(TierState& t, double value, bool per_measurement, SteadyTime now) {
  const AlarmLimit limit{t.tier.threshold, t.tier.comparison};
  const bool breached = limit_breached(limit, value);
  if (per_measurement) {
    t.met = breached;
    return;
  }
  if (t.met) {
    if (limit_recovered(limit, value, profile_.hysteresis[index(t.tier.channel)])) {
      t.met = false;
      t.pending = false;
    }
    return;
  }
  if (!breached) {
    t.pending = false;
    return;
  }
  if (!t.pending) {
    t.pending = true;
    t.paused = false;
    t.on_side = {};
  } else if (t.paused) {
    t.paused = false;  // resume without counting the absent stretch
  } else {
    t.on_side += now - t.last;
  }
  t.last = now;
  if (t.on_side >= t.tier.delay) {
    t.met = true;
    t.pending = false;
  }
}

void AlarmEngine::update_limit_condition(Channel c, LimitSide side, double value, DeviceId device,
                                         AlarmTime now) {
  const TierState* best = nullptr;
  const TierState* const end = tiers_.data() + tier_begin_[index(c) + 1];
  for (const TierState* t = tiers_.data() + tier_begin_[index(c)]; t != end; ++t) {
    if (t->met && limit_side(t->tier.comparison) == side &&
        (best == nullptr || more_severe(t->tier, best->tier))) {
      best = t;
    }
  }
  ConditionSlot& s = limit_slot(c, side);
  if (best == nullptr) {
    if (s.active) clear(s, value, now, true);
    return;
  }
  const AlarmLimit limit{best->tier.threshold, best->tier.comparison};
  if (!s.active) {
    raise(s, best->tier.priority, limit, value, device, now);
  } else {
    change_priority(s, best->tier.priority, limit, value, now);
  }
}

void AlarmEngine::evaluate_nibp_rise(Channel c, double value, DeviceId device, AlarmTime now) {
  const NibpRiseRule& rule = profile_.nibp_rise;
  const bool systolic = c == Channel::nibp_systolic;
  const std::optional<double>& baseline = systolic ? baseline_systolic_ : baseline_diastolic_;
  ConditionSlot& s = rise_slots_[systolic ? 0 : 1];
  if (!rule.enabled || !baseline) {
    if (s.active) clear(s, value, now, true);
    return;
  }
  const AlarmLimit limit{*baseline + (systolic ? rule.systolic_rise : rule.diastolic_rise),
                         LimitComparison::at_or_above};
  if (!limit_breached(limit, value)) {
    if (s.active) clear(s, value, now, true);
  } else if (!s.active) {
    raise(s, rule.priority, limit, value, device, now);
  } else {
    change_priority(s, rule.priority, limit, value, now);
  }
}

void AlarmEngine::reset_channel(Channel c, AlarmTime now) {
  TierState* const end = tiers_.data() + tier_begin_[index(c) + 1];
  for (TierState* t = tiers_.data() + tier_begin_[index(c)]; t != end; ++t) {
    t->met = false;
    t->pending = false;
    t->paused = false;
  }
  auto end_condition = [&](ConditionSlot& s) {
    if (s.active) clear(s, std::nullopt, now, false);
    s.latched = false;
    s.burst_owed.reset();
  };
  end_condition(limit_slot(c, LimitSide::low));
  end_condition(limit_slot(c, LimitSide::high));
  if (c == Channel::nibp_systolic) end_condition(rise_slots_[0]);
  if (c == Channel::nibp_diastolic) end_condition(rise_slots_[1]);
}

}  // namespace vigil::core

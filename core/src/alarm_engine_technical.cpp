// AlarmEngine: technical conditions per device (device reports, SpO2 availability, silence,
// external conditions).
#include <algorithm>

#include "vigil/core/alarm_engine.hpp"

namespace vigil::core {
namespace {

constexpr std::size_t index(TechnicalCondition c) { return static_cast<std::size_t>(c); }

// Channels a device sends continuously: a silent streaming device has lost its data.
constexpr bool is_streaming(Channel c) {
  switch (c) {
    case Channel::spo2:
    case Channel::pulse_rate:
    case Channel::pleth:
    case Channel::perfusion_index:
    case Channel::spco:
    case Channel::spmet:
    case Channel::pvi:
      return true;
    default:
      return false;
  }
}

constexpr bool is_nibp(Channel c) {
  return c == Channel::nibp_systolic || c == Channel::nibp_diastolic || c == Channel::nibp_mean ||
         c == Channel::nibp_pulse_rate;
}

}  // namespace

AlarmEngine::DeviceState& AlarmEngine::device_state(DeviceId id, SteadyTime now) {
  for (DeviceState& d : devices_) {
    if (d.id == id) return d;
  }
  DeviceState& d = devices_.emplace_back();
  d.id = id;
  d.last_valid = now;  // silence counts from first contact
  for (std::size_t c = 0; c < technical_condition_count; ++c) {
    d.technical[c].slot.id = technical_condition(static_cast<TechnicalCondition>(c), id);
    d.technical[c].slot.device = id;
  }
  return d;
}

void AlarmEngine::technical_from_reading(DeviceState& d, const Reading& r, bool usable,
                                         AlarmTime now) {
  if (is_streaming(r.channel)) d.streams = true;
  if (usable) {
    d.last_valid = now.steady;
    d.reported_no_data = false;  // a valid value contradicts "no data"
  }
  if (r.channel == Channel::spo2) {
    const std::string_view why = r.flags.has(ReadingFlag::sensor_off) ? "sensor off"
                                 : r.flags.has(ReadingFlag::sensor_disconnected)
                                     ? "sensor disconnected"
                                     : "no SpO2 value";
    set_present(d, TechnicalCondition::sensor_off, !usable, now, usable ? "" : why);
  }
  if (usable && is_nibp(r.channel)) set_present(d, TechnicalCondition::nibp_failed, false, now);
  if (usable || d.technical[index(TechnicalCondition::no_data)].present) update_silence(d, now);
}

void AlarmEngine::on_device_condition(const DeviceCondition& dc) {
  const AlarmTime now{dc.steady_time, dc.utc_time};
  DeviceState& d = device_state(dc.device, now.steady);
  const std::string_view detail = dc.detail.empty() ? device_condition_name(dc.kind) : dc.detail;
  using K = DeviceConditionKind;
  using T = TechnicalCondition;
  switch (dc.kind) {
    case K::sensor_off:
    case K::sensor_fault:  // no usable SpO2 either way
      set_present(d, T::sensor_off, dc.active, now, detail, dc.code);
      break;
    case K::disconnected:
      set_present(d, T::disconnected, dc.active, now, detail, dc.code);
      if (!dc.active) d.last_valid = now.steady;
      break;
    case K::connected:
      set_present(d, T::disconnected, false, now);
      d.last_valid = now.steady;  // give the device its silence limit to send data
      break;
    case K::no_data:
      d.reported_no_data = dc.active;
      break;
    case K::low_battery:
      set_present(d, T::low_battery, dc.active, now, detail, dc.code);
      break;
    case K::nibp_failed:
      set_present(d, T::nibp_failed, dc.active, now, detail, dc.code);
      break;
    case K::nibp_done:
      set_present(d, T::nibp_failed, false, now);
      break;
    case K::device_alarm:
      break;  // the device sounds its own alarm; Vigil alarms on the values
    case K::recording_behind:
      set_present(d, T::recording_behind, dc.active, now, detail, dc.code);
      break;
  }
  update_silence(d, now);
}

void AlarmEngine::set_external_condition(TechnicalCondition condition, bool active, AlarmTime now,
                                         DeviceId device, std::string_view detail) {
  DeviceState& d = device_state(device, now.steady);
  if (condition == TechnicalCondition::no_data) {
    d.reported_no_data = active;
    update_silence(d, now);
  } else {
    set_present(d, condition, active, now, detail);
  }
}

void AlarmEngine::forget_device(DeviceId device, AlarmTime now) {
  const auto it = std::find_if(devices_.begin(), devices_.end(),
                               [&](const DeviceState& d) { return d.id == device; });
  if (it == devices_.end()) return;
  for (TechnicalState& t : it->technical) {
    if (t.slot.active) clear(t.slot, std::nullopt, now, false);
  }
  devices_.erase(it);
}

void AlarmEngine::set_present(DeviceState& d, TechnicalCondition c, bool present, AlarmTime now,
                              std::string_view detail, std::optional<int> code) {
  TechnicalState& t = d.technical[index(c)];
  if (present) {
    if (!t.present) {
      t.present = true;
      t.since = now.steady;
    }
    if (!t.slot.active) {
      t.slot.detail = detail;
      t.slot.device_code = code;
    }
    check_technical(d, c, now);
  } else {
    t.present = false;
    if (t.slot.active) clear(t.slot, std::nullopt, now, true);
  }
}

void AlarmEngine::check_technical(DeviceState& d, TechnicalCondition c, AlarmTime now) {
  const TechnicalRule& rule = technical_rules_[index(c)];
  TechnicalState& t = d.technical[index(c)];
  if (!rule.enabled || !t.present || t.slot.active) return;
  if (now.steady - t.since >= rule.delay) {
    raise(t.slot, rule.priority_in(phase_), std::nullopt, std::nullopt, d.id, now);
  }
}

void AlarmEngine::update_silence(DeviceState& d, AlarmTime now) {
  auto explains_silence = [&](TechnicalCondition c) {
    return technical_rules_[index(c)].enabled && d.technical[index(c)].present;
  };
  d.silent = d.streams && now.steady - d.last_valid >= profile_.silence_limit &&
             !explains_silence(TechnicalCondition::disconnected) &&
             !explains_silence(TechnicalCondition::sensor_off);
  TechnicalState& t = d.technical[index(TechnicalCondition::no_data)];
  const bool present = d.reported_no_data || d.silent;
  if (present && !t.present) {
    t.present = true;
    // Silence began with the last valid value: the delay counts from there.
    t.since = d.reported_no_data ? now.steady : d.last_valid;
    t.slot.detail = d.reported_no_data ? "reported by the device" : "no valid value";
    t.slot.device_code.reset();
  } else if (!present && t.present) {
    t.present = false;
    if (t.slot.active) clear(t.slot, std::nullopt, now, true);
  }
  check_technical(d, TechnicalCondition::no_data, now);
}

}  // namespace vigil::core

#include "snapshot_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "vigil/drivers/session_protocol.hpp"

namespace vigil::station {
namespace {

using core::Channel;
using core::DeviceConditionKind;
using core::ReadingFlag;

// A frozen screen must not make the builder grow without bound: beyond this many new samples or
// points per snapshot the oldest are dropped (the screen shows the newest anyway).
constexpr std::size_t kMaxPlethPerSnapshot = 4096;
constexpr std::size_t kMaxTrendPerSnapshot = 4096;

bool is_trended(Channel c) {
  switch (c) {
    case Channel::spo2:
    case Channel::pulse_rate:
    case Channel::nibp_systolic:
    case Channel::nibp_diastolic:
    case Channel::nibp_mean:
      return true;
    default:
      return false;
  }
}

bool is_nibp(Channel c) {
  return c == Channel::nibp_systolic || c == Channel::nibp_diastolic || c == Channel::nibp_mean ||
         c == Channel::nibp_pulse_rate;
}

Absence absence_from_flags(const core::ReadingFlags& f) {
  if (f.has(ReadingFlag::sensor_disconnected)) return Absence::sensor_disconnected;
  if (f.has(ReadingFlag::sensor_off)) return Absence::sensor_off;
  if (f.has(ReadingFlag::sensor_fault)) return Absence::sensor_fault;
  if (f.has(ReadingFlag::searching) || f.has(ReadingFlag::searching_too_long)) {
    return Absence::searching;
  }
  return Absence::no_data;
}

// Conditions a device card lists while active (the link state has its own line).
bool listed_on_card(DeviceConditionKind k) {
  switch (k) {
    case DeviceConditionKind::sensor_off:
    case DeviceConditionKind::sensor_fault:
    case DeviceConditionKind::no_data:
    case DeviceConditionKind::low_battery:
    case DeviceConditionKind::nibp_failed:
    case DeviceConditionKind::device_alarm:
    case DeviceConditionKind::recording_behind:
      return true;
    default:
      return false;
  }
}

template <class T>
void keep_newest(std::vector<T>& v, std::size_t cap) {
  if (v.size() > cap) v.erase(v.begin(), v.begin() + static_cast<long>(v.size() - cap));
}

}  // namespace

double pleth_rate_hz(std::string_view protocol) {
  const auto p = drivers::session_protocol_for(protocol);
  return p ? p->pleth_rate_hz : 0.0;
}

ChannelLimits mildest_limits(const core::AlarmProfile& profile, core::Channel channel) {
  ChannelLimits out;
  for (const auto& t : profile.limits) {
    if (t.channel != channel) continue;
    if (core::limit_side(t.comparison) == core::LimitSide::low) {
      out.low = out.low ? std::max(*out.low, t.threshold) : t.threshold;
    } else {
      out.high = out.high ? std::min(*out.high, t.threshold) : t.threshold;
    }
  }
  return out;
}

SnapshotBuilder::SnapshotBuilder(const core::AlarmProfile& profile, std::vector<DeviceCard> devices,
                                 std::chrono::milliseconds trend_step)
    : trend_step_(trend_step) {
  for (auto& card : devices) {
    DeviceStatus status;
    status.card = std::move(card);
    devices_.push_back(std::move(status));
  }
  for (std::size_t i = 0; i < core::channel_count; ++i) {
    const auto c = static_cast<Channel>(i);
    // Until a device sends a channel: SpO2 and pulse rate wait for data, NIBP for a
    // measurement; other channels (PI, SpCO, ...) are shown as not provided by any device.
    const bool oximetry = c == Channel::spo2 || c == Channel::pulse_rate || c == Channel::pleth;
    channels_[i].absence = devices_.empty() ? Absence::no_device
                           : is_nibp(c)     ? Absence::not_measured
                           : oximetry       ? Absence::no_data
                                            : Absence::no_device;
  }
  set_profile(profile);
}

void SnapshotBuilder::set_profile(const core::AlarmProfile& profile) {
  for (std::size_t i = 0; i < core::channel_count; ++i) {
    const auto limits = mildest_limits(profile, static_cast<Channel>(i));
    channels_[i].low_limit = limits.low;
    channels_[i].high_limit = limits.high;
  }
}

SnapshotBuilder::DeviceStatus* SnapshotBuilder::device(core::DeviceId id) {
  for (auto& d : devices_) {
    if (d.card.id == id) return &d;
  }
  return nullptr;
}

double SnapshotBuilder::timeline_s(core::SteadyTime t) const {
  if (!origin_) return 0.0;
  return std::chrono::duration<double>(t - *origin_).count();
}

void SnapshotBuilder::on_reading(const core::Reading& r) {
  if (!origin_) origin_ = r.steady_time;
  if (auto* d = device(r.device)) {
    d->last_data = r.steady_time;
    d->silent = false;
  }
  if (r.channel == Channel::pleth) {
    if (pleth_.device == 0) pleth_.device = r.device;
    if (r.device != pleth_.device || !r.value) return;
    pleth_.samples.push_back(static_cast<float>(*r.value));
    keep_newest(pleth_.samples, kMaxPlethPerSnapshot);
    return;
  }
  if (r.channel == Channel::cuff_pressure) {
    nibp_.measuring = r.value.has_value();
    nibp_.cuff_pressure = r.value;
    if (auto* d = device(r.device)) d->nibp_measuring = nibp_.measuring;
    return;
  }
  ChannelView& view = channels_[static_cast<std::size_t>(r.channel)];
  view.value = r.value;
  view.flags = r.flags;
  view.device = r.device;
  view.absence = r.value ? Absence::none : absence_from_flags(r.flags);
  if (r.channel == Channel::nibp_systolic && r.value) {
    nibp_.measured_at = r.steady_time;
    nibp_.measuring = false;
    nibp_.cuff_pressure.reset();
  }
  if (r.value && is_trended(r.channel)) add_trend_point(r);
}

void SnapshotBuilder::add_trend_point(const core::Reading& r) {
  auto& last = last_trend_[static_cast<std::size_t>(r.channel)];
  if (last && r.steady_time - *last < trend_step_) return;
  last = r.steady_time;
  trend_.push_back(TrendPoint{r.channel, timeline_s(r.steady_time), *r.value});
  keep_newest(trend_, kMaxTrendPerSnapshot);
}

void SnapshotBuilder::forget_values_of(core::DeviceId device, Absence why) {
  for (std::size_t i = 0; i < core::channel_count; ++i) {
    ChannelView& v = channels_[i];
    if (v.device != device) continue;
    // A completed NIBP measurement stays on screen with its age; it is not a live value.
    if (is_nibp(static_cast<Channel>(i)) && why == Absence::no_data) continue;
    v.value.reset();
    v.absence = why;
  }
  if (pleth_.device == device) {
    pleth_.device = 0;
    pleth_.samples.clear();  // the strip restarts with whichever oximeter sends next
  }
}

void SnapshotBuilder::set_condition_text(DeviceStatus& d, const core::DeviceCondition& c) {
  auto& list = d.conditions;
  list.erase(
      std::remove_if(list.begin(), list.end(), [&](const auto& e) { return e.first == c.kind; }),
      list.end());
  if (!c.active) return;
  std::string text(core::device_condition_name(c.kind));
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!c.detail.empty()) text += ": " + std::string(c.detail);
  list.emplace_back(c.kind, std::move(text));
}

void SnapshotBuilder::on_condition(const core::DeviceCondition& c) {
  DeviceStatus* d = device(c.device);
  if (d && listed_on_card(c.kind)) set_condition_text(*d, c);
  switch (c.kind) {
    case DeviceConditionKind::connected:
      if (d) d->connected = c.active;
      break;
    case DeviceConditionKind::disconnected:
      if (d) {
        d->connected = !c.active;
        // The cuff that was measuring is gone: its measurement will never complete, so the NIBP
        // tile must not keep showing "measuring" and a stale cuff pressure.
        if (c.active && d->nibp_measuring) {
          nibp_.measuring = false;
          nibp_.cuff_pressure.reset();
        }
        d->nibp_measuring = false;
      }
      if (c.active) forget_values_of(c.device, Absence::disconnected);
      break;
    case DeviceConditionKind::no_data:
      if (d) d->silent = c.active;
      if (c.active) forget_values_of(c.device, Absence::no_data);
      break;
    case DeviceConditionKind::nibp_done:
    case DeviceConditionKind::nibp_failed:
      nibp_.measuring = false;
      nibp_.cuff_pressure.reset();
      if (d) d->nibp_measuring = false;
      if (c.kind == DeviceConditionKind::nibp_done && d) {
        core::DeviceCondition failure_over;
        failure_over.kind = DeviceConditionKind::nibp_failed;
        failure_over.active = false;
        set_condition_text(*d, failure_over);
      }
      break;
    default:
      break;
  }
}

void SnapshotBuilder::on_device_state(core::DeviceId id, std::string_view state) {
  if (auto* d = device(id)) {
    d->state = std::string(state);
    d->connected = state != "disconnected" && state != "opening";
  }
}

void SnapshotBuilder::on_alarm_event(const core::AlarmEvent& e) {
  using K = core::AlarmEventKind;
  if (e.kind != K::raised && e.kind != K::escalated) return;
  std::string label(core::alarm_condition_name(e.condition));
  std::replace(label.begin(), label.end(), '_', ' ');
  if (e.value) {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), " %.0f", *e.value);
    label += buf.data();
  }
  markers_.push_back(TrendMarker{TrendMarker::Kind::alarm, timeline_s(e.steady_time),
                                 std::move(label), e.priority});
}

void SnapshotBuilder::add_marker(TrendMarker::Kind kind, core::SteadyTime at, std::string label) {
  markers_.push_back(TrendMarker{kind, timeline_s(at), std::move(label), std::nullopt});
}

void SnapshotBuilder::set_session(const SessionInfo& info, core::SteadyTime start) {
  session_ = info;
  session_.active = true;
  origin_ = start;
  last_trend_ = {};
}

void SnapshotBuilder::clear_session() { session_ = SessionInfo{}; }

void SnapshotBuilder::set_phase(core::SessionPhase phase) { session_.phase = phase; }

ScreenSnapshot SnapshotBuilder::build(core::SteadyTime now, core::Annunciation annunciation) {
  ScreenSnapshot s;
  s.sequence = ++sequence_;
  s.now = now;
  if (!origin_) origin_ = now;
  s.now_s = timeline_s(now);
  s.channels = channels_;
  for (const auto& c : annunciation.conditions) {
    if (c.id.kind != core::AlarmConditionKind::limit &&
        c.id.kind != core::AlarmConditionKind::nibp_rise) {
      continue;
    }
    auto& alarm = s.channel(c.id.channel).alarm;
    const bool first = !alarm.priority;
    if (first || c.priority > *alarm.priority) alarm.priority = c.priority;
    alarm.acknowledged = (first || alarm.acknowledged) && c.acknowledged;
  }
  for (const auto& off : annunciation.alarms_off) s.channel(off.channel).alarm.alarm_off = true;
  s.nibp = nibp_;
  if (nibp_.measuring) {  // a tile without a value says the cuff is working, not "not measured"
    for (const Channel c : {Channel::nibp_systolic, Channel::nibp_diastolic, Channel::nibp_mean,
                            Channel::nibp_pulse_rate}) {
      if (!s.channel(c).value) s.channel(c).absence = Absence::measuring;
    }
  }
  s.pleth = std::move(pleth_);
  pleth_ = PlethBlock{};
  pleth_.device = s.pleth.device;
  if (auto* d = device(s.pleth.device)) {
    s.pleth.rate_hz = pleth_rate_hz(d->card.protocol) * d->card.time_scale;
  }
  s.trend = std::move(trend_);
  trend_.clear();
  s.markers = std::move(markers_);
  markers_.clear();
  s.annunciation = std::move(annunciation);
  for (const auto& d : devices_) {
    DeviceInfo info;
    info.id = d.card.id;
    info.name = d.card.name;
    info.identity = d.card.identity;
    info.state = d.silent && d.connected ? "silent" : d.state;
    info.connected = d.connected;
    if (d.last_data) {
      info.last_data_age =
          std::chrono::duration_cast<std::chrono::milliseconds>(now - *d.last_data);
    }
    for (const auto& [kind, text] : d.conditions) info.technical_conditions.push_back(text);
    info.accepts_nibp_command = d.card.accepts_nibp_command;
    info.nibp_measuring = d.nibp_measuring;
    s.devices.push_back(std::move(info));
  }
  s.session = session_;
  if (session_.active) {
    s.session.elapsed = std::chrono::seconds(static_cast<long long>(s.now_s));
  }
  return s;
}

}  // namespace vigil::station

#include "station.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "vigil/drivers/session_protocol.hpp"

#include "session_event_log.hpp"
#include "snapshot_builder.hpp"
#include "waveform_recording.hpp"

namespace vigil::station {
namespace {

constexpr std::chrono::milliseconds kMinSnapshotPeriod{34};  // at most 30 snapshots a second

std::vector<DeviceCard> cards_of(const std::vector<drivers::DeviceSessionConfig>& devices) {
  std::vector<DeviceCard> cards;
  for (const auto& d : devices) {
    DeviceCard card;
    card.id = d.device_id;
    card.name = d.name.empty() ? d.protocol : d.name + " (" + d.protocol + ")";
    card.identity = d.identity.describe();
    card.protocol = d.protocol;
    const auto protocol = drivers::session_protocol_for(d.protocol);
    // The NIBP module's session measures on request (the only protocol that does).
    card.accepts_nibp_command = protocol && protocol->handshake == drivers::Handshake::suntech;
    card.time_scale = d.time_scale > 0 ? d.time_scale : 1.0;
    cards.push_back(std::move(card));
  }
  return cards;
}

StationConfig with_device_ids(StationConfig config) {
  for (std::size_t i = 0; i < config.devices.size(); ++i) {
    if (config.devices[i].device_id == 0) {
      config.devices[i].device_id = static_cast<core::DeviceId>(i + 1);
    }
  }
  if (config.snapshot_period.count() != 0 && config.snapshot_period < kMinSnapshotPeriod) {
    config.snapshot_period = kMinSnapshotPeriod;
  }
  return config;
}

}  // namespace

Station::Station(StationConfig config, StationListener& listener)
    : config_(with_device_ids(std::move(config))),
      listener_(listener),
      clock_(config_.clock ? config_.clock : &drivers::system_device_clock()),
      engine_(std::make_unique<core::AlarmEngine>(config_.profile,
                                                  static_cast<core::AlarmEventSink&>(*this))),
      builder_(std::make_unique<SnapshotBuilder>(config_.profile, cards_of(config_.devices))),
      hub_(std::make_unique<drivers::DeviceHub>(static_cast<drivers::DeviceSessionListener&>(*this),
                                                *clock_, config_.discovery)) {
  for (const auto& d : config_.devices) hub_->add_device(d);
  tick_timer_ = std::make_unique<drivers::PeriodicTimer>(hub_->thread(), config_.tick_period,
                                                         [this] { on_tick(); });
  if (config_.snapshot_period.count() != 0) {
    snapshot_timer_ = std::make_unique<drivers::PeriodicTimer>(
        hub_->thread(), config_.snapshot_period, [this] { on_snapshot_timer(); });
  }
}

Station::~Station() {
  end_session();
  stop();
}

void Station::start() {
  hub_->start();
  tick_timer_->start();
  if (snapshot_timer_) snapshot_timer_->start();
}

void Station::stop() {
  if (snapshot_timer_) snapshot_timer_->stop();
  tick_timer_->stop();
  hub_->stop();
}

core::AlarmTime Station::now() const { return {clock_->steady_now(), clock_->utc_now()}; }

void Station::begin_session(SessionRecording recording) {
  end_session();
  const auto watched_file = recording.database_file;
  const db::RowId session_id = recording.session_id;
  const core::SessionPhase phase = recording.info.phase;
  std::unique_ptr<SessionEventLog> log;
  if (recording.recorder) {
    log = std::make_unique<SessionEventLog>(*recording.recorder, recording.actor,
                                            recording.session_id);
  }
  hub_->thread().run_and_wait([&] {
    recording_ = std::move(recording);
    log_ = std::move(log);
    // A new session is a new patient: the last one's pre-dose BP is no baseline for this one.
    nibp_baseline_.reset();
    engine_->clear_nibp_baseline();
    nibp_measurements_.reset();
    waveforms_.clear();
    for (const auto& d : config_.devices) {
      const double rate = pleth_rate_hz(d.protocol);
      if (rate > 0) waveforms_.emplace_back(d.device_id, rate);
    }
    if (recording_.profile) {
      replace_engine(*recording_.profile);
      builder_->set_profile(*recording_.profile);
    }
    builder_->set_session(recording_.info, clock_->steady_now() - recording_.elapsed_before);
    for (auto device : connected_) log_link(device, true, clock_->utc_now());
  });
  if (watched_file) {
    SessionRecordCallbacks follow;
    follow.on_phase = [this](core::SessionPhase p) { set_phase(p); };
    follow.on_pre_dose_bp = [this](double sys, double dia) { set_nibp_baseline(sys, dia); };
    follow.on_bp_overdue = [this](bool overdue) { set_bp_overdue(overdue); };
    follow.utc_now = [this] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 clock_->utc_now().time_since_epoch())
          .count();
    };
    record_watch_ =
        std::make_unique<SessionRecordWatch>(*watched_file, session_id, phase, std::move(follow));
  }
}

void Station::end_session() {
  record_watch_.reset();
  std::unique_ptr<SessionEventLog> log;
  db::Recorder* recorder = nullptr;
  hub_->thread().run_and_wait([&] {
    recorder = recording_.recorder;
    if (recorder) {
      for (auto& w : waveforms_) w.flush(*recorder, recording_.session_id);
    }
    waveforms_.clear();
    log = std::move(log_);
    recording_ = SessionRecording{};
    builder_->clear_session();
    if (bp_overdue_) {  // a checkpoint of the session that ended asks nothing of the next
      engine_->set_external_condition(core::TechnicalCondition::bp_overdue, false, now());
      bp_overdue_ = false;
    }
  });
  if (log) log->close_open(clock_->utc_now());
  if (recorder) recorder->flush();
}

void Station::on_reading(const core::Reading& r) {
  ++counters_.readings;
  engine_->on_reading(r);
  builder_->on_reading(r);
  if (!recording_.recorder) return;
  if (r.channel == core::Channel::pleth) {
    for (auto& w : waveforms_) {
      if (w.device() == r.device) w.add(r, *recording_.recorder, recording_.session_id);
    }
    return;
  }
  if (r.channel == core::Channel::cuff_pressure) return;  // transient, not a vital sign
  if (log_) {
    if (const auto bp = nibp_measurements_.add(r)) log_->submit(*bp);
  }
  if (!recording_.recorder->record_reading(recording_.session_id, r)) {
    ++counters_.vitals_not_queued;
  }
}

void Station::replace_engine(const core::AlarmProfile& profile) {
  const core::SessionPhase phase = engine_->phase();
  engine_ = std::make_unique<core::AlarmEngine>(profile, static_cast<core::AlarmEventSink&>(*this),
                                                phase);
  // The new engine learns what the old one was told and a driver does not repeat: the device
  // conditions in force (a device already silent, a sensor off, a low battery) from when they
  // began, the NIBP baseline, and the links down now. Readings bring the values within a second.
  for (auto& known : conditions_in_force_) {
    known.condition.detail = known.detail;
    engine_->on_device_condition(known.condition);
  }
  if (nibp_baseline_) engine_->set_nibp_baseline(nibp_baseline_->first, nibp_baseline_->second);
  const core::AlarmTime t = now();
  if (bp_overdue_) engine_->set_external_condition(core::TechnicalCondition::bp_overdue, true, t);
  for (const auto& d : config_.devices) {
    if (std::find(connected_.begin(), connected_.end(), d.device_id) != connected_.end()) continue;
    core::DeviceCondition down;
    down.kind = core::DeviceConditionKind::disconnected;
    down.device = d.device_id;
    down.steady_time = t.steady;
    down.utc_time = t.utc;
    engine_->on_device_condition(down);
  }
}

void Station::log_link(core::DeviceId device, bool connected, core::UtcTime at) {
  if (!log_) return;
  for (const auto& d : config_.devices) {
    if (d.device_id != device) continue;
    log_->submit(SessionEventLog::DeviceLink{device, d.protocol, d.identity.value,
                                             d.identity.describe(), connected, at});
  }
}

void Station::on_condition(const core::DeviceCondition& c) {
  ++counters_.device_conditions;
  const bool link_up = c.kind == core::DeviceConditionKind::connected && c.active;
  const bool link_down = c.kind == core::DeviceConditionKind::disconnected && c.active;
  if (link_up || link_down) {
    const auto known = std::find(connected_.begin(), connected_.end(), c.device);
    if (link_up && known == connected_.end()) connected_.push_back(c.device);
    if (link_down && known != connected_.end()) connected_.erase(known);
    log_link(c.device, link_up, c.utc_time);
  } else {
    // A completed measurement ends an NIBP failure (as in the engine); "done" is an event, not
    // a state to replay.
    const bool done = c.kind == core::DeviceConditionKind::nibp_done;
    const auto ended = done ? core::DeviceConditionKind::nibp_failed : c.kind;
    auto& in_force = conditions_in_force_;
    in_force.erase(std::remove_if(in_force.begin(), in_force.end(),
                                  [&](const ConditionInForce& known) {
                                    return known.condition.device == c.device &&
                                           known.condition.kind == ended;
                                  }),
                   in_force.end());
    if (c.active && !done) in_force.push_back({c, std::string(c.detail)});
  }
  engine_->on_device_condition(c);
  builder_->on_condition(c);
  listener_.on_device_condition(c);
}

void Station::on_state(core::DeviceId device, drivers::SessionState /*from*/,
                       drivers::SessionState to, std::string_view /*reason*/) {
  builder_->on_device_state(device, drivers::session_state_name(to));
}

void Station::on_alarm_event(const core::AlarmEvent& e) {
  ++counters_.alarm_events;
  builder_->on_alarm_event(e);
  if (log_) log_->submit(e);
  listener_.on_alarm_event(e);
}

void Station::on_tick() { engine_->tick(now()); }

void Station::on_snapshot_timer() {
  const core::AlarmTime t = now();
  engine_->tick(t);  // the annunciation shown is up to date (e.g. the end of an audio pause)
  ++counters_.snapshots;
  listener_.on_snapshot(builder_->build(t.steady, engine_->annunciation(t.steady)));
}

void Station::acknowledge_all(const std::string& who) {
  hub_->thread().post([this, who] { engine_->acknowledge_all(now(), who); });
}

void Station::pause_audio(const std::string& who) {
  hub_->thread().post([this, who] { engine_->pause_audio(now(), who); });
}

bool Station::request_nibp(core::DeviceId device) { return hub_->request_nibp(device); }

void Station::audio_burst_played(core::AlarmPriority priority, core::SteadyTime burst_start) {
  hub_->thread().post(
      [this, priority, burst_start] { engine_->audio_burst_played(priority, burst_start); });
}

void Station::set_phase(core::SessionPhase phase) {
  hub_->thread().post([this, phase] {
    engine_->set_phase(phase, now());
    builder_->set_phase(phase);
  });
}

void Station::add_marker(TrendMarker::Kind kind, core::SteadyTime at, std::string label) {
  hub_->thread().post([this, kind, at, label = std::move(label)]() mutable {
    builder_->add_marker(kind, at, std::move(label));
  });
}

void Station::set_nibp_baseline(double systolic_mmhg, double diastolic_mmhg) {
  hub_->thread().post([this, systolic_mmhg, diastolic_mmhg] {
    nibp_baseline_ = std::pair{systolic_mmhg, diastolic_mmhg};
    engine_->set_nibp_baseline(systolic_mmhg, diastolic_mmhg);
  });
}

void Station::set_bp_overdue(bool overdue) {
  hub_->thread().post([this, overdue] {
    engine_->set_external_condition(core::TechnicalCondition::bp_overdue, overdue, now());
    bp_overdue_ = overdue;
  });
}

void Station::report_recorder_condition(const core::DeviceCondition& c) {
  hub_->thread().post([this, c] {
    engine_->set_external_condition(core::TechnicalCondition::recording_behind, c.active, now());
    builder_->on_condition(c);
  });
}

StationCounters Station::counters() const {
  StationCounters out;
  hub_->thread().run_and_wait([&] { out = counters_; });
  return out;
}

}  // namespace vigil::station

#include "session_event_log.hpp"

#include <cstdio>
#include <exception>
#include <utility>
#include <vector>

#include "alarm_event_text.hpp"
#include "vigil/db/alarm_event_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::station {
namespace {

db::UtcMs to_ms(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// Technical conditions are per device: two oximeters each have their own "sensor_off".
std::string condition_key(const core::AlarmConditionId& id) {
  std::string key(core::alarm_condition_name(id));
  if (id.kind == core::AlarmConditionKind::technical) key += "#" + std::to_string(id.device);
  return key;
}

}  // namespace

SessionEventLog::SessionEventLog(db::Recorder& recorder, db::Actor actor, db::RowId session_id)
    : recorder_(recorder),
      actor_(std::move(actor)),
      session_id_(session_id),
      worker_([this] { run(); }) {}

SessionEventLog::~SessionEventLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void SessionEventLog::submit(const core::AlarmEvent& e) {
  {
    std::lock_guard lock(mutex_);
    Entry entry;
    entry.event = e;
    entry.who = std::string(e.who);
    entry.detail = std::string(e.detail);
    entry.event.who = {};  // the views point into the caller's text: kept as owned copies
    entry.event.detail = {};
    queue_.push_back(std::move(entry));
  }
  wake_.notify_one();
}

void SessionEventLog::submit(DeviceLink link) {
  {
    std::lock_guard lock(mutex_);
    Entry entry;
    entry.event.utc_time = link.at;
    entry.link = std::move(link);
    queue_.push_back(std::move(entry));
  }
  wake_.notify_one();
}

void SessionEventLog::submit(const NibpMeasurement& measurement) {
  {
    std::lock_guard lock(mutex_);
    Entry entry;
    entry.event.utc_time = measurement.at;
    entry.bp = measurement;
    queue_.push_back(std::move(entry));
  }
  wake_.notify_one();
}

void SessionEventLog::close_open(core::UtcTime end) {
  {
    std::lock_guard lock(mutex_);
    Entry entry;
    entry.event.utc_time = end;
    entry.close_all = true;
    queue_.push_back(std::move(entry));
  }
  wake_.notify_one();
  flush();
}

void SessionEventLog::flush() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

SessionEventLogCounters SessionEventLog::counters() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

void SessionEventLog::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) {
      if (stopping_) return;
      continue;
    }
    Entry entry = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    bool ok = true;
    try {
      write(session_id_, entry);
    } catch (const std::exception& ex) {
      ok = false;
      std::fprintf(stderr, "vigil: session event not recorded (%s): %s\n",
                   entry.link ? ("device " + std::to_string(entry.link->device) + " link").c_str()
                   : entry.bp ? ("device " + std::to_string(entry.bp->device) + " NIBP").c_str()
                              : alarm_event_text(entry.event).c_str(),
                   ex.what());
    }
    lock.lock();
    busy_ = false;
    ++(ok ? counters_.written : counters_.failed);
    if (queue_.empty()) idle_.notify_all();
  }
}

void SessionEventLog::write_link(db::RowId session, const DeviceLink& link) {
  const db::UtcMs at = to_ms(link.at);
  const auto open = links_.find(link.device);
  if (link.connected) {
    if (open != links_.end()) return;  // already open
    db::NewDeviceConnection c;
    c.session_id = session;
    c.family = link.family;
    c.port = link.port;
    c.identity = link.identity;
    c.connected_utc_ms = at;
    links_[link.device] = recorder_.run_clinical(
        [&](db::Store& store) { return db::record_device_connected(store, actor_, c, at); });
  } else if (open != links_.end()) {
    recorder_.run_clinical([&](db::Store& store) {
      db::record_device_disconnected(store, actor_, open->second, at, at);
    });
    links_.erase(open);
  }
}

void SessionEventLog::write(db::RowId session, const Entry& entry) {
  if (entry.close_all) {
    write_close_all(to_ms(entry.event.utc_time));
  } else if (entry.link) {
    write_link(session, *entry.link);
  } else if (entry.bp) {
    write_bp(session, *entry.bp);
  } else {
    write_alarm(session, entry.event);
  }
}

void SessionEventLog::write_bp(db::RowId session, const NibpMeasurement& m) {
  const db::UtcMs at = to_ms(m.at);
  const db::BpObservation bp{session,          at,          m.systolic_mmhg,
                             m.diastolic_mmhg, m.mean_mmhg, core::BpSource::device};
  recorder_.run_clinical([&](db::Store& store) { db::record_bp(store, actor_, bp, at); });
}

void SessionEventLog::write_close_all(db::UtcMs at) {
  std::vector<db::RowId> rows;
  for (const auto& [key, alarm] : open_) rows.push_back(alarm.row);
  std::vector<db::RowId> links;
  for (const auto& [device, row] : links_) links.push_back(row);
  open_.clear();
  cleared_.clear();
  links_.clear();
  recorder_.run_clinical([&](db::Store& store) {
    for (auto row : rows) db::record_alarm_end(store, actor_, row, at, at);
    for (auto row : links) db::record_device_disconnected(store, actor_, row, at, at);
  });
}

void SessionEventLog::write_alarm(db::RowId session, const core::AlarmEvent& e) {
  using K = core::AlarmEventKind;
  const db::UtcMs at = to_ms(e.utc_time);
  const std::string key = condition_key(e.condition);
  switch (e.kind) {
    case K::raised:
      write_raised(session, key, e, at);
      break;
    case K::escalated:
      write_escalated(key, e, at);
      break;
    case K::cleared:
      write_cleared(key, at);
      break;
    case K::acknowledged:
      write_acknowledged(key, at);
      break;
    case K::latched_cleared:
      cleared_.erase(key);
      break;
    case K::audio_paused: {
      std::vector<db::RowId> rows;
      for (const auto& [k, alarm] : open_) rows.push_back(alarm.row);
      recorder_.run_clinical([&](db::Store& store) {
        for (auto row : rows) db::pause_alarm_audio(store, actor_, row, at);
      });
      break;
    }
    default:  // de-escalated, resumed, alarm off/on/reminder: not rows of the alarm log
      break;
  }
}

void SessionEventLog::write_raised(db::RowId session, const std::string& key,
                                   const core::AlarmEvent& e, db::UtcMs at) {
  db::NewAlarmEvent row;
  row.session_id = session;
  row.condition = std::string(core::alarm_condition_name(e.condition));
  if (e.condition.kind == core::AlarmConditionKind::technical && e.device != 0) {
    row.condition += " (device " + std::to_string(e.device) + ")";
  }
  row.priority = e.priority.value_or(core::AlarmPriority::medium);
  row.start_utc_ms = at;
  if (e.limit) row.limit_in_force = limit_text(e.condition.channel, *e.limit);
  row.triggering_value = e.value;
  cleared_.erase(key);  // a new episode
  const db::RowId id = recorder_.run_clinical(
      [&](db::Store& store) { return db::record_alarm_start(store, actor_, row, at); });
  open_[key] = OpenAlarm{id, row.priority};
}

// The row keeps the episode's worst: its priority, limit and value. A de-escalation changes
// nothing there (the engine's events say when it eased).
void SessionEventLog::write_escalated(const std::string& key, const core::AlarmEvent& e,
                                      db::UtcMs at) {
  const auto open = open_.find(key);
  if (open == open_.end() || !e.priority || *e.priority <= open->second.peak) return;
  open->second.peak = *e.priority;
  std::optional<std::string> limit;
  if (e.limit) limit = limit_text(e.condition.channel, *e.limit);
  recorder_.run_clinical([&](db::Store& store) {
    db::record_alarm_escalation(store, actor_, open->second.row, *e.priority, limit, e.value, at);
  });
}

void SessionEventLog::write_cleared(const std::string& key, db::UtcMs at) {
  const auto open = open_.find(key);
  if (open == open_.end()) return;
  recorder_.run_clinical(
      [&](db::Store& store) { db::record_alarm_end(store, actor_, open->second.row, at, at); });
  cleared_[key] = open->second.row;  // a latched condition is acknowledged after it ends
  open_.erase(open);
}

void SessionEventLog::write_acknowledged(const std::string& key, db::UtcMs at) {
  db::RowId row = 0;
  if (const auto open = open_.find(key); open != open_.end()) {
    row = open->second.row;
  } else if (const auto ended = cleared_.find(key); ended != cleared_.end()) {
    row = ended->second;
  }
  if (row == 0) return;
  recorder_.run_clinical([&](db::Store& store) { db::acknowledge_alarm(store, actor_, row, at); });
}

}  // namespace vigil::station

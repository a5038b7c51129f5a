#pragma once
// Writes the station's session events into the database without ever blocking the acquisition
// thread: the alarm engine's events (db/alarm_event_store) and device connections
// (db/site_store). submit() copies into a queue and returns; a worker thread hands each entry
// to the recorder as a clinical task (committed, audited) in order.
// One row per condition episode: raised opens it (limit in force, triggering value), an
// escalation above the row's priority sets the episode's worst (priority, limit, value; a
// de-escalation leaves it), cleared closes it, acknowledged (also of a latched condition after it
// cleared) and audio_paused mark it.
// A device connection row opens when the device's port opens and closes when it is lost.
// A completed NIBP measurement becomes a BP observation (db::record_bp, source device).
// Clinical records are never dropped: the queue is unbounded (these events are rare).

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "nibp_measurement.hpp"
#include "vigil/core/alarm_event.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::station {

struct SessionEventLogCounters {
  std::uint64_t written = 0;  // events written to the database
  std::uint64_t failed = 0;   // events the database refused (logged to stderr)
};

class SessionEventLog {
 public:
  // `recorder` must outlive the log. `actor` is the user the station records for.
  SessionEventLog(db::Recorder& recorder, db::Actor actor, db::RowId session_id);
  ~SessionEventLog();  // writes what is queued, then joins
  SessionEventLog(const SessionEventLog&) = delete;
  SessionEventLog& operator=(const SessionEventLog&) = delete;

  void submit(const core::AlarmEvent& e);  // any thread; never waits for the database
  // A device's port opened (connected) or was lost; any thread.
  struct DeviceLink {
    core::DeviceId device = 0;
    std::string family;    // protocol, e.g. "nonin-df2"
    std::string port;      // path or identity as configured
    std::string identity;  // identity text (serial number, by-id link)
    bool connected = false;
    core::UtcTime at{};
  };
  void submit(DeviceLink link);
  // A completed NIBP measurement from a device: recorded as the session's BP observation
  // (source device), which meets the checkpoint it falls in; any thread.
  void submit(const NibpMeasurement& measurement);
  void flush();  // returns once every submitted event is written
  // Closes the rows of conditions still open at `end` (monitoring stopped); then flushes.
  void close_open(core::UtcTime end);
  SessionEventLogCounters counters() const;

 private:
  struct Entry {
    core::AlarmEvent event;
    std::string who;  // owned copies of the event's views
    std::string detail;
    bool close_all = false;
    std::optional<DeviceLink> link;
    std::optional<NibpMeasurement> bp;
  };
  void run();
  void write(db::RowId session, const Entry& entry);           // worker thread
  void write_link(db::RowId session, const DeviceLink& link);  // worker thread
  void write_bp(db::RowId session, const NibpMeasurement& m);  // worker thread
  // The worker thread's steps of write(): one alarm log change each.
  void write_close_all(db::UtcMs at);
  void write_alarm(db::RowId session, const core::AlarmEvent& e);
  void write_raised(db::RowId session, const std::string& key, const core::AlarmEvent& e,
                    db::UtcMs at);
  void write_escalated(const std::string& key, const core::AlarmEvent& e, db::UtcMs at);
  void write_cleared(const std::string& key, db::UtcMs at);
  void write_acknowledged(const std::string& key, db::UtcMs at);

  db::Recorder& recorder_;
  db::Actor actor_;
  db::RowId session_id_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Entry> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  SessionEventLogCounters counters_;
  struct OpenAlarm {
    db::RowId row = 0;
    core::AlarmPriority peak = core::AlarmPriority::low;  // the highest priority on the row
  };
  std::map<std::string, OpenAlarm> open_;  // condition key -> alarm row (worker thread)
  // Cleared rows a latched condition may still be acknowledged on (worker thread); the next
  // raise of the same condition or its latched_cleared removes the entry.
  std::map<std::string, db::RowId> cleared_;
  std::map<core::DeviceId, db::RowId> links_;  // device -> open connection row (worker)
  std::thread worker_;
};

}  // namespace vigil::station

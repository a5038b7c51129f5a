#pragma once
// Writes the alarm engine's events into the session's alarm log (db/alarm_event_store) without
// ever blocking the acquisition thread: submit() copies the event into a queue and returns; a
// worker thread hands each one to the recorder as a clinical task (committed, audited) in order.
// One row per condition episode: raised opens it (limit in force, triggering value), escalated
// and de_escalated change its priority, cleared closes it, acknowledged and audio_paused mark it.
// Clinical records are never dropped: the queue is unbounded (alarm events are rare).

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "vigil/core/alarm_event.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::station {

struct AlarmEventLogCounters {
  std::uint64_t written = 0;  // events written to the database
  std::uint64_t failed = 0;   // events the database refused (logged to stderr)
};

class AlarmEventLog {
 public:
  // `recorder` must outlive the log. `actor` is the user the station records for.
  AlarmEventLog(db::Recorder& recorder, db::Actor actor, db::RowId session_id);
  ~AlarmEventLog();  // writes what is queued, then joins
  AlarmEventLog(const AlarmEventLog&) = delete;
  AlarmEventLog& operator=(const AlarmEventLog&) = delete;

  void submit(const core::AlarmEvent& e);  // any thread; never waits for the database
  void flush();                            // returns once every submitted event is written
  // Closes the rows of conditions still open at `end` (monitoring stopped); then flushes.
  void close_open(core::UtcTime end);
  AlarmEventLogCounters counters() const;

 private:
  struct Entry {
    core::AlarmEvent event;
    std::string who;  // owned copies of the event's views
    std::string detail;
    bool close_all = false;
  };
  void run();
  void write(db::RowId session, const Entry& entry);  // worker thread

  db::Recorder& recorder_;
  db::Actor actor_;
  db::RowId session_id_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Entry> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  AlarmEventLogCounters counters_;
  std::map<std::string, db::RowId> open_;  // condition key -> alarm row (worker thread)
  std::thread worker_;
};

}  // namespace vigil::station

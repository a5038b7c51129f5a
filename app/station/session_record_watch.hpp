#pragma once
// Follows what the alarm engine needs from a session's record in the database file. Phases and
// observations are written through the store (db::advance_session, db::record_bp) by whoever
// documents the session: this station's form, another workstation or vigilctl. The engine needs
//   - the phase: technical priorities depend on it (SpO2 sensor off / no data: medium during
//     dosing and observation, low otherwise; docs/clinical.md);
//   - the pre-dose BP: the baseline of the NIBP rise rule (>= 40/25 mmHg over it);
//   - whether a BP checkpoint is overdue: the bp_overdue technical condition.
// A read-only connection of its own, polled on a thread of its own: in WAL mode reading never
// blocks the recorder, and the acquisition thread never waits on disk.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "vigil/core/session_phase.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::station {

struct SessionRecordCallbacks {
  std::function<void(core::SessionPhase)> on_phase;
  // The newest BP observation taken in the pre_dose phase (systolic, diastolic mmHg).
  std::function<void(double, double)> on_pre_dose_bp;
  // A BP checkpoint passed its deadline unmet (true), or the BP it asked for was taken since
  // (false): the bp_overdue technical condition. The alarm engine raises it once it has lasted
  // the profile's bp_overdue delay, so the margin after the deadline is applied once.
  std::function<void(bool)> on_bp_overdue;
  // The clock checkpoints are judged by (the station's; null: the system clock).
  std::function<db::UtcMs()> utc_now;
};

class SessionRecordWatch {
 public:
  // Calls back (on the watch's thread) each time the session's phase differs from the last one
  // seen, starting from `known`, and each time its pre-dose BP is first seen or changes. A
  // database that cannot be read now is tried again at the next poll.
  SessionRecordWatch(std::filesystem::path db_file, db::RowId session_id, core::SessionPhase known,
                     SessionRecordCallbacks callbacks,
                     std::chrono::milliseconds period = std::chrono::seconds(1));
  ~SessionRecordWatch();  // stops and joins
  SessionRecordWatch(const SessionRecordWatch&) = delete;
  SessionRecordWatch& operator=(const SessionRecordWatch&) = delete;

 private:
  void run();
  db::UtcMs utc_now() const;

  std::filesystem::path db_file_;
  db::RowId session_id_;
  core::SessionPhase phase_;
  std::optional<std::pair<double, double>> pre_dose_bp_;
  bool bp_overdue_ = false;
  SessionRecordCallbacks callbacks_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigil::station

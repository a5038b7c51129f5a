#pragma once
// Follows a session's phase in the database file. Phases are advanced through the store
// (db::advance_session) by whoever documents the session: this station's form, another
// workstation or vigilctl. The alarm engine's technical priorities depend on the phase (SpO2
// sensor off / no data: medium during dosing and observation, low otherwise; clinical.md), so
// the station must follow it. A read-only connection of its own, polled on a thread of its own:
// in WAL mode reading never blocks the recorder, and the acquisition thread never waits on disk.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "vigil/core/session_phase.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::station {

class SessionPhaseWatch {
 public:
  // Calls `on_change` (on the watch's thread) each time the session's phase differs from the
  // last one seen, starting from `known`. A database that cannot be read now is tried again
  // at the next poll.
  SessionPhaseWatch(std::filesystem::path db_file, db::RowId session_id, core::SessionPhase known,
                    std::function<void(core::SessionPhase)> on_change,
                    std::chrono::milliseconds period = std::chrono::seconds(1));
  ~SessionPhaseWatch();  // stops and joins
  SessionPhaseWatch(const SessionPhaseWatch&) = delete;
  SessionPhaseWatch& operator=(const SessionPhaseWatch&) = delete;

 private:
  void run();

  std::filesystem::path db_file_;
  db::RowId session_id_;
  core::SessionPhase last_;
  std::function<void(core::SessionPhase)> on_change_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigil::station

#include "session_record_watch.hpp"

#include <memory>

#include "vigil/db/session_reader.hpp"

namespace vigil::station {
namespace {

const db::SystemIdentity kWatchIdentity{"station record watch"};

}  // namespace

SessionRecordWatch::SessionRecordWatch(std::filesystem::path db_file, db::RowId session_id,
                                       core::SessionPhase known, SessionRecordCallbacks callbacks,
                                       std::chrono::milliseconds period)
    : db_file_(std::move(db_file)),
      session_id_(session_id),
      phase_(known),
      callbacks_(std::move(callbacks)),
      period_(period),
      thread_([this] { run(); }) {}

SessionRecordWatch::~SessionRecordWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SessionRecordWatch::run() {
  std::optional<db::Store> store;
  std::unique_lock lock(mutex_);
  // The first look is at once (the baseline may already be on record), then every period.
  auto wait = std::chrono::milliseconds(0);
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    wait = period_;
    lock.unlock();
    db::SessionWatchState s;
    try {
      if (!store) store = db::Store::open(db_file_, db::OpenMode::read_only);
      // No grace here: the engine's bp_overdue delay is the margin (see the header).
      s = db::read_session_watch_state(*store, kWatchIdentity, session_id_, utc_now(),
                                       std::chrono::milliseconds(0));
    } catch (const std::exception&) {
      store.reset();  // busy, moved or being replaced: open it again at the next poll
    }
    if (s.phase && *s.phase != phase_) {
      phase_ = *s.phase;
      if (callbacks_.on_phase) callbacks_.on_phase(phase_);
    }
    if (s.pre_dose_bp && s.pre_dose_bp != pre_dose_bp_) {
      pre_dose_bp_ = s.pre_dose_bp;
      if (callbacks_.on_pre_dose_bp)
        callbacks_.on_pre_dose_bp(s.pre_dose_bp->first, s.pre_dose_bp->second);
    }
    if (s.phase && s.bp_overdue != bp_overdue_) {
      bp_overdue_ = s.bp_overdue;
      if (callbacks_.on_bp_overdue) callbacks_.on_bp_overdue(bp_overdue_);
    }
    lock.lock();
  }
}

db::UtcMs SessionRecordWatch::utc_now() const {
  if (callbacks_.utc_now) return callbacks_.utc_now();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace vigil::station

#include "session_record_watch.hpp"

#include <SQLiteCpp/Statement.h>

#include <memory>

#include "vigil/db/database.hpp"

namespace vigil::station {
namespace {

struct RecordState {
  std::optional<core::SessionPhase> phase;
  std::optional<std::pair<double, double>> pre_dose_bp;
};

RecordState read_state(SQLite::Database& db, db::RowId session_id) {
  RecordState s;
  SQLite::Statement phase(db, "SELECT phase FROM sessions WHERE id = ?");
  phase.bind(1, session_id);
  if (phase.executeStep()) s.phase = core::session_phase_from_name(phase.getColumn(0).getString());
  SQLite::Statement bp(db,
                       "SELECT systolic_mmhg, diastolic_mmhg FROM observations WHERE "
                       "session_id = ? AND kind = 'bp' AND phase = 'pre_dose' "
                       "ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  bp.bind(1, session_id);
  if (bp.executeStep()) s.pre_dose_bp = {bp.getColumn(0).getDouble(), bp.getColumn(1).getDouble()};
  return s;
}

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
  std::unique_ptr<SQLite::Database> db;
  std::unique_lock lock(mutex_);
  // The first look is at once (the baseline may already be on record), then every period.
  auto wait = std::chrono::milliseconds(0);
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    wait = period_;
    lock.unlock();
    RecordState s;
    try {
      if (!db) {
        db = std::make_unique<SQLite::Database>(
            db::open_database(db_file_, db::OpenMode::read_only));
      }
      s = read_state(*db, session_id_);
    } catch (const std::exception&) {
      db.reset();  // busy, moved or being replaced: open it again at the next poll
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
    lock.lock();
  }
}

}  // namespace vigil::station

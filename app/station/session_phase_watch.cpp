#include "session_phase_watch.hpp"

#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <utility>

#include "vigil/db/database.hpp"

namespace vigil::station {

SessionPhaseWatch::SessionPhaseWatch(std::filesystem::path db_file, db::RowId session_id,
                                     core::SessionPhase known,
                                     std::function<void(core::SessionPhase)> on_change,
                                     std::chrono::milliseconds period)
    : db_file_(std::move(db_file)),
      session_id_(session_id),
      last_(known),
      on_change_(std::move(on_change)),
      period_(period),
      thread_([this] { run(); }) {}

SessionPhaseWatch::~SessionPhaseWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SessionPhaseWatch::run() {
  std::unique_ptr<SQLite::Database> db;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
    lock.unlock();
    std::optional<core::SessionPhase> phase;
    try {
      if (!db) {
        db = std::make_unique<SQLite::Database>(
            db::open_database(db_file_, db::OpenMode::read_only));
      }
      SQLite::Statement q(*db, "SELECT phase FROM sessions WHERE id = ?");
      q.bind(1, session_id_);
      if (q.executeStep()) phase = core::session_phase_from_name(q.getColumn(0).getString());
    } catch (const std::exception&) {
      db.reset();  // busy, moved or being replaced: open it again at the next poll
    }
    if (phase && *phase != last_) {
      last_ = *phase;
      on_change_(*phase);
    }
    lock.lock();
  }
}

}  // namespace vigil::station

// The recorder's writer thread: batches vitals into transactions with prepared statements
// (bound in place from the ring slots, no allocation per row) and runs clinical tasks between
// batches.

#include <sqlite3.h>

#include <bit>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "recorder_state.hpp"

namespace vigil::db {
namespace {

using Clock = std::chrono::steady_clock;

// How long the writer sleeps when there is nothing to write (producers wake it earlier when a
// ring fills up, clinical tasks always do).
constexpr std::chrono::milliseconds kIdlePoll{50};

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

[[noreturn]] void fail(sqlite3* db, const char* what) {
  throw std::runtime_error(std::string("recorder: ") + what + ": " + sqlite3_errmsg(db));
}

Statement prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) {
    fail(db, "prepare");
  }
  return Statement(st);
}

// One open vitals transaction at a time.
class VitalsBatch {
 public:
  VitalsBatch(detail::RecorderState& s)
      : s_(s),
        db_(s.db.getHandle()),
        begin_(prepare(db_, "BEGIN")),
        commit_(prepare(db_, "COMMIT")),
        numeric_(prepare(db_,
                         "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags, "
                         "device_id) VALUES (?,?,?,?,?,?)")),
        block_(prepare(db_,
                       "INSERT INTO waveform_blocks (session_id, channel, start_utc_ms, "
                       "sample_rate_hz, samples) VALUES (?,?,?,?,?)")) {
    blob_.reserve(kMaxWaveformBlockSamples * 2);
  }

  bool open() const { return open_; }
  std::size_t rows() const { return rows_ + blocks_; }
  bool old() const { return open_ && Clock::now() - opened_at_ >= s_.options.commit_interval; }
  Clock::time_point deadline() const { return opened_at_ + s_.options.commit_interval; }

  void add(const detail::NumericSlot& r) {
    begin();
    sqlite3_stmt* st = numeric_.get();
    const auto name = core::channel_name(r.channel);
    sqlite3_bind_int64(st, 1, r.session_id);
    sqlite3_bind_text(st, 2, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, r.t_utc_ms);
    if (r.has_value) {
      sqlite3_bind_double(st, 4, r.value);
    } else {
      sqlite3_bind_null(st, 4);
    }
    sqlite3_bind_int64(st, 5, r.flags);
    sqlite3_bind_int(st, 6, r.device);
    if (step(st)) ++rows_;
  }

  void add(const detail::WaveformSlot& b) {
    begin();
    blob_.resize(std::size_t{b.count} * 2);
    for (std::size_t i = 0; i < b.count; ++i) {  // int16 little-endian on every host
      const auto v = static_cast<std::uint16_t>(b.samples[i]);
      blob_[2 * i] = static_cast<unsigned char>(v & 0xff);
      blob_[2 * i + 1] = static_cast<unsigned char>(v >> 8);
    }
    sqlite3_stmt* st = block_.get();
    const auto name = core::channel_name(b.channel);
    sqlite3_bind_int64(st, 1, b.session_id);
    sqlite3_bind_text(st, 2, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, b.start_utc_ms);
    sqlite3_bind_double(st, 4, b.sample_rate_hz);
    sqlite3_bind_blob(st, 5, blob_.data(), static_cast<int>(blob_.size()), SQLITE_STATIC);
    if (step(st)) ++blocks_;
  }

  void commit() {
    if (!open_) return;
    open_ = false;
    const int rc = sqlite3_step(commit_.get());
    sqlite3_reset(commit_.get());
    if (rc != SQLITE_DONE) fail(db_, "commit");  // the caller rolls back
    s_.rows_written.fetch_add(rows_, std::memory_order_relaxed);
    s_.blocks_written.fetch_add(blocks_, std::memory_order_relaxed);
    s_.batches.fetch_add(1, std::memory_order_relaxed);
    rows_ = blocks_ = 0;
  }

  // After a database error: the batch is lost, recording goes on.
  void rollback() {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    open_ = false;
    rows_ = blocks_ = 0;
    s_.failed_batches.fetch_add(1, std::memory_order_relaxed);
  }

 private:
  void begin() {
    if (open_) return;
    const int rc = sqlite3_step(begin_.get());
    sqlite3_reset(begin_.get());
    if (rc != SQLITE_DONE) fail(db_, "begin");
    open_ = true;
    opened_at_ = Clock::now();
  }

  // True when inserted; a row the schema refuses (an unknown session) is counted and skipped
  // without aborting the batch; any other error throws.
  bool step(sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return true;
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
      s_.rejected.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    fail(db_, "insert");
  }

  detail::RecorderState& s_;
  sqlite3* db_;
  Statement begin_, commit_, numeric_, block_;
  std::vector<unsigned char> blob_;
  bool open_ = false;
  Clock::time_point opened_at_{};
  std::size_t rows_ = 0;
  std::size_t blocks_ = 0;
};

// Moves what the rings hold now (at most one ring's worth) into the batch, committing every
// batch_rows rows. Returns the number of items taken.
std::size_t drain(detail::RecorderState& s, VitalsBatch& batch) {
  std::size_t taken = 0;
  const auto add = [&](const auto& slot) {
    batch.add(slot);
    if (batch.rows() >= s.options.batch_rows) batch.commit();
  };
  for (std::size_t i = 0; i < s.readings.capacity() && s.readings.try_pop(add); ++i) ++taken;
  for (std::size_t i = 0; i < s.blocks.capacity() && s.blocks.try_pop(add); ++i) ++taken;
  return taken;
}

// Vitals survive a database error in a later batch; the failed batch is counted.
std::size_t drain_and_maybe_commit(detail::RecorderState& s, VitalsBatch& batch,
                                   bool force_commit) {
  std::size_t taken = 0;
  try {
    taken = drain(s, batch);
    if (force_commit || batch.old()) batch.commit();
  } catch (const std::exception&) {
    batch.rollback();
  }
  return taken;
}

void run_clinical_tasks(detail::RecorderState& s, std::deque<detail::ClinicalTask*>& tasks) {
  sqlite3* handle = s.db.getHandle();
  for (detail::ClinicalTask* t : tasks) {
    try {
      t->fn(s.db);
      if (!sqlite3_get_autocommit(handle)) {
        sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
        throw std::logic_error("Recorder: a clinical task left a transaction open");
      }
    } catch (...) {
      if (!sqlite3_get_autocommit(handle)) {
        sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
      }
      t->error = std::current_exception();
    }
    s.clinical_tasks.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(s.mu);
    t->done = true;
  }
  s.done.notify_all();
}

}  // namespace

void detail::RecorderState::writer_main() {
  VitalsBatch batch(*this);
  for (;;) {
    std::deque<detail::ClinicalTask*> tasks;
    bool stop_now = false;
    {
      std::lock_guard lock(mu);
      tasks.swap(clinical);
      stop_now = stopping;
    }
    if (!tasks.empty()) {
      // Vitals queued before the clinical record go in first: time order is kept.
      drain_and_maybe_commit(*this, batch, true);
      run_clinical_tasks(*this, tasks);
      continue;
    }
    const std::size_t taken = drain_and_maybe_commit(*this, batch, stop_now);
    if (taken > 0) continue;

    int raised = detail::kRaised;  // the rings are drained: recording caught up
    if (behind.compare_exchange_strong(raised, detail::kFlowing, std::memory_order_acq_rel)) {
      report(false);
    }
    std::unique_lock lock(mu);
    if (!clinical.empty()) continue;
    if (stopping) {
      if (stop_now) return;  // drained and committed after stopping was seen
      continue;
    }
    const auto until = batch.open() ? std::min(batch.deadline(), Clock::now() + kIdlePoll)
                                    : Clock::now() + kIdlePoll;
    writer_waiting.store(true, std::memory_order_relaxed);
    wake.wait_until(lock, until);
    writer_waiting.store(false, std::memory_order_relaxed);
  }
}

}  // namespace vigil::db

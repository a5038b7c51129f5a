#include "vitals_batch.hpp"

#include <string>

#include "vigil/db/channel_code.hpp"

namespace vigil::db::detail {
namespace {

constexpr int kColumns = 7;

std::string numeric_insert(std::size_t rows) {
  std::string sql =
      "INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, flags, device_id) VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += i == 0 ? "(?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?)";
  return sql;
}

bool is_constraint(int rc) { return (rc & 0xff) == SQLITE_CONSTRAINT; }

}  // namespace

void VitalsBatch::bind_row(sqlite3_stmt* st, int at, const StagedRow& r) {
  sqlite3_bind_int64(st, at + 1, r.session_id);
  sqlite3_bind_int64(st, at + 2, r.t_utc_ms);
  sqlite3_bind_int64(st, at + 3, r.seq);
  sqlite3_bind_int(st, at + 4, r.channel);
  if (r.has_value) {
    sqlite3_bind_double(st, at + 5, r.value);
  } else {
    sqlite3_bind_null(st, at + 5);
  }
  sqlite3_bind_int64(st, at + 6, r.flags);
  sqlite3_bind_int(st, at + 7, r.device);
}

VitalsBatch::VitalsBatch(RecorderState& s)
    : s_(s),
      db_(s.db.getHandle()),
      begin_(prepare(db_, "BEGIN IMMEDIATE")),
      commit_(prepare(db_, "COMMIT")),
      numeric_one_(prepare(db_, numeric_insert(1).c_str())),
      numeric_many_(prepare(db_, numeric_insert(kRowsPerInsert).c_str())),
      block_(prepare(db_,
                     "INSERT INTO waveforms (session_id, channel, start_utc_ms, sample_rate_hz, "
                     "samples) VALUES (?,?,?,?,?)")),
      keys_(db_) {
  blob_.reserve(kMaxWaveformBlockSamples * 2);
}

void VitalsBatch::add(const NumericSlot& r) {
  begin();
  const auto seq = keys_.next_seq(r.session_id, r.t_utc_ms);
  if (!seq) {  // no such session: refused as version 1's foreign key refused it
    s_.rejected.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  staged_[staged_count_++] = {r.session_id, r.t_utc_ms,  *seq,    channel_code(r.channel),
                              r.value,      r.has_value, r.flags, r.device};
  if (staged_count_ == kRowsPerInsert) insert_staged();
}

void VitalsBatch::add(const WaveformSlot& b) {
  begin();
  if (!keys_.session_exists(b.session_id)) {
    s_.rejected.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  blob_.resize(std::size_t{b.count} * 2);
  for (std::size_t i = 0; i < b.count; ++i) {  // int16 little-endian on every host
    const auto v = static_cast<std::uint16_t>(b.samples[i]);
    blob_[2 * i] = static_cast<unsigned char>(v & 0xff);
    blob_[2 * i + 1] = static_cast<unsigned char>(v >> 8);
  }
  sqlite3_stmt* st = block_.get();
  sqlite3_bind_int64(st, 1, b.session_id);
  sqlite3_bind_int(st, 2, channel_code(b.channel));
  sqlite3_bind_int64(st, 3, b.start_utc_ms);
  sqlite3_bind_double(st, 4, b.sample_rate_hz);
  sqlite3_bind_blob(st, 5, blob_.data(), static_cast<int>(blob_.size()), SQLITE_STATIC);
  const int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (counted_done(rc)) ++blocks_;
}

void VitalsBatch::commit() {
  if (!open_) return;
  insert_staged();
  open_ = false;
  const int rc = sqlite3_step(commit_.get());
  sqlite3_reset(commit_.get());
  if (rc != SQLITE_DONE) fail(db_, "commit");
  s_.rows_written.fetch_add(rows_, std::memory_order_relaxed);
  s_.blocks_written.fetch_add(blocks_, std::memory_order_relaxed);
  s_.batches.fetch_add(1, std::memory_order_relaxed);
  rows_ = blocks_ = 0;
}

void VitalsBatch::rollback() {
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  open_ = false;
  rows_ = blocks_ = staged_count_ = 0;
  s_.failed_batches.fetch_add(1, std::memory_order_relaxed);
}

void VitalsBatch::begin() {
  if (open_) return;
  const int rc = sqlite3_step(begin_.get());
  sqlite3_reset(begin_.get());
  if (rc != SQLITE_DONE) fail(db_, "begin");
  open_ = true;
  opened_at_ = Clock::now();
}

void VitalsBatch::insert_staged() {
  const std::size_t n = staged_count_;
  staged_count_ = 0;
  if (n == kRowsPerInsert) {
    sqlite3_stmt* st = numeric_many_.get();
    for (std::size_t i = 0; i < n; ++i) bind_row(st, static_cast<int>(i) * kColumns, staged_[i]);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
      rows_ += n;
      return;
    }
    // The statement was undone as a whole: place its rows one by one (a seq conflict is
    // resolved per row).
    if (!is_constraint(rc)) fail(db_, "insert");
  }
  for (std::size_t i = 0; i < n; ++i) insert_one(staged_[i]);
}

void VitalsBatch::insert_one(const StagedRow& r) {
  sqlite3_stmt* st = numeric_one_.get();
  bind_row(st, 0, r);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (is_constraint(rc) && sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_PRIMARYKEY) {
    // A row of this session and time was there before this writer started: take the next seq.
    sqlite3_bind_int64(st, 3, keys_.seq_after_conflict(r.session_id, r.t_utc_ms));
    rc = sqlite3_step(st);
    sqlite3_reset(st);
  }
  if (counted_done(rc)) ++rows_;
}

// True when inserted; a row the schema refuses is counted and skipped without aborting the
// batch; any other error throws.
bool VitalsBatch::counted_done(int rc) {
  if (rc == SQLITE_DONE) return true;
  if (is_constraint(rc)) {
    s_.rejected.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  fail(db_, "insert");
}

}  // namespace vigil::db::detail

#include "vitals_batch.hpp"

#include <cmath>
#include <string>

#include "vigil/db/channel_code.hpp"

namespace vigil::db::detail {
namespace {

constexpr int kColumns = 8;

std::string numeric_insert(std::size_t rows) {
  std::string sql =
      "INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, flags, device_id, seal) "
      "VALUES ";
  for (std::size_t i = 0; i < rows; ++i) {
    sql += i == 0 ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)";
  }
  return sql;
}

bool is_constraint(int rc) { return (rc & 0xff) == SQLITE_CONSTRAINT; }

void step_done(sqlite3* db, Statement& st, const char* what) {
  const int rc = sqlite3_step(st.get());
  sqlite3_reset(st.get());
  if (rc != SQLITE_DONE) fail(db, what);
}

}  // namespace

VitalsBatch::VitalsBatch(RecorderState& s)
    : s_(s),
      db_(s.db.getHandle()),
      begin_(prepare(db_, "BEGIN IMMEDIATE")),
      commit_(prepare(db_, "COMMIT")),
      numeric_one_(prepare(db_, numeric_insert(1).c_str())),
      numeric_many_(prepare(db_, numeric_insert(kRowsPerInsert).c_str())),
      block_(prepare(db_,
                     "INSERT INTO waveforms (session_id, channel, start_utc_ms, sample_rate_hz, "
                     "samples, seal) VALUES (?,?,?,?,?,?)")),
      keys_(db_),
      seals_(s.db, s.options) {
  rows_.reserve(std::min<std::size_t>(s.options.batch_rows, 1 << 16));
}

void VitalsBatch::add(const NumericSlot& r) {
  const auto seq = keys_.next_seq(r.session_id, r.t_utc_ms);
  if (!seq) {  // no such session: refused as version 1's foreign key refused it
    s_.rejected.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  if (!open()) opened_at_ = Clock::now();
  // Staged as SQLite will hand it back, so the seal digests what the file holds: a NaN is
  // stored as NULL, and -0.0 reads back as 0.0.
  const bool has_value = r.has_value && !std::isnan(r.value);
  rows_.push_back({r.session_id, r.t_utc_ms, *seq, channel_code(r.channel),
                   has_value ? r.value + 0.0 : 0.0, has_value, false, r.flags, r.device});
}

void VitalsBatch::add(const WaveformSlot& b) {
  if (!keys_.session_exists(b.session_id)) {
    s_.rejected.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  if (!open()) opened_at_ = Clock::now();
  const std::size_t offset = samples_.size();
  samples_.resize(offset + std::size_t{b.count} * 2);
  for (std::size_t i = 0; i < b.count; ++i) {  // int16 little-endian on every host
    const auto v = static_cast<std::uint16_t>(b.samples[i]);
    samples_[offset + 2 * i] = static_cast<unsigned char>(v & 0xff);
    samples_[offset + 2 * i + 1] = static_cast<unsigned char>(v >> 8);
  }
  blocks_.push_back({b.session_id, b.start_utc_ms, b.sample_rate_hz + 0.0, channel_code(b.channel),
                     false, offset, std::size_t{b.count} * 2, 0});
}

void VitalsBatch::commit() {
  if (!open()) return;
  begin_failed_ = true;
  step_done(db_, begin_, "begin");
  begin_failed_ = false;
  in_transaction_ = true;
  insert_rows();
  insert_blocks();
  if (s_.options.seal_vitals) seal();
  step_done(db_, commit_, "commit");
  in_transaction_ = false;
  seals_.committed();
  std::uint64_t rows = 0, blocks = 0;
  for (const auto& r : rows_) rows += r.stored ? 1 : 0;
  for (const auto& b : blocks_) blocks += b.stored ? 1 : 0;
  s_.rows_written.fetch_add(rows, std::memory_order_relaxed);
  s_.blocks_written.fetch_add(blocks, std::memory_order_relaxed);
  s_.seals.store(seals_.seals_written(), std::memory_order_relaxed);
  s_.batches.fetch_add(1, std::memory_order_relaxed);
  clear();
}

void VitalsBatch::rollback() {
  if (in_transaction_ && !sqlite3_get_autocommit(db_)) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  in_transaction_ = false;
  seals_.rolled_back();
  // Nothing was written when the write lock could not be had (another writer held it past the
  // busy timeout): the batch is kept for the next try, up to a bound.
  if (begin_failed_ && rows() < kKeptBatches * s_.options.batch_rows) {
    begin_failed_ = false;
    for (auto& r : rows_) r.stored = false;
    for (auto& b : blocks_) b.stored = false;
    batch_seals_.clear();
    s_.deferred_batches.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  begin_failed_ = false;
  clear();
  s_.failed_batches.fetch_add(1, std::memory_order_relaxed);
}

void VitalsBatch::clear() {
  rows_.clear();
  blocks_.clear();
  samples_.clear();
  batch_seals_.clear();
}

std::int64_t VitalsBatch::seal_of(RowId session_id) {
  for (const auto& [session, seq] : batch_seals_) {
    if (session == session_id) return seq;
  }
  batch_seals_.emplace_back(session_id, seals_.next_seq(session_id));
  return batch_seals_.back().second;
}

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
  if (s_.options.seal_vitals) {
    sqlite3_bind_int64(st, at + 8, seal_of(r.session_id));
  } else {
    sqlite3_bind_null(st, at + 8);
  }
}

void VitalsBatch::insert_rows() {
  std::size_t at = 0;
  for (; at + kRowsPerInsert <= rows_.size(); at += kRowsPerInsert) {
    sqlite3_stmt* st = numeric_many_.get();
    for (std::size_t i = 0; i < kRowsPerInsert; ++i) {
      bind_row(st, static_cast<int>(i) * kColumns, rows_[at + i]);
    }
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
      for (std::size_t i = 0; i < kRowsPerInsert; ++i) rows_[at + i].stored = true;
      continue;
    }
    // The statement was undone as a whole: place its rows one by one (a seq conflict is
    // resolved per row).
    if (!is_constraint(rc)) fail(db_, "insert");
    for (std::size_t i = 0; i < kRowsPerInsert; ++i) insert_one(rows_[at + i]);
  }
  for (; at < rows_.size(); ++at) insert_one(rows_[at]);
}

void VitalsBatch::insert_one(StagedRow& r) {
  sqlite3_stmt* st = numeric_one_.get();
  bind_row(st, 0, r);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (is_constraint(rc) && sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_PRIMARYKEY) {
    // A row of this session and time was there before this writer started: take the next seq.
    r.seq = keys_.seq_after_conflict(r.session_id, r.t_utc_ms);
    sqlite3_bind_int64(st, 3, r.seq);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
  }
  r.stored = counted_done(rc);
}

void VitalsBatch::insert_blocks() {
  sqlite3_stmt* st = block_.get();
  for (auto& b : blocks_) {
    sqlite3_bind_int64(st, 1, b.session_id);
    sqlite3_bind_int(st, 2, b.channel);
    sqlite3_bind_int64(st, 3, b.start_utc_ms);
    sqlite3_bind_double(st, 4, b.sample_rate_hz);
    sqlite3_bind_blob(st, 5, samples_.data() + b.offset, static_cast<int>(b.bytes), SQLITE_STATIC);
    if (s_.options.seal_vitals) {
      sqlite3_bind_int64(st, 6, seal_of(b.session_id));
    } else {
      sqlite3_bind_null(st, 6);
    }
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    b.stored = counted_done(rc);
    if (b.stored) b.id = sqlite3_last_insert_rowid(db_);
  }
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

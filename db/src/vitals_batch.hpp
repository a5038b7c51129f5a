#pragma once
// One batch of the recorder's writer thread. Vitals are staged in memory as they come; commit()
// writes them in one IMMEDIATE transaction with their seals (vitals_seal.hpp), so the write lock
// is held only while the batch is written, never while it fills (another writer on the file
// gets its turn between batches). Numeric rows are inserted kRowsPerInsert at a time with one
// multi-row INSERT: SQLite's cost per statement (start, cursor open and close, halt) is about
// half the cost of a one-row insert. Writer thread only.

#include <chrono>
#include <cstdint>
#include <vector>

#include "recorder_keys.hpp"
#include "recorder_state.hpp"
#include "seal_chains.hpp"
#include "sqlite_statement.hpp"

namespace vigil::db::detail {

inline constexpr std::size_t kRowsPerInsert = 32;
// A batch that could not begin is kept while it holds fewer than this many batches' rows.
inline constexpr std::size_t kKeptBatches = 4;

class VitalsBatch {
 public:
  using Clock = std::chrono::steady_clock;

  explicit VitalsBatch(RecorderState& s);

  bool open() const { return !rows_.empty() || !blocks_.empty(); }
  std::size_t rows() const { return rows_.size() + blocks_.size(); }
  bool old() const { return open() && Clock::now() - opened_at_ >= s_.options.commit_interval; }
  Clock::time_point deadline() const { return opened_at_ + s_.options.commit_interval; }

  // A row for a session that does not exist is counted as rejected and skipped.
  void add(const NumericSlot& r);
  void add(const WaveformSlot& b);

  // Writes, seals and commits what is staged. Throws on a database error; the caller then calls
  // rollback().
  void commit();
  // After a database error: the batch is lost (counted), recording goes on; but a batch whose
  // transaction could not begin (the write lock busy) is kept for the next commit.
  void rollback();
  // Between batches: anchors the seals of sessions that stopped sealing (all of them at stop).
  void anchor_settled(bool all) { seals_.anchor_settled(Clock::now(), all); }

 private:
  struct StagedRow {
    RowId session_id;
    UtcMs t_utc_ms;
    std::int64_t seq;
    std::int32_t channel;
    double value;
    bool has_value;
    bool stored;
    std::uint32_t flags;
    core::DeviceId device;
  };
  struct StagedBlock {
    RowId session_id;
    UtcMs start_utc_ms;
    double sample_rate_hz;
    std::int32_t channel;
    bool stored;
    std::size_t offset;  // into samples_
    std::size_t bytes;
    std::int64_t id;  // waveforms.id once stored
  };

  void bind_row(sqlite3_stmt* st, int at, const StagedRow& r);  // parameters at+1..at+8
  std::int64_t seal_of(RowId session_id);
  void insert_rows();
  void insert_one(StagedRow& row);
  void insert_blocks();
  void seal();  // vitals_batch_seal.cpp
  void seal_rows(std::vector<SessionSeal>& seals);
  void seal_blocks(std::vector<SessionSeal>& seals);
  void clear();
  bool counted_done(int rc);

  RecorderState& s_;
  sqlite3* db_;
  Statement begin_, commit_, numeric_one_, numeric_many_, block_;
  VitalsKeys keys_;
  SealChains seals_;
  std::vector<StagedRow> rows_;
  std::vector<StagedBlock> blocks_;
  std::vector<unsigned char> samples_;                       // the staged blocks' BLOB bytes
  std::vector<std::pair<RowId, std::int64_t>> batch_seals_;  // session -> its seal's seq
  std::vector<std::uint32_t> order_;                         // rows or blocks in sealing order
  std::vector<unsigned char> canonical_;
  bool in_transaction_ = false;
  bool begin_failed_ = false;
  Clock::time_point opened_at_{};
};

}  // namespace vigil::db::detail

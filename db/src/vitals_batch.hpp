#pragma once
// One open vitals transaction of the recorder's writer thread. Numeric rows are staged and
// inserted kRowsPerInsert at a time with one multi-row INSERT: SQLite's cost per statement
// (start, cursor open and close, halt) is about half the cost of a one-row insert, so this
// halves the writer's CPU per row. Rows are bound in place from the ring slots, no allocation
// per row. Writer thread only.

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

#include "recorder_keys.hpp"
#include "recorder_state.hpp"
#include "sqlite_statement.hpp"

namespace vigil::db::detail {

inline constexpr std::size_t kRowsPerInsert = 32;

class VitalsBatch {
 public:
  using Clock = std::chrono::steady_clock;

  explicit VitalsBatch(RecorderState& s);

  bool open() const { return open_; }
  std::size_t rows() const { return rows_ + staged_count_ + blocks_; }
  bool old() const { return open_ && Clock::now() - opened_at_ >= s_.options.commit_interval; }
  Clock::time_point deadline() const { return opened_at_ + s_.options.commit_interval; }

  // A row for a session that does not exist is counted as rejected and skipped.
  void add(const NumericSlot& r);
  void add(const WaveformSlot& b);

  // Throws on a database error; the caller then calls rollback().
  void commit();
  // After a database error: the batch is lost (counted), recording goes on.
  void rollback();

 private:
  struct StagedRow {
    RowId session_id;
    UtcMs t_utc_ms;
    std::int64_t seq;
    std::int32_t channel;
    double value;
    bool has_value;
    std::uint32_t flags;
    core::DeviceId device;
  };

  static void bind_row(sqlite3_stmt* st, int at, const StagedRow& r);  // parameters at+1..at+7
  void begin();
  void insert_staged();
  void insert_one(const StagedRow& row);
  bool counted_done(int rc);

  RecorderState& s_;
  sqlite3* db_;
  Statement begin_, commit_, numeric_one_, numeric_many_, block_;
  VitalsKeys keys_;
  std::array<StagedRow, kRowsPerInsert> staged_{};
  std::size_t staged_count_ = 0;
  std::vector<unsigned char> blob_;
  bool open_ = false;
  Clock::time_point opened_at_{};
  std::size_t rows_ = 0;
  std::size_t blocks_ = 0;
};

}  // namespace vigil::db::detail

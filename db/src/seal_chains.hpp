#pragma once
// The recorder's side of the seal chains (docs/database.md "Vitals seals"): the newest seal of
// each session it writes to, the seal rows it inserts, and the anchors it appends to the audit
// chain (action `vitals_sealed`, entity `vitals_seals`, entity_id the session): when this
// recorder first seals a session, every RecorderOptions::seal_anchor_interval while it records,
// when a session has sealed nothing for seal_anchor_idle (its recording stopped) and when the
// recorder stops. Writer thread only.

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <unordered_map>
#include <vector>

#include "sqlite_statement.hpp"
#include "vigil/db/recorder.hpp"
#include "vitals_seal.hpp"

namespace vigil::db::detail {

// What one batch holds of one session, ready to be sealed.
struct SessionSeal {
  RowId session_id = 0;
  UtcMs first_utc_ms = 0;
  UtcMs last_utc_ms = 0;
  std::int64_t rows = 0;
  std::int64_t blocks = 0;
  std::vector<SealChannel> channels;  // (kind, code) order
};

class SealChains {
 public:
  using Clock = std::chrono::steady_clock;

  SealChains(SQLite::Database& db, const RecorderOptions& options);

  // Inside the batch's transaction. The seq the session's next seal takes (after the newest seal
  // in the file, whoever wrote it).
  std::int64_t next_seq(RowId session_id);
  // Inserts the seal (after the rows it covers) and, when one is due, its anchor.
  void write(const SessionSeal& seal, Clock::time_point now);
  // After COMMIT / after ROLLBACK of the batch's transaction.
  void committed();
  void rolled_back();

  // Outside a transaction: anchors in one transaction of its own every session whose newest seal
  // is not anchored and that sealed nothing for seal_anchor_idle (every such session with `all`).
  void anchor_settled(Clock::time_point now, bool all);
  std::uint64_t seals_written() const { return seals_written_; }

 private:
  struct Head {
    std::int64_t seq = 0;  // 0: no seal yet
    SealDigest digest{};
    UtcMs last_utc_ms = 0;
    std::int64_t anchored_seq = -1;  // -1: not anchored by this recorder yet
    Clock::time_point anchored_at{};
    Clock::time_point sealed_at{};
  };
  void read_newest_seal(RowId session_id, Head& h);
  Head& pending(RowId session_id);
  void anchor(RowId session_id, Head& h, Clock::time_point now);

  SQLite::Database& db_;
  sqlite3* raw_;
  const RecorderOptions& options_;
  Statement head_query_, insert_;
  std::unordered_map<RowId, Head> heads_;    // as of the last commit
  std::unordered_map<RowId, Head> pending_;  // this batch's, promoted by committed()
  std::uint64_t seals_written_ = 0;
  std::uint64_t seals_pending_ = 0;
};

}  // namespace vigil::db::detail

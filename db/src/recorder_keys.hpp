#pragma once
// The writer thread's knowledge of vitals keys, so that a row costs no extra query:
//  - which sessions exist: checked once against `sessions` on first use, then cached (the
//    vitals tables carry no per-row foreign key; sessions are never deleted). An unknown id is
//    asked again each time, so a session created through another connection is found.
//  - the next free `seq` of each session's latest time: rows of one session and time are
//    numbered 0, 1, 2... in arrival order (the vitals primary key is session, time, seq).
// Writer thread only.

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "sqlite_statement.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db::detail {

class VitalsKeys {
 public:
  explicit VitalsKeys(sqlite3* db);

  bool session_exists(RowId session_id);

  // The seq for the next numeric row of `session_id` at `t_utc_ms`; nullopt when the session
  // does not exist. Rows in time order cost a hash lookup; a time earlier than the session's
  // last one (or the first row of a session) asks the table.
  std::optional<std::int64_t> next_seq(RowId session_id, UtcMs t_utc_ms);

  // After the insert with next_seq()'s answer met an existing row (written before this writer
  // started, or by hand): the free seq from the table.
  std::int64_t seq_after_conflict(RowId session_id, UtcMs t_utc_ms);

 private:
  struct Position {
    UtcMs t_utc_ms = 0;
    std::int64_t next_seq = 0;
    bool known = false;  // false until a row of this session was placed
  };
  Position* find(RowId session_id);
  std::int64_t free_seq_in_table(RowId session_id, UtcMs t_utc_ms);

  sqlite3* db_;
  Statement session_query_;
  Statement seq_query_;
  std::unordered_map<RowId, Position> sessions_;
  RowId last_id_ = 0;
  Position* last_ = nullptr;
};

}  // namespace vigil::db::detail

#pragma once
// The rows of one session's vitals as the verifier reads them back: per seal and channel, the
// count, the digest of their canonical bytes (vitals_seal.hpp) and the times they span.

#include <SQLiteCpp/Database.h>

#include <vector>

#include "vitals_seal.hpp"

namespace vigil::db::detail {

struct SealGroup {
  std::int64_t seal = 0;  // the seal the rows name (unused for unsealed rows)
  SealChannel channel;
  UtcMs first_utc_ms = 0;
  UtcMs last_utc_ms = 0;
};

struct SealGroups {
  std::vector<SealGroup> sealed;    // in seal order (seal >= 1)
  std::vector<SealGroup> legacy;    // seal 0: recorded before seals (schema < 5), per channel
  std::vector<SealGroup> unsealed;  // rows whose seal is NULL, per channel
};

SealGroups read_seal_groups(SQLite::Database& db, RowId session_id);

}  // namespace vigil::db::detail

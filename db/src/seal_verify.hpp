#pragma once
// Verification of the vitals seals (docs/database.md "Vitals seals"), part of
// verify_audit_chain: every seal recomputed from the rows that name it, the chain of each
// session's seals, and the anchors the audit chain holds.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigil/db/audit_chain.hpp"

namespace vigil::db::detail {

// The schema version that added seals (migration 5).
inline constexpr int kFirstSealedSchemaVersion = 5;

// An audit entry `vitals_sealed`: the session's seal `seal` had `digest_hex` then.
struct SealAnchor {
  RowId session_id = 0;
  std::int64_t seal = 0;
  std::string digest_hex;
  std::int64_t audit_seq = 0;
};
// nullopt unless the entry is a well-formed anchor.
std::optional<SealAnchor> seal_anchor_of(const AuditEntry& e);

struct SealCheck {
  std::optional<std::string> problem;     // the first mismatch, named
  std::optional<std::int64_t> audit_seq;  // the anchor's entry, for an anchor mismatch
  std::int64_t seals = 0;
  std::int64_t sealed_rows = 0;
  std::int64_t sealed_blocks = 0;
  std::int64_t legacy_rows = 0;    // rows and blocks recorded before seals (seal 0, schema < 5)
  std::int64_t unsealed_rows = 0;  // no seal, in sessions the recorder never sealed
};

// Inside the caller's read transaction.
SealCheck verify_vitals_seals(SQLite::Database& db, const std::vector<SealAnchor>& anchors);

}  // namespace vigil::db::detail

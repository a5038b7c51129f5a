#pragma once
// The hash-chained audit log (docs/architecture.md "Durability and audit", docs/database.md).
//
// Each entry's hash is the lowercase hex SHA-256 of its canonical serialisation: the fields
//   seq, t_utc_ms, actor_id, actor_name, action, entity, entity_id, old_value, new_value,
//   prev_hash
// in this order, each written as `<byte length in decimal>:<bytes>;` and NULL as `-;`
// (integers in decimal ASCII, text as stored, UTF-8). prev_hash is the previous entry's hash;
// the first entry's prev_hash is 64 zeros (kAuditGenesisHash).
//
// Row-state entries (entity is an audited table and entity_id is not NULL) carry JSON snapshots
// of the row before (old_value) and after (new_value, NULL after a delete). The verifier uses
// them to check every audited table against its last audited state, so a note or an
// administration changed, deleted or inserted behind Vigil's back is found too.
// Other entries (refusals, exports, verifications, failed logins of unknown names) have a NULL
// entity_id.

#include "vigil/db/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/store_error.hpp"

namespace vigil::db {

inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEntry {
  std::int64_t seq = 0;
  UtcMs t_utc_ms = 0;
  std::optional<std::int64_t> actor_id;  // NULL: a tool or an unknown user name
  std::string actor_name;
  std::string action;
  std::string entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> old_value;  // JSON
  std::optional<std::string> new_value;  // JSON
  std::string prev_hash;
  std::string hash;
};

// The canonical serialisation described above (without the hash field) and its SHA-256.
std::string audit_canonical_bytes(const AuditEntry& e);
std::string audit_entry_hash(const AuditEntry& e);

struct AuditHead {
  std::int64_t entries = 0;
  std::int64_t last_seq = 0;
  std::string hash{kAuditGenesisHash};  // the genesis hash for an empty log
};
AuditHead audit_head(Store& store);

// Raw read (tools with file access, e.g. `vigilctl audit log`); role-checked reading for users
// is read_audit_log() in record_reader.hpp.
std::vector<AuditEntry> read_audit_entries(Store& store);

struct AuditVerification {
  bool ok = false;
  std::int64_t entries = 0;                      // entries read
  std::string head;                              // hash of the last entry read
  std::optional<std::int64_t> first_broken_seq;  // first entry whose hash or link fails, or the
                                                 // last entry of a record that no longer matches
  std::string problem;                           // empty when ok
  // The vitals seals (docs/database.md "Vitals seals"), checked with the records.
  std::int64_t seals = 0;        // seals verified
  std::int64_t sealed_rows = 0;  // numeric rows and waveform blocks they cover
  std::int64_t sealed_blocks = 0;
  std::int64_t legacy_rows = 0;    // rows and blocks recorded before seals (schema < 5)
  std::int64_t unsealed_rows = 0;  // rows and blocks with no seal in sessions the recorder never
                                   // sealed (inserted by hand): reported, not refused
};

// One pass over the log with one prepared statement, then (check_records) every audited table
// against its last audited snapshot and every vitals seal against the rows it covers, its
// session's chain of seals and the anchors in the log. With expected_head, the chain must contain
// that hash (a truncated tail is reported as "the chain ends before the expected head"). Runs in
// its own read transaction: call it outside a transaction. Works on read_only and archive
// connections.
AuditVerification verify_audit_chain(Store& store,
                                     const std::optional<std::string>& expected_head = {},
                                     bool check_records = true);

// Appends a "verify" entry recording the outcome (call only on a writable connection).
void record_verification(Store& store, const AuditVerification& result, std::string_view tool_name,
                         UtcMs now);

}  // namespace vigil::db

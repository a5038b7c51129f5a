#pragma once
// What binds a printed document to the record it was made from (docs/database.md "Report
// binding"): the digest of every clinical record of the session as printed, the vitals as far as
// their newest seal, and the audit chain head. A PDF carries the binding as text; checking it
// against the database later says whether the record is unchanged since, and if not, which
// records were added, removed or differ.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

// One record of the session: its table, row id and the SHA-256 (hex) of its JSON snapshot (the
// same snapshot the audit log holds; device_connections have their own, docs/database.md).
struct BoundRecord {
  std::string table;
  RowId id = 0;
  std::string sha256;
  friend bool operator==(const BoundRecord&, const BoundRecord&) = default;
};

struct SessionBinding {
  RowId session_id = 0;
  std::string digest;  // SHA-256 (hex) over the records' lines and the vitals line
  std::int64_t chain_seq = 0;
  std::string chain_head;            // hash of the newest audit entry when the binding was taken
  std::int64_t vitals_seal_seq = 0;  // the session's newest vitals seal (0: none)
  std::string vitals_seal_digest;    // its digest in hex ("-" when none)
  std::int64_t vitals_rows = 0;      // numeric rows of the session
  std::int64_t waveform_blocks = 0;  // waveform blocks of the session
  std::vector<BoundRecord> records;  // fixed table order, then id
};

// Nurse, clinician or auditor (read_records); not audited (the caller audits the document it
// prints). Throws NotFound ("session N: no such session").
SessionBinding bind_session_record(Store& store, const Actor& actor, RowId session_id, UtcMs now);

// The binding as the lines a document carries ("vigil-record-binding 1", "session 12",
// "digest ...", "chain SEQ HASH", "vitals SEQ DIGEST ROWS BLOCKS", "record TABLE ID SHA256"...)
// and back. Parsing throws ValidationError naming the line and the rule ("binding line 3:
// expected 'digest <64 hex digits>'").
std::string binding_text(const SessionBinding& binding);
SessionBinding parse_binding_text(std::string_view text);

// What changed between a printed binding and the record now, in words, one line each:
// "added: addenda 4", "removed: observations 9", "differs: administrations 2",
// "vitals: 12 seals recorded since (seal 40 when printed, 52 now)", "vitals: seal 40 differs".
// Empty: unchanged.
std::vector<std::string> binding_differences(const SessionBinding& printed,
                                             const SessionBinding& now);

}  // namespace vigil::db

#pragma once
// Reading records back (nurse, clinician, auditor; not admin). Reads are not audited.

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct SignatureRecord {
  std::int64_t signer_id = 0;
  std::string printed_name;
  std::string meaning;
  UtcMs t_utc_ms = 0;
  std::string content_sha256;
  bool matches_content = false;  // the note body still hashes to content_sha256
};

struct AddendumRecord {
  std::int64_t author_id = 0;
  UtcMs t_utc_ms = 0;
  std::string reason;
  std::string body;
};

struct NoteRecord {
  RowId id = 0;
  RowId session_id = 0;
  std::string type;
  std::string body;
  std::int64_t author_id = 0;
  std::string status;  // draft | signed
  std::vector<SignatureRecord> signatures;
  std::vector<AddendumRecord> addenda;
};

NoteRecord read_note(Store& store, const Actor& actor, RowId note_id, UtcMs now);

// The rows of one of a session's record tables ("sessions" (the session itself),
// "administrations", "observations", "checklists", "notes", "alarm_events", "safety_reviews",
// "discharges", "follow_ups") as JSON objects,
// the same snapshots the audit log holds.
std::vector<std::string> read_session_records(Store& store, const Actor& actor,
                                              std::string_view table, RowId session_id, UtcMs now);

// Auditor only.
std::vector<AuditEntry> read_audit_log(Store& store, const Actor& actor, UtcMs now);

}  // namespace vigil::db

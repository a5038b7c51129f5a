#pragma once
// The auditor's view of the audit log: entries filtered by user, action, entity, session and
// time, and their export as CSV or JSON.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"

namespace vigil::db {

struct AuditLogFilter {
  std::optional<std::string> actor_name;  // exact
  std::optional<std::string> action;      // exact
  std::optional<std::string> entity;      // exact (a table name, "audit_log", "vitals_seals")
  // Entries about the session: its own row (entity sessions) and every entry whose old or new
  // value holds "session_id": S (its doses, observations, notes, alarms, seals' anchors...).
  std::optional<RowId> session_id;
  std::optional<UtcMs> from_utc_ms;  // at or after
  std::optional<UtcMs> to_utc_ms;    // before
};

// Auditor only (read_audit_log). The matching entries in seq order. Throws ValidationError
// naming the field (a blank name, action or entity; an empty time window).
std::vector<AuditEntry> read_audit_log(Store& store, const Actor& actor,
                                       const AuditLogFilter& filter, UtcMs now);

// One page of the matching entries for a screen: those after `after_seq` in seq order, at most
// `limit` (1-10000), and whether more follow. Auditor only; the first page of a filter
// (after_seq 0) is audited as viewing the log ("view_audit_log", with the filter).
struct AuditLogPage {
  std::vector<AuditEntry> entries;
  bool more = false;
};
AuditLogPage read_audit_log_page(Store& store, const Actor& actor, const AuditLogFilter& filter,
                                 std::int64_t after_seq, std::size_t limit, UtcMs now);

// Auditor only. verify_audit_chain (the whole chain, the records and the vitals seals) as the
// auditor's screen runs it; the verification is recorded in the log like vigilctl's ("verify",
// actor name the auditor's).
AuditVerification verify_audit_log(Store& store, const Actor& actor, UtcMs now);

enum class AuditExportFormat { csv, json };

// Auditor only. Writes the matching entries, every field as stored (the hashes can be checked
// from the export): CSV (RFC 4180, a header row, times also as UTC text) or a JSON array of
// objects; streamed entry by entry (memory stays flat). The export is audited (action
// export_audit_log, with the filter and the count). Returns the number of entries written.
std::size_t export_audit_log(Store& store, const Actor& actor, const AuditLogFilter& filter,
                             AuditExportFormat format, std::ostream& out, UtcMs now);

}  // namespace vigil::db

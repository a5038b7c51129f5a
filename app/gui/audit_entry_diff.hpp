#pragma once
// An audit entry's old and new values side by side for the auditor: one row per field of the
// JSON snapshots (the union of both, in the order they appear), the fields that changed marked,
// and a value that is not a JSON object (a refusal's reason, a raw text) shown as it is.

#include <QString>
#include <optional>
#include <string>
#include <vector>

namespace vigil::gui {

struct AuditFieldRow {
  QString field;   // empty for a value that is not a JSON object
  QString before;  // "" when absent
  QString after;
  bool changed = false;
};

std::vector<AuditFieldRow> auditFieldRows(const std::optional<std::string>& old_value,
                                          const std::optional<std::string>& new_value);

// The rows as an HTML table (field | before | after), changed rows highlighted and marked "≠".
QString auditFieldTable(const std::vector<AuditFieldRow>& rows);

}  // namespace vigil::gui

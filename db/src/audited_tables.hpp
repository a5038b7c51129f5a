#pragma once
// The tables whose rows are clinical or account records: every change to one of their rows is
// audited with a JSON snapshot of the row (SQLite json_object over its columns), and the
// verifier compares each row with its last audited snapshot. Device data (vitals, waveforms,
// channels, device_connections) is not audited row by row.

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct AuditedTable {
  std::string_view name;
  std::string_view snapshot_expr;  // json_object(...) over the row's columns
};

const std::vector<AuditedTable>& audited_tables();
const AuditedTable* find_audited_table(std::string_view name);

// The row's snapshot, or nullopt when no such row exists.
std::optional<std::string> row_snapshot(SQLite::Database& db, std::string_view table, RowId id);

}  // namespace vigil::db

#pragma once
// CSV export of a session's numeric vitals: one row per timestamp, one column per channel
// (core channel order), empty cells for absent values. Waveform blocks are not in the CSV.
// Clinician or auditor; the export is audited (action "export", entity "sessions").

#include "vigil/db/store.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct CsvExportSummary {
  std::size_t rows = 0;
  std::vector<std::string> channels;
};

CsvExportSummary export_vitals_csv(Store& store, const Actor& actor, RowId session_id,
                                   std::ostream& out, UtcMs now);

}  // namespace vigil::db

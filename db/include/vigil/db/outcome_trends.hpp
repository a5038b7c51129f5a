#pragma once
// A patient's outcome scales across their sessions and follow-ups, for the history screen's
// outcome chart: PHQ-9, GAD-7 and MADRS totals in time order, each with the session it belongs
// to, and the severity bands each scale is read against.

#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct OutcomePoint {
  RowId session_id = 0;  // the dosing session (a follow-up's own session)
  UtcMs t_utc_ms = 0;
  int total = 0;
  bool follow_up = false;  // recorded at a follow-up contact, not in a session
};

struct SeverityBand {
  int from = 0;  // inclusive
  int to = 0;    // inclusive
  std::string label;
};

struct OutcomeSeries {
  std::string scale;  // "phq9", "gad7", "madrs"
  int max_total = 0;
  std::vector<SeverityBand> bands;
  std::vector<OutcomePoint> points;  // by time
};

// The published bands: PHQ-9 minimal 0-4, mild 5-9, moderate 10-14, moderately severe 15-19,
// severe 20-27; GAD-7 minimal 0-4, mild 5-9, moderate 10-14, severe 15-21; MADRS normal 0-6,
// mild 7-19, moderate 20-34, severe 35-60.
const std::vector<OutcomeSeries>& outcome_scales();

// Nurse, clinician or auditor (read_records). Viewing a patient's outcomes is viewing their
// record: audited ("view_outcomes", entity patients, with the identifier). Always the three
// series in the order above (MADRS empty until it is entered). Throws NotFound ("patient X: no
// such patient").
std::vector<OutcomeSeries> read_outcome_trends(Store& store, const Actor& actor,
                                               std::string_view patient_identifier, UtcMs now);

}  // namespace vigil::db

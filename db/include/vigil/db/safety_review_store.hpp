#pragma once
// PHQ-9 item 9 (thoughts of self-harm) answered above 0 is a safety flag: it is shown in red
// on the session panel and must be acknowledged by a clinician (audited, with what was done)
// before the patient may be discharged.

#include <optional>
#include <string>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct SelfHarmFlag {
  RowId observation_id = 0;  // the PHQ-9 observation
  UtcMs t_utc_ms = 0;
  int item9 = 0;  // 1-3
  int phq9_total = 0;
  bool acknowledged = false;
  std::string acknowledged_by;  // clinician name
  std::optional<UtcMs> acknowledged_utc_ms;
  std::string action;  // what the clinician did (safety plan, referral, ...)
};

// The session's PHQ-9 observations with item 9 > 0, oldest first. Read like a record.
std::vector<SelfHarmFlag> read_self_harm_flags(Store& store, const Actor& actor, RowId session_id,
                                               UtcMs now);

// Clinician only (Action::acknowledge_safety_flag). `action` is required ("action: required").
// Refused for an observation that is not a flagged PHQ-9, or one already acknowledged.
RowId acknowledge_self_harm_flag(Store& store, const Actor& actor, RowId observation_id,
                                 const std::string& action, UtcMs now);

}  // namespace vigil::db

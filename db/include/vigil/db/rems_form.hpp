#pragma once
// The esketamine REMS Patient Monitoring Form filled from a session's record (docs/clinical.md
// "The REMS Patient Monitoring Form"): every field the form asks, with its value or why it is
// missing, and the 7-calendar-day deadline counted from the treatment date.

#include <optional>
#include <string>
#include <vector>

#include "vigil/db/session_report.hpp"

namespace vigil::db {

struct RemsFormField {
  std::string section;                 // "Patient", "Treatment", "Concomitant medications", ...
  std::string label;                   // as the form asks it
  std::string value;                   // empty when missing
  std::optional<std::string> missing;  // why it is missing, in words
};

struct RemsForm {
  SessionReport record;  // the session as read (and its binding)
  std::vector<RemsFormField> fields;
  UtcMs treatment_utc_ms = 0;  // the first dose (the session's start before any dose)
  UtcMs due_utc_ms = 0;        // the end of the 7th calendar day after the treatment date (UTC)
  int days_left = 0;           // whole days from `now` to the deadline; negative when overdue
  std::vector<std::string> missing;  // "label: why", one per missing field
};

// Clinician or auditor (export_records); audited like the report ("export_report", document
// "rems_form"). Refuses a session that is not an esketamine dosing session (ValidationError:
// "session N: the REMS Patient Monitoring Form is for esketamine sessions (this one has no
// esketamine planned or given)").
RemsForm read_rems_form(Store& store, const Actor& actor, RowId session_id, UtcMs now);

// The form on screen: nurse, clinician or auditor (read_records), audited as opening the
// session's record (view_session_record), not as an export.
RemsForm view_rems_form(Store& store, const Actor& actor, RowId session_id, UtcMs now);

// The form of a record already opened (view_session_record, which audited the opening): read
// again, and audited again, nothing. Nurse, clinician or auditor. Refuses a session that is not
// an esketamine dosing session like read_rems_form.
RemsForm rems_form_of(Store& store, const Actor& actor, SessionReport record, UtcMs now);

// The fields from a session's record (no store access; rems_form_fields.cpp). `pre_dose` holds
// the newest pre-dose checklist's items, `site` the provider and setting site settings.
std::vector<RemsFormField> rems_form_fields(const SessionReport& record,
                                            const std::string& pre_dose_items_json,
                                            const std::optional<std::string>& provider,
                                            const std::optional<std::string>& setting);

}  // namespace vigil::db

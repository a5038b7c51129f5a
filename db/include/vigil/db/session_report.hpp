#pragma once
// A session's whole record, read in one call for a printed document (the session report, the
// REMS Patient Monitoring Form) and the history screen's timeline: the header, doses,
// checkpoints, every BP, the SpO2 and pulse-rate range, alarms, scales, adverse events, notes
// with their signatures and addenda, device connections and the gaps they left, the ready-to-
// leave answers, and the binding that ties a printed copy to this state of the record.

#include <optional>
#include <string>
#include <vector>

#include "vigil/db/discharge_store.hpp"
#include "vigil/db/record_binding.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/session_panel.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct ReportBp {
  RowId id = 0;
  UtcMs t_utc_ms = 0;
  double systolic_mmhg = 0;
  double diastolic_mmhg = 0;
  std::optional<double> mean_mmhg;
  std::string source;  // device | manual
  std::string phase;   // the session phase when taken
  std::string recorded_by;
};

struct ReportAlarm {
  RowId id = 0;
  std::string condition;
  std::string priority;
  UtcMs start_utc_ms = 0;
  std::optional<UtcMs> end_utc_ms;
  std::string limit_in_force;
  std::optional<double> triggering_value;
  std::string acknowledged_by;  // user name, empty when not acknowledged
  std::optional<UtcMs> acknowledged_utc_ms;
  std::string audio_paused_by;
  std::optional<UtcMs> audio_paused_utc_ms;
};

struct ReportScale {
  RowId id = 0;
  std::string kind;  // moaas | cadss | rass | aldrete | phq9 | gad7 | madrs ...
  UtcMs t_utc_ms = 0;
  std::string phase;
  std::optional<int> total;
  std::string recorded_by;
};

struct ReportAdverseEvent {
  RowId id = 0;
  UtcMs t_utc_ms = 0;
  std::string type;
  std::string severity;
  std::optional<UtcMs> onset_utc_ms;
  std::string action;
  bool serious = false;
  std::string recorded_by;
};

struct ReportNote {
  NoteRecord note;
  std::string author;                         // user name
  std::vector<std::string> addendum_authors;  // user names, one per addendum
  UtcMs created_utc_ms = 0;
};

struct ReportDeviceConnection {
  std::string family;
  std::string port;
  std::string identity;
  UtcMs connected_utc_ms = 0;
  std::optional<UtcMs> disconnected_utc_ms;
};

// A time the session had no device of a family connected, between two of its connections.
struct ReportDeviceGap {
  std::string family;
  UtcMs from_utc_ms = 0;
  UtcMs to_utc_ms = 0;
};

// Lowest and highest valid value of a numeric channel (doubtful values excluded).
struct VitalsRange {
  std::optional<double> lowest;
  std::optional<UtcMs> lowest_utc_ms;
  std::optional<double> highest;
  std::int64_t values = 0;
};

// A phase the session entered, as audited (the phase history is read from the audit log).
struct ReportPhaseChange {
  std::string phase;  // the phase entered
  UtcMs t_utc_ms = 0;
  std::string by;  // user name
  bool ended_early = false;
};

struct SessionReport {
  SessionPanelState panel;  // the patient, session, doses and checkpoints
  std::string patient_sex;
  std::string clinician;  // user names
  std::string nurse;
  std::optional<UtcMs> started_utc_ms;
  std::optional<UtcMs> ended_utc_ms;
  std::string ended_early_reason;
  std::vector<ReportPhaseChange> phases;  // planned first, then each change in order
  std::vector<ReportBp> bps;              // every BP observation, oldest first
  VitalsRange spo2;
  VitalsRange pulse_rate;
  std::vector<ReportAlarm> alarms;  // by start
  std::vector<ReportScale> scales;  // by time
  std::vector<ReportAdverseEvent> adverse_events;
  std::vector<ReportNote> notes;  // by creation
  std::vector<ReportDeviceConnection> devices;
  std::vector<ReportDeviceGap> device_gaps;
  std::optional<DischargeRecord> discharge;
  SessionBinding binding;  // the record as read, with the audit chain head before this export
  std::string printed_by;
  UtcMs printed_utc_ms = 0;
};

// Clinician or auditor (export_records). The export is audited ("export_report", entity
// sessions, with the document name, the binding's digest and the chain head it printed), so
// the chain head in the binding is the one before this entry. `document` names what is made
// ("session_report", "rems_form"). Throws NotFound ("sessions id N: no such record").
SessionReport read_session_report(Store& store, const Actor& actor, RowId session_id,
                                  std::string_view document, UtcMs now);

// The same record for the history screen: nurse, clinician or auditor (read_records). Opening a
// patient's session is audited like the station's ("open_record", entity sessions, with the
// session id and the patient identifier). `printed_by` and `printed_utc_ms` are the viewer and
// `now`.
SessionReport view_session_record(Store& store, const Actor& actor, RowId session_id, UtcMs now);

}  // namespace vigil::db

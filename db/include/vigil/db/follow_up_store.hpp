#pragma once
// Follow-up after each dosing session: contacts at 24 h, 72 h, 1 week, 2 weeks, 1 month and
// 3 months after the session closed, each with its due date and status, and the outcome scales
// (PHQ-9, GAD-7) entered at each (docs/clinical.md "Follow-up").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/observation_store.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

enum class FollowUpInterval : std::uint8_t { h24, h72, week1, week2, month1, month3 };
// "24h", "72h", "1w", "2w", "1m", "3m"
std::string_view follow_up_interval_name(FollowUpInterval v);
std::string_view follow_up_interval_label(FollowUpInterval v);  // "24 hours", "1 week", ...
std::optional<FollowUpInterval> follow_up_interval_from_name(std::string_view name);
const std::vector<FollowUpInterval>& follow_up_intervals();

// upcoming: before the due date; due: due date passed, within the window; overdue: past the
// window (24 h for 24 h and 72 h, 2 days for 1 week, 3 days for 2 weeks, 7 days for 1 and 3
// months); done: recorded.
enum class FollowUpStatus : std::uint8_t { upcoming, due, overdue, done };
std::string_view follow_up_status_name(FollowUpStatus v);

struct FollowUpScale {
  Scale scale = Scale::phq9;
  std::vector<int> items;
  int total = 0;
};

struct FollowUpView {
  RowId session_id = 0;  // the dosing session
  FollowUpInterval interval = FollowUpInterval::h24;
  UtcMs due_utc_ms = 0;
  UtcMs overdue_utc_ms = 0;
  FollowUpStatus status = FollowUpStatus::upcoming;
  std::optional<RowId> record_id;
  std::optional<UtcMs> done_utc_ms;
  std::string done_by;
  std::string contact;  // phone | video | in_person
  std::string note;
  std::vector<FollowUpScale> scales;
};

// The schedule of a closed dosing session (empty while it is not closed), in interval order.
std::vector<FollowUpView> read_follow_up_schedule(Store& store, const Actor& actor,
                                                  RowId session_id, UtcMs now);

// Every overdue follow-up of the patient's dosing sessions, oldest due first.
std::vector<FollowUpView> read_overdue_follow_ups(Store& store, const Actor& actor,
                                                  RowId patient_id, UtcMs now);

struct FollowUpEntry {
  RowId session_id = 0;
  FollowUpInterval interval = FollowUpInterval::h24;
  UtcMs t_utc_ms = 0;   // when the contact took place (not in the future)
  std::string contact;  // phone | video | in_person
  std::string note;     // may be empty
  // Outcome scales: PHQ-9 and/or GAD-7 (validate_scale rules; refusals name
  // "scales[0].items[8]").
  std::vector<std::pair<Scale, std::vector<int>>> scales;
};

// Nurse or clinician. One record per interval ("interval: 24h is already recorded"); the
// session must be a closed dosing session.
RowId record_follow_up(Store& store, const Actor& actor, const FollowUpEntry& entry, UtcMs now);

}  // namespace vigil::db

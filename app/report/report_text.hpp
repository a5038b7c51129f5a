#pragma once
// The words and times a printed document uses. Times print in the station's local time with
// the UTC offset stated once in the header (report_text::zone_text).

#include <QString>
#include <optional>
#include <string>

#include "vigil/core/checkpoint_schedule.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::report {

QString date_time_text(db::UtcMs t);                       // "2026-12-04 10:21:05"
QString clock_text(db::UtcMs t);                           // "10:21:05"
QString optional_clock(std::optional<db::UtcMs> t);        // "10:21:05" or "-"
QString zone_text(db::UtcMs t);                            // "local time, UTC+01:00"
QString route_text(core::DoseRoute route);                 // "esketamine nasal", "IV", "IM", ...
QString checkpoint_text(const core::CheckpointStatus& c);  // "Pre-dose BP", "40-min BP", ...
QString scale_text(const std::string& kind);               // "MOAA/S", "PHQ-9", ...
QString words(const std::string& identifier);              // "spo2_low" -> "spo2 low"
QString number_text(double v, int decimals = 0);           // trailing zeros dropped
QString minutes_text(db::UtcMs from, db::UtcMs to);        // "2 h 05 min"

}  // namespace vigil::report

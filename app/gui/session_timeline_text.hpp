#pragma once
// A session's whole timeline for the history screen, read from its record: phases, doses,
// checkpoints (met by device or by hand), every BP, scales and adverse events, alarms (start,
// end, priority, limit, value, who acknowledged), notes with their signatures and addenda,
// device connections and the gaps they left; one line per event in time order.

#include <QString>
#include <vector>

#include "vigil/db/session_report.hpp"

namespace vigil::gui {

struct TimelineEvent {
  db::UtcMs t_utc_ms = 0;
  QString kind;  // "phase", "dose", "checkpoint", "bp", "scale", "adverse event", "alarm",
                 // "note", "signature", "addendum", "device"
  QString text;
  bool attention = false;  // an alarm, an unmet checkpoint, a signature that no longer matches
};

std::vector<TimelineEvent> sessionTimeline(const db::SessionReport& r);
// The events as HTML rows (local time, kind, text), attention rows in the refusal colour.
QString sessionTimelineHtml(const std::vector<TimelineEvent>& events);

}  // namespace vigil::gui

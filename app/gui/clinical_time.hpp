#pragma once
// Times on the clinical forms: shown and typed in local time, stored as UTC ms.

#include <QDateTime>
#include <QString>
#include <utility>

#include "vigil/db/store_error.hpp"

namespace vigil::gui {

QDateTime localDateTime(db::UtcMs utc_ms);
db::UtcMs utcMs(const QDateTime& local);
QString localClockText(db::UtcMs utc_ms);         // "14:05"
QString localClockSecondsText(db::UtcMs utc_ms);  // "14:05:09"
// "2026-12-03 14:05", or with `seconds` "2026-12-03 14:05:09".
QString localDateTimeText(db::UtcMs utc_ms, bool seconds = false);
// [start, end) of the local calendar day that holds `utc_ms`, in UTC ms.
std::pair<db::UtcMs, db::UtcMs> localDayWindow(db::UtcMs utc_ms);
// "1:02:05" (hours unpadded); a negative duration counts as 0.
QString hmsText(db::UtcMs duration_ms);
// "4:05" (minutes unpadded), rounded up to the second; from an hour on "1:04:05".
QString msText(db::UtcMs duration_ms);

}  // namespace vigil::gui

#include "clinical_time.hpp"

#include <algorithm>

namespace vigil::gui {

QDateTime localDateTime(db::UtcMs utc_ms) {
  return QDateTime::fromMSecsSinceEpoch(utc_ms, Qt::LocalTime);
}

db::UtcMs utcMs(const QDateTime& local) { return local.toMSecsSinceEpoch(); }

QString localClockText(db::UtcMs utc_ms) {
  return localDateTime(utc_ms).toString(QStringLiteral("HH:mm"));
}

QString localClockSecondsText(db::UtcMs utc_ms) {
  return localDateTime(utc_ms).toString(QStringLiteral("HH:mm:ss"));
}

std::pair<db::UtcMs, db::UtcMs> localDayWindow(db::UtcMs utc_ms) {
  const QDate day = localDateTime(utc_ms).date();
  const QDateTime start(day, QTime(0, 0), Qt::LocalTime);
  const QDateTime end(day.addDays(1), QTime(0, 0), Qt::LocalTime);
  return {start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch()};
}

QString hmsText(db::UtcMs duration_ms) {
  const long long s = std::max<db::UtcMs>(0, duration_ms) / 1000;
  return QStringLiteral("%1:%2:%3")
      .arg(s / 3600)
      .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
      .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString msText(db::UtcMs duration_ms) {
  const long long s = (std::max<db::UtcMs>(0, duration_ms) + 999) / 1000;
  if (s >= 3600) return hmsText(s * 1000);
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString localDateTimeText(db::UtcMs utc_ms, bool seconds) {
  return localDateTime(utc_ms).toString(seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                : QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace vigil::gui

#include "report_text.hpp"

#include <QDateTime>
#include <QTimeZone>

namespace vigil::report {

QString date_time_text(db::UtcMs t) {
  return QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(
      QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString clock_text(db::UtcMs t) {
  return QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

QString optional_clock(std::optional<db::UtcMs> t) {
  return t ? clock_text(*t) : QStringLiteral("-");
}

QString zone_text(db::UtcMs t) {
  const int offset = QDateTime::fromMSecsSinceEpoch(t).toLocalTime().offsetFromUtc();
  const int minutes = std::abs(offset) / 60;
  return QStringLiteral("local time, UTC%1%2:%3")
      .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
      .arg(minutes / 60, 2, 10, QLatin1Char('0'))
      .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString route_text(core::DoseRoute route) {
  switch (route) {
    case core::DoseRoute::esketamine_nasal:
      return QStringLiteral("esketamine nasal");
    case core::DoseRoute::iv:
      return QStringLiteral("IV");
    case core::DoseRoute::im:
      return QStringLiteral("IM");
    default:
      return words(std::string(core::dose_route_name(route)));
  }
}

QString checkpoint_text(const core::CheckpointStatus& c) {
  using K = core::CheckpointKind;
  switch (c.kind) {
    case K::pre_dose_bp:
      return QStringLiteral("Pre-dose BP");
    case K::post_dose_bp:
      return QStringLiteral("40-min BP");
    case K::infusion_bp:
      return QStringLiteral("Infusion BP %1").arg(c.number);
    case K::observation_bp:
      return QStringLiteral("Observation BP %1").arg(c.number);
    case K::discharge_bp:
      return QStringLiteral("Pre-discharge BP");
  }
  return {};
}

QString scale_text(const std::string& kind) {
  if (kind == "moaas") return QStringLiteral("MOAA/S");
  if (kind == "cadss") return QStringLiteral("CADSS");
  if (kind == "rass") return QStringLiteral("RASS");
  if (kind == "aldrete") return QStringLiteral("Modified Aldrete");
  if (kind == "phq9") return QStringLiteral("PHQ-9");
  if (kind == "gad7") return QStringLiteral("GAD-7");
  if (kind == "madrs") return QStringLiteral("MADRS");
  return words(kind);
}

QString words(const std::string& identifier) {
  return QString::fromStdString(identifier).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString number_text(double v, int decimals) { return QString::number(v, 'f', decimals); }

QString minutes_text(db::UtcMs from, db::UtcMs to) {
  const auto minutes = (to - from) / 60'000;
  return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace vigil::report

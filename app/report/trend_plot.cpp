#include "trend_plot.hpp"

#include <QDateTime>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <array>
#include <cmath>

namespace vigil::report {
namespace {

constexpr double kLeft = 34;    // points for the y labels
constexpr double kTop = 14;     // points for the title and alarm markers
constexpr double kBottom = 14;  // points for the time labels

QFont plot_font(double points, double unit, bool bold = false) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setPixelSize(std::max(1, static_cast<int>(std::lround(points * unit))));
  f.setBold(bold);
  f.setStyleStrategy(QFont::PreferNoShaping);  // no ligatures: the text reads back as typed
  return f;
}

// A tick step for the time axis that gives about 6-10 labels.
db::UtcMs time_step(db::UtcMs span) {
  constexpr db::UtcMs minute = 60'000;
  constexpr std::array<db::UtcMs, 10> steps{10'000,      30'000,      minute,      2 * minute,
                                            5 * minute,  10 * minute, 15 * minute, 30 * minute,
                                            60 * minute, 120 * minute};
  for (const db::UtcMs s : steps) {
    if (span / s <= 10) return s;
  }
  return 240 * minute;
}

}  // namespace

QColor alarm_priority_colour(const std::string& priority) {
  if (priority == "high") return QColor(0xd0, 0x00, 0x00);
  if (priority == "medium") return QColor(0xf0, 0xc0, 0x00);
  return QColor(0x00, 0xb0, 0xd0);
}

std::pair<double, double> plot_range(const std::vector<db::TrendBucket>& band, double step,
                                     double floor, double ceiling,
                                     std::pair<double, double> fallback) {
  if (band.empty()) return fallback;
  double lo = band.front().lowest;
  double hi = band.front().highest;
  for (const auto& b : band) {
    lo = std::min(lo, b.lowest);
    hi = std::max(hi, b.highest);
  }
  lo = std::max(floor, std::floor(lo / step) * step - step);
  hi = std::min(ceiling, std::ceil(hi / step) * step + step);
  if (hi <= lo) return fallback;
  return {std::min(lo, fallback.first), std::max(hi, fallback.second)};
}

void draw_trend_plot(QPainter& painter, const QRectF& rect, const TrendPlot& plot, double unit) {
  const QRectF area(rect.left() + kLeft * unit, rect.top() + kTop * unit,
                    rect.width() - (kLeft + 4) * unit, rect.height() - (kTop + kBottom) * unit);
  const double span =
      static_cast<double>(std::max<db::UtcMs>(1, plot.to_utc_ms - plot.from_utc_ms));
  const auto x_of = [&](db::UtcMs t) {
    return area.left() + area.width() * static_cast<double>(t - plot.from_utc_ms) / span;
  };
  const auto y_of = [&](double v) {
    const double c = std::clamp(v, plot.y_min, plot.y_max);
    return area.bottom() - area.height() * (c - plot.y_min) / (plot.y_max - plot.y_min);
  };
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setFont(plot_font(8, unit, true));
  painter.setPen(Qt::black);
  painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), kTop * unit),
                   Qt::AlignLeft | Qt::AlignVCenter, plot.title);
  for (const auto& g : plot.gaps) {
    painter.fillRect(
        QRectF(QPointF(x_of(g.from_utc_ms), area.top()), QPointF(x_of(g.to_utc_ms), area.bottom())),
        QColor(0xd8, 0xd8, 0xd8));
  }
  // Grid and y labels.
  painter.setFont(plot_font(6.5, unit));
  // A grid step of 1, 2 or 5 times a power of ten giving at most 10 lines, whatever the range.
  const double range = std::max(plot.y_max - plot.y_min, 1e-9);
  double y_step = std::pow(10.0, std::floor(std::log10(range / 10)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (range / (y_step * m) <= 10) {
      y_step *= m;
      break;
    }
  }
  for (double v = std::ceil(plot.y_min / y_step) * y_step; v <= plot.y_max; v += y_step) {
    painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 0.4 * unit));
    painter.drawLine(QPointF(area.left(), y_of(v)), QPointF(area.right(), y_of(v)));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(rect.left(), y_of(v) - 5 * unit, kLeft * unit - 3 * unit, 10 * unit),
                     Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'f', 0));
  }
  const db::UtcMs step = time_step(plot.to_utc_ms - plot.from_utc_ms);
  for (db::UtcMs t = (plot.from_utc_ms / step + 1) * step; t < plot.to_utc_ms; t += step) {
    painter.setPen(QPen(QColor(0xee, 0xee, 0xee), 0.4 * unit));
    painter.drawLine(QPointF(x_of(t), area.top()), QPointF(x_of(t), area.bottom()));
    painter.setPen(Qt::black);
    const QString label = QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(
        step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    painter.drawText(QRectF(x_of(t) - 20 * unit, area.bottom() + 1 * unit, 40 * unit, 12 * unit),
                     Qt::AlignHCenter | Qt::AlignTop, label);
  }
  for (const double v : plot.reference_lines) {
    painter.setPen(QPen(QColor(0xcc, 0x00, 0x00), 0.6 * unit, Qt::DashLine));
    painter.drawLine(QPointF(area.left(), y_of(v)), QPointF(area.right(), y_of(v)));
  }
  // The data: a band per bucket (lowest to highest; at least a hairline), then BP bars.
  painter.setPen(Qt::NoPen);
  const double min_width = 0.6 * unit;
  for (std::size_t i = 0; i < plot.band.size(); ++i) {
    const auto& b = plot.band[i];
    const double x0 = x_of(b.t_utc_ms);
    const double next = i + 1 < plot.band.size() ? x_of(plot.band[i + 1].t_utc_ms) : x0 + min_width;
    const double w = std::clamp(next - x0, min_width, 3 * min_width + area.width() / 200);
    const double top = y_of(b.highest);
    const double h = std::max(y_of(b.lowest) - top, 0.8 * unit);
    painter.fillRect(QRectF(x0, top, w, h), plot.colour);
  }
  for (const auto& bp : plot.bps) {
    const double x = x_of(bp.t_utc_ms);
    painter.setPen(QPen(plot.colour, 1.2 * unit));
    painter.drawLine(QPointF(x, y_of(bp.systolic)), QPointF(x, y_of(bp.diastolic)));
    painter.drawLine(QPointF(x - 2 * unit, y_of(bp.systolic)),
                     QPointF(x + 2 * unit, y_of(bp.systolic)));
    painter.drawLine(QPointF(x - 2 * unit, y_of(bp.diastolic)),
                     QPointF(x + 2 * unit, y_of(bp.diastolic)));
  }
  if (!plot.line.empty()) {
    painter.setPen(QPen(plot.colour, 0.8 * unit));
    QPolygonF run;
    for (std::size_t i = 0; i < plot.line.size(); ++i) {
      const auto& p = plot.line[i];
      if (i > 0 && p.t_utc_ms - plot.line[i - 1].t_utc_ms > 1000) {
        painter.drawPolyline(run);
        run.clear();
      }
      run << QPointF(x_of(p.t_utc_ms), y_of(p.value));
    }
    painter.drawPolyline(run);
  }
  painter.setFont(plot_font(6, unit, true));
  for (const auto& d : plot.doses) {
    const double x = x_of(d.t_utc_ms);
    painter.setPen(QPen(d.colour, 0.8 * unit));
    painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    painter.drawText(QRectF(x + 1 * unit, area.top(), 24 * unit, 8 * unit),
                     Qt::AlignLeft | Qt::AlignTop, d.label);
  }
  for (const auto& a : plot.alarms) {
    const double x = x_of(a.t_utc_ms);
    QPainterPath tri;
    tri.moveTo(x, area.top() - 1 * unit);
    tri.lineTo(x - 3 * unit, area.top() - 6 * unit);
    tri.lineTo(x + 3 * unit, area.top() - 6 * unit);
    tri.closeSubpath();
    painter.setPen(QPen(Qt::black, 0.3 * unit));
    painter.setBrush(a.colour);
    painter.drawPath(tri);
  }
  painter.setBrush(Qt::NoBrush);
  painter.setPen(QPen(Qt::black, 0.6 * unit));
  painter.drawRect(area);
}

}  // namespace vigil::report

#include "outcome_chart.hpp"

#include <QDateTime>
#include <QPainter>
#include <algorithm>

namespace vigil::gui {
namespace {

QColor bandColour(std::size_t i, std::size_t n) {
  // Light green (least severe) to light red (most severe).
  const double f = n <= 1 ? 0 : static_cast<double>(i) / static_cast<double>(n - 1);
  return QColor::fromHsvF(0.33 * (1 - f), 0.28, 0.97);
}

QString scaleTitle(const std::string& s) {
  if (s == "phq9") return QObject::tr("PHQ-9");
  if (s == "gad7") return QObject::tr("GAD-7");
  if (s == "madrs") return QObject::tr("MADRS");
  return QString::fromStdString(s);
}

}  // namespace

OutcomeChart::OutcomeChart(QWidget* parent) : QWidget(parent) { setMinimumHeight(260); }

void OutcomeChart::setSeries(std::vector<db::OutcomeSeries> series) {
  series_ = std::move(series);
  update();
}

int OutcomeChart::panels() const {
  return static_cast<int>(std::count_if(series_.begin(), series_.end(),
                                        [](const auto& s) { return !s.points.empty(); }));
}

void OutcomeChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), QColor(0x10, 0x12, 0x15));
  qint64 from = 0, to = 0;
  for (const auto& s : series_) {
    for (const auto& pt : s.points) {
      from = from == 0 ? pt.t_utc_ms : std::min<qint64>(from, pt.t_utc_ms);
      to = std::max<qint64>(to, pt.t_utc_ms);
    }
  }
  const int n = panels();
  if (n == 0) {
    p.setPen(Qt::lightGray);
    p.drawText(rect(), Qt::AlignCenter, tr("No PHQ-9, GAD-7 or MADRS recorded for this patient"));
    return;
  }
  const double h = static_cast<double>(height()) / n;
  int i = 0;
  for (const auto& s : series_) {
    if (s.points.empty()) continue;
    drawPanel(p, QRectF(0, i * h, width(), h - 6), s, from, std::max(to, from + 1));
    ++i;
  }
}

void OutcomeChart::drawPanel(QPainter& p, const QRectF& r, const db::OutcomeSeries& s, qint64 from,
                             qint64 to) {
  const QRectF area(r.left() + 60, r.top() + 20, r.width() - 270, r.height() - 40);
  const auto y_of = [&](double v) { return area.bottom() - area.height() * v / s.max_total; };
  const auto x_of = [&](qint64 t) {
    return area.left() + 10 +
           (area.width() - 20) * static_cast<double>(t - from) / static_cast<double>(to - from);
  };
  QFont f = font();
  f.setPixelSize(14);
  f.setBold(true);
  p.setFont(f);
  p.setPen(Qt::white);
  p.drawText(QRectF(r.left(), r.top(), r.width(), 18), Qt::AlignLeft, scaleTitle(s.scale));
  f.setBold(false);
  f.setPixelSize(12);
  p.setFont(f);
  for (std::size_t b = 0; b < s.bands.size(); ++b) {
    const auto& band = s.bands[b];
    const QRectF stripe(area.left(), y_of(band.to + 1 > s.max_total ? s.max_total : band.to + 1),
                        area.width(), y_of(band.from) - y_of(std::min(band.to + 1, s.max_total)));
    p.fillRect(stripe, bandColour(b, s.bands.size()));
    p.setPen(Qt::lightGray);
    p.drawText(QRectF(area.right() + 8, stripe.top(), 200, stripe.height()),
               Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap,
               QStringLiteral("%1 (%2-%3)")
                   .arg(QString::fromStdString(band.label))
                   .arg(band.from)
                   .arg(band.to));
    p.drawText(QRectF(r.left(), y_of(band.from) - 8, 52, 16), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(band.from));
  }
  QPolygonF line;
  for (const auto& pt : s.points) line << QPointF(x_of(pt.t_utc_ms), y_of(pt.total));
  p.setPen(QPen(QColor(0x20, 0x20, 0x60), 2));
  p.drawPolyline(line);
  for (std::size_t k = 0; k < s.points.size(); ++k) {
    const auto& pt = s.points[k];
    p.setBrush(pt.follow_up ? QBrush(Qt::white) : QBrush(QColor(0x20, 0x20, 0x60)));
    p.drawEllipse(line[static_cast<int>(k)], 5, 5);
    p.drawText(
        QRectF(line[static_cast<int>(k)].x() + 8, line[static_cast<int>(k)].y() - 18, 40, 16),
        Qt::AlignLeft, QString::number(pt.total));
    p.setPen(Qt::white);
    p.drawText(QRectF(line[static_cast<int>(k)].x() - 40, area.bottom() + 2, 80, 16),
               Qt::AlignHCenter,
               QDateTime::fromMSecsSinceEpoch(pt.t_utc_ms)
                   .toLocalTime()
                   .toString(QStringLiteral("yyyy-MM-dd")));
    p.setPen(QPen(QColor(0x20, 0x20, 0x60), 2));
  }
  p.setBrush(Qt::NoBrush);
}

}  // namespace vigil::gui

#include "trend_chart.hpp"

#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPaintEvent>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRegion>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "colours.hpp"

namespace vigil::gui {

namespace {

QPointF shown(const TimedValue& v) { return {v.t / 60.0, v.v}; }  // the x axis is in min

// An NIBP marker drawn by Qt Charts as an image per point (a "light marker"): a scatter
// series would make one QGraphicsItem per point, ~2 us each to lay out and paint (1 Hz NIBP
// over a session is ~2,700 of them, ~4 ms a render).
QImage markerImage(QLegend::MarkerShape shape) {
  QImage image(9, 9, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter p(&image);
  p.setPen(colours::nibp());
  p.setBrush(colours::nibp());
  if (shape == QLegend::MarkerShapeTriangle) {
    const QPointF triangle[] = {{0, 8}, {8, 8}, {4, 0}};
    p.drawPolygon(triangle, 3);
  } else {
    p.drawRect(0, 0, 8, 8);
  }
  return image;
}

// Series i's look: SpO2 and pulse rate as 1-px lines (the fast line path, no stroker), NIBP
// systolic and diastolic as triangle and square markers.
QLineSeries* makeSeries(std::size_t i) {
  static const QImage triangle = markerImage(QLegend::MarkerShapeTriangle);
  static const QImage square = markerImage(QLegend::MarkerShapeRectangle);
  auto* s = new QLineSeries;
  switch (i) {
    case 0:
      s->setName(QObject::tr("SpO2 %"));
      s->setPen(QPen(colours::spo2(), 1));
      break;
    case 1:
      s->setName(QObject::tr("Pulse rate"));
      s->setPen(QPen(colours::pulseRate(), 1));
      break;
    default:
      s->setName(i == 2 ? QObject::tr("NIBP sys") : QObject::tr("NIBP dia"));
      s->setPen(QPen(QBrush(colours::nibp()), 1, Qt::NoPen));  // markers only, no line
      s->setLightMarker(i == 2 ? triangle : square);
      s->setMarkerSize(8);
      break;
  }
  return s;
}

bool isLine(std::size_t i) { return i < 2; }

std::size_t seriesOf(core::Channel c) {  // kSeriesCount: not charted (NIBP mean)
  using C = core::Channel;
  return c == C::spo2             ? 0
         : c == C::pulse_rate     ? 1
         : c == C::nibp_systolic  ? 2
         : c == C::nibp_diastolic ? 3
                                  : TrendChart::kSeriesCount;
}

QList<QPointF> toChart(const std::vector<TimedValue>& v, std::size_t from, std::size_t to) {
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(to - from));
  for (std::size_t k = from; k < to; ++k) points.append(shown(v[k]));
  return points;
}

}  // namespace

// Renders the chart (and the dose and alarm markers over the plot area) into a cache, only
// where the scene reports a change (a hand-over changes the few pixels of the newest columns);
// paint events copy the cache.
class TrendChartView : public QChartView {
 public:
  TrendChartView(QChart* chart, const std::vector<station::TrendMarker>& markers, QWidget* parent)
      : QChartView(chart, parent), markers_(markers) {
    connect(scene(), &QGraphicsScene::changed, this, [this](const QList<QRectF>& rects) {
      for (const QRectF& r : rects) invalidate(mapFromScene(r).boundingRect());
    });
  }
  void invalidate(const QRect& r) {
    const QRect dirty = r.adjusted(-2, -2, 2, 2) & viewport()->rect();  // antialiased edges
    stale_ += dirty;
    viewport()->update(dirty);
  }
  void invalidate() { invalidate(viewport()->rect()); }
  long renders() const { return renders_; }

 protected:
  void paintEvent(QPaintEvent* event) override {
    const qreal dpr = viewport()->devicePixelRatioF();
    const QSize size = viewport()->size() * dpr;
    if (cache_.size() != size) {
      cache_ = QPixmap(size);
      cache_.setDevicePixelRatio(dpr);
      stale_ = viewport()->rect();
    }
    if (!stale_.isEmpty()) {
      const QRect r = stale_.boundingRect();
      QPainter p(&cache_);
      p.setRenderHints(renderHints());
      p.setClipRect(r);
      p.fillRect(r, backgroundBrush());
      render(&p, QRectF(r), r);
      stale_ = QRegion();
      ++renders_;
    }
    QPainter p(viewport());
    for (const QRect& r : event->region()) {
      p.drawPixmap(r, cache_, QRectF(QPointF(r.topLeft()) * dpr, QSizeF(r.size()) * dpr).toRect());
    }
  }

  void drawForeground(QPainter* p, const QRectF& rect) override {
    QChartView::drawForeground(p, rect);
    QChart* c = chart();
    if (c->series().isEmpty()) return;
    QAbstractSeries* ref = c->series().front();
    const QRectF plot = c->plotArea();
    const auto* x = static_cast<QValueAxis*>(c->axes(Qt::Horizontal).front());
    p->save();
    QFont f = p->font();
    f.setPointSize(8);
    p->setFont(f);
    for (const station::TrendMarker& m : markers_) {
      const double t_min = m.t_s / 60.0;
      if (t_min < x->min() || t_min > x->max()) continue;
      const double px = c->mapToPosition(QPointF(t_min, 0), ref).x();
      if (m.kind == station::TrendMarker::Kind::dose) {
        p->setPen(QPen(colours::nibp(), 1, Qt::DashLine));
        p->drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        p->drawText(QPointF(px + 3, plot.top() + 10), QString::fromStdString(m.label));
      } else {
        const QColor col = colours::alarm(m.priority.value_or(core::AlarmPriority::low));
        p->setPen(QPen(col, 3));
        p->drawLine(QPointF(px, plot.top()), QPointF(px, plot.top() + 14));
      }
    }
    p->restore();
  }

 private:
  const std::vector<station::TrendMarker>& markers_;
  QPixmap cache_;
  QRegion stale_;  // viewport pixels to render into cache_ again
  long renders_ = 0;
};

TrendChart::TrendChart(QWidget* parent)
    : QWidget(parent),
      chart_(new QChart),
      x_axis_(new QValueAxis),
      spo2_axis_(new QValueAxis),
      rate_axis_(new QValueAxis) {
  chart_->setAnimationOptions(QChart::NoAnimation);
  chart_->setBackgroundBrush(colours::background());
  chart_->setPlotAreaBackgroundVisible(false);
  chart_->setMargins(QMargins(4, 4, 4, 4));
  chart_->legend()->setLabelColor(colours::dimText());
  chart_->legend()->setAlignment(Qt::AlignTop);

  for (QValueAxis* a : {x_axis_, spo2_axis_, rate_axis_}) {
    a->setLabelsColor(colours::dimText());
    a->setGridLineColor(QColor(50, 50, 50));
    a->setLinePenColor(QColor(90, 90, 90));
    QFont f = a->labelsFont();
    f.setPointSize(8);
    a->setLabelsFont(f);
  }
  x_axis_->setLabelFormat(QStringLiteral("%.0f"));
  x_axis_->setTitleText(tr("min"));
  x_axis_->setTitleBrush(colours::dimText());
  spo2_axis_->setRange(70, 100);
  spo2_axis_->setTickCount(7);
  spo2_axis_->setLabelsColor(colours::spo2());
  spo2_axis_->setLabelFormat(QStringLiteral("%.0f"));
  rate_axis_->setRange(0, 240);
  rate_axis_->setTickCount(7);
  x_axis_->setTickType(QValueAxis::TicksDynamic);
  x_axis_->setTickAnchor(0);
  rate_axis_->setLabelFormat(QStringLiteral("%.0f"));
  chart_->addAxis(x_axis_, Qt::AlignBottom);
  chart_->addAxis(spo2_axis_, Qt::AlignLeft);
  chart_->addAxis(rate_axis_, Qt::AlignRight);
  for (std::size_t i = 0; i < kSeriesCount; ++i) {
    series_[i] = makeSeries(i);
    heads_[i] = makeSeries(i);
    for (QXYSeries* s : {series_[i], heads_[i]}) {
      chart_->addSeries(s);
      s->attachAxis(x_axis_);
      s->attachAxis(i == 0 ? spo2_axis_ : rate_axis_);
    }
    for (QLegendMarker* m : chart_->legend()->markers(heads_[i])) m->setVisible(false);
    if (isLine(i)) continue;
    // The legend shows the NIBP marker shapes (a line series' legend entry would be a line).
    for (QLegendMarker* m : chart_->legend()->markers(series_[i])) {
      m->setShape(i == 2 ? QLegend::MarkerShapeTriangle : QLegend::MarkerShapeRectangle);
      m->setBrush(colours::nibp());
      m->setPen(QPen(colours::nibp()));
    }
  }
  changed_from_.fill(IncrementalMinMax::npos);

  view_ = new TrendChartView(chart_, markers_, this);
  view_->setRenderHint(QPainter::Antialiasing, false);
  view_->setBackgroundBrush(colours::background());

  auto* buttons = new QHBoxLayout;
  const std::array<std::pair<QString, Range>, 3> choices{{{tr("15 min"), Range::last_15_min},
                                                          {tr("1 h"), Range::last_hour},
                                                          {tr("Session"), Range::session}}};
  for (std::size_t i = 0; i < choices.size(); ++i) {
    auto* b = new QPushButton(choices[i].first, this);
    b->setCheckable(true);
    b->setAutoExclusive(true);
    b->setChecked(choices[i].second == range_);
    const Range r = choices[i].second;
    connect(b, &QPushButton::clicked, this, [this, r] { setRange(r); });
    range_buttons_[i] = b;
    buttons->addWidget(b);
  }
  buttons->addStretch();
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(2);
  column->addLayout(buttons);
  column->addWidget(view_, 1);
  rebuild();
}

TrendChart::~TrendChart() = default;

void TrendChart::append(const std::vector<station::TrendPoint>& points,
                        const std::vector<station::TrendMarker>& markers, double now_s,
                        bool force) {
  now_s_ = now_s;
  const bool moved = window() != shown_window_ || plotColumns() != shown_columns_;
  for (const station::TrendPoint& p : points) {
    const std::size_t i = seriesOf(p.channel);
    if (i == kSeriesCount) continue;
    std::vector<TimedValue>& d = data_[i];
    if (!d.empty() && p.t_s < d.back().t) continue;  // the reducer needs time order
    d.push_back({p.t_s, p.value});
    if (moved) continue;  // rebuilt below
    const std::size_t changed = envelopes_[i].append(d.back());
    changed_from_[i] = std::min(changed_from_[i], changed);
  }
  if (!markers.empty()) {
    markers_.insert(markers_.end(), markers.begin(), markers.end());
    view_->invalidate();
  }
  if (moved) {
    rebuild();  // the axis moves: every series at once
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_handover_ < kHandOverInterval) return;
  bool any = false;
  for (std::size_t i = 0; i < kSeriesCount; ++i) {
    if (changed_from_[i] == IncrementalMinMax::npos) continue;
    handOver(i);
    any = true;
  }
  if (any) last_handover_ = now;
}

// Each QXYSeries change makes Qt Charts recompute that series' geometry (~0.4 ms for 1,400
// points), so the newest columns live in a short head series (joined to the body by repeating
// the body's last point for lines): a hand-over replaces the head only, and the body moves up
// once the head holds kMaxHeadPoints.
void TrendChart::handOver(std::size_t i) {
  const std::vector<TimedValue>& out = envelopes_[i].points();
  if (changed_from_[i] < body_points_[i] || out.size() - body_points_[i] > kMaxHeadPoints) {
    body_points_[i] = envelopes_[i].newestColumnStart();
    series_[i]->replace(toChart(out, 0, body_points_[i]));
    ++handovers_;
  }
  const std::size_t join = isLine(i) && body_points_[i] > 0 ? 1 : 0;
  heads_[i]->replace(toChart(out, body_points_[i] - join, out.size()));
  ++handovers_;
  changed_from_[i] = IncrementalMinMax::npos;
}

void TrendChart::clear() {
  for (auto& d : data_) d.clear();
  markers_.clear();
  view_->invalidate();
  rebuild();
}

void TrendChart::setRange(Range r) {
  range_ = r;
  for (std::size_t i = 0; i < range_buttons_.size(); ++i) {
    range_buttons_[i]->setChecked(static_cast<std::size_t>(r) == i);
  }
  rebuild();
}

// The window moves in steps (1 min for 15 min, 5 min for 1 h, about a tenth of the session),
// not every second: moving the axis makes Qt Charts lay out the whole chart again, and every
// series is reduced and replaced (~3 ms), while the newest column costs ~0.3 ms a series.
std::pair<double, double> TrendChart::window() const {
  const auto step_end = [this](double step) {
    return std::ceil(std::max(now_s_, 1.0) / step) * step;
  };
  switch (range_) {
    case Range::last_15_min: {
      const double end = std::max(step_end(60), 15 * 60.0);
      return {end - 15 * 60.0, end};
    }
    case Range::last_hour: {
      const double end = std::max(step_end(300), 3600.0);
      return {end - 3600.0, end};
    }
    case Range::session: {
      double step = 300;
      while (now_s_ / step > 10) step *= 2;
      return {0.0, std::max(step_end(step), 300.0)};
    }
  }
  return {0.0, 900.0};
}

int TrendChart::plotColumns() const {
  return std::max(1, static_cast<int>(chart_->plotArea().width()));
}

qsizetype TrendChart::shownPointCount(Series s) const { return shownPoints(s).size(); }

QList<QPointF> TrendChart::shownPoints(Series s) const {
  const std::size_t i = index(s);
  QList<QPointF> points = series_[i]->points();
  const QList<QPointF> head = heads_[i]->points();
  const bool joined = isLine(i) && !points.isEmpty() && !head.isEmpty();
  points.append(head.mid(joined ? 1 : 0));
  return points;
}

long TrendChart::chartRenders() const { return view_->renders(); }

void TrendChart::rebuild() {
  const auto [t0, t1] = window();
  if (x_axis_->min() != t0 / 60.0 || x_axis_->max() != t1 / 60.0) {
    // Empty the series first: moving the axis recomputes every series' geometry.
    for (std::size_t i = 0; i < kSeriesCount; ++i) {
      series_[i]->clear();
      heads_[i]->clear();
    }
    x_axis_->setRange(t0 / 60.0, t1 / 60.0);
  }
  // Ticks on round minutes: about six across the window.
  const double span_min = (t1 - t0) / 60.0;
  double tick = 480;
  for (double candidate : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 240.0}) {
    if (span_min / candidate <= 7) {
      tick = candidate;
      break;
    }
  }
  if (tick != shown_tick_) {
    x_axis_->setTickInterval(tick);
    shown_tick_ = tick;
  }
  shown_window_ = {t0, t1};
  shown_columns_ = plotColumns();
  for (std::size_t i = 0; i < kSeriesCount; ++i) {
    envelopes_[i].reset(data_[i], t0, t1, shown_columns_);
    body_points_[i] = envelopes_[i].newestColumnStart();  // all but the newest column
    series_[i]->replace(toChart(envelopes_[i].points(), 0, body_points_[i]));
    ++handovers_;
    changed_from_[i] = body_points_[i];
    handOver(i);
  }
  ++rebuilds_;
  last_handover_ = std::chrono::steady_clock::now();
}

}  // namespace vigil::gui

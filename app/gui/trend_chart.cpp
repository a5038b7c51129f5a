#include "trend_chart.hpp"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "colours.hpp"

namespace vigil::gui {

// Draws dose and alarm markers over the plot area, in scene coordinates.
class TrendChartView : public QChartView {
 public:
  TrendChartView(QChart* chart, const std::vector<station::TrendMarker>& markers, QWidget* parent)
      : QChartView(chart, parent), markers_(markers) {}

 protected:
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

  auto* spo2 = new QLineSeries;
  spo2->setName(tr("SpO2 %"));
  spo2->setPen(QPen(colours::spo2(), 1));  // width 1: the fast line path (no stroker)
  auto* pr = new QLineSeries;
  pr->setName(tr("Pulse rate"));
  pr->setPen(QPen(colours::pulseRate(), 1));
  auto* sys = new QScatterSeries;
  sys->setName(tr("NIBP sys"));
  sys->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
  auto* dia = new QScatterSeries;
  dia->setName(tr("NIBP dia"));
  dia->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  for (QScatterSeries* s : {sys, dia}) {
    s->setMarkerSize(8);
    s->setColor(colours::nibp());
    s->setBorderColor(colours::nibp());
  }
  series_ = {spo2, pr, sys, dia};

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
    chart_->addSeries(series_[i]);
    series_[i]->attachAxis(x_axis_);
    series_[i]->attachAxis(i == 0 ? spo2_axis_ : rate_axis_);
  }

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
  for (const station::TrendPoint& p : points) {
    std::vector<TimedValue>* d = nullptr;
    switch (p.channel) {
      case core::Channel::spo2:
        d = &data_[index(Series::spo2)];
        break;
      case core::Channel::pulse_rate:
        d = &data_[index(Series::pulse_rate)];
        break;
      case core::Channel::nibp_systolic:
        d = &data_[index(Series::nibp_systolic)];
        break;
      case core::Channel::nibp_diastolic:
        d = &data_[index(Series::nibp_diastolic)];
        break;
      default:
        break;
    }
    if (d == nullptr) continue;
    if (!d->empty() && p.t_s < d->back().t) continue;  // the reducer needs time order
    d->push_back({p.t_s, p.value});
    series_dirty_[static_cast<std::size_t>(d - data_.data())] = true;
  }
  if (!markers.empty()) {
    markers_.insert(markers_.end(), markers.begin(), markers.end());
    view_->viewport()->update();
  }
  now_s_ = now_s;
  if (force) {
    rebuild();
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - last_rebuild_ >= kRebuildInterval) {
    last_rebuild_ = now;
    if (window() != shown_window_ || plotColumns() != shown_columns_) {
      rebuild();  // the axis moves: every series at once
      return;
    }
    for (std::size_t i = 0; i < kSeriesCount; ++i) {
      pending_[i] = pending_[i] || series_dirty_[i];
      series_dirty_[i] = false;
    }
  }
  // Spread the hand-over to Qt Charts: at most one series per snapshot (~1-2 ms each).
  for (std::size_t i = 0; i < kSeriesCount; ++i) {
    if (!pending_[i]) continue;
    replaceSeries(i);
    pending_[i] = false;
    view_->viewport()->update();
    break;
  }
}

void TrendChart::replaceSeries(std::size_t i) {
  MinMaxReducer::reduce(data_[i], shown_window_.first, shown_window_.second, shown_columns_,
                        reduced_);
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(reduced_.size()));
  for (const TimedValue& v : reduced_) points.append(QPointF(v.t / 60.0, v.v));
  series_[i]->replace(points);
}

void TrendChart::clear() {
  for (auto& d : data_) d.clear();
  markers_.clear();
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
// not every second: moving the axis makes Qt Charts lay out the whole chart again (~10 ms),
// while replacing the reduced points costs ~1-2 ms.
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

qsizetype TrendChart::shownPointCount(Series s) const { return series_[index(s)]->count(); }

void TrendChart::rebuild() {
  const auto [t0, t1] = window();
  if (x_axis_->min() != t0 / 60.0 || x_axis_->max() != t1 / 60.0) {
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
  x_axis_->setTickInterval(tick);
  shown_window_ = {t0, t1};
  shown_columns_ = plotColumns();
  for (std::size_t i = 0; i < kSeriesCount; ++i) {
    replaceSeries(i);
    series_dirty_[i] = pending_[i] = false;
  }
  last_rebuild_ = std::chrono::steady_clock::now();
  view_->viewport()->update();
}

}  // namespace vigil::gui

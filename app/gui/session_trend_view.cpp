#include "session_trend_view.hpp"

#include <QHBoxLayout>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>

#include "form_style.hpp"
#include "vigil/db/session_trends.hpp"

namespace vigil::gui {
namespace {

constexpr int kBuckets = 600;
constexpr db::UtcMs kPlethWindow = 120'000;  // the pleth is drawn at full rate below this
constexpr double kUnit = 1.5;                // chart points to screen pixels

db::UtcMs spanOf(SessionTrendView::Zoom z, db::UtcMs session) {
  switch (z) {
    case SessionTrendView::Zoom::session:
      return session;
    case SessionTrendView::Zoom::hour:
      return 3'600'000;
    case SessionTrendView::Zoom::ten_minutes:
      return 600'000;
    case SessionTrendView::Zoom::minute:
      return 60'000;
  }
  return session;
}

}  // namespace

SessionTrendView::SessionTrendView(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      back_(new QPushButton(tr("< Earlier"), this)),
      forward_(new QPushButton(tr("Later >"), this)) {
  auto* row = new QHBoxLayout;
  const std::array<QString, 4> names{tr("Whole session"), tr("1 h"), tr("10 min"), tr("1 min")};
  for (std::size_t i = 0; i < names.size(); ++i) {
    zoom_buttons_[i] = new QPushButton(names[i], this);
    zoom_buttons_[i]->setCheckable(true);
    zoom_buttons_[i]->setMinimumHeight(form_style::kTouchHeight);
    row->addWidget(zoom_buttons_[i]);
    connect(zoom_buttons_[i], &QPushButton::clicked, this,
            [this, i] { setZoom(static_cast<Zoom>(i)); });
  }
  row->addStretch(1);
  for (QPushButton* b : {back_, forward_}) {
    b->setMinimumHeight(form_style::kTouchHeight);
    row->addWidget(b);
  }
  connect(back_, &QPushButton::clicked, this, [this] { pan(-1); });
  connect(forward_, &QPushButton::clicked, this, [this] { pan(1); });
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->addLayout(row);
  col->addStretch(1);
  setMinimumHeight(420);
}

void SessionTrendView::showSession(const db::SessionReport& record) {
  record_ = record;
  has_record_ = true;
  session_from_ = record.started_utc_ms.value_or(record.printed_utc_ms);
  session_to_ = record.ended_utc_ms.value_or(record.printed_utc_ms);
  try {
    if (const auto span = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
          return db::session_vitals_span(s, a, record.panel.id, now);
        })) {
      session_from_ = std::min(session_from_, span->first);
      session_to_ = std::max(session_to_, span->second);
    }
  } catch (const std::exception& e) {
    message_ = QString::fromStdString(e.what());
  }
  if (session_to_ <= session_from_) session_to_ = session_from_ + 60'000;
  setZoom(Zoom::session);
}

void SessionTrendView::clear() {
  has_record_ = false;
  record_ = {};
  plots_.clear();
  message_.clear();
  update();
}

void SessionTrendView::setZoom(Zoom zoom) {
  for (std::size_t i = 0; i < zoom_buttons_.size(); ++i) {
    zoom_buttons_[i]->setChecked(static_cast<Zoom>(i) == zoom);
  }
  const db::UtcMs session = session_to_ - session_from_;
  const db::UtcMs span = std::min(spanOf(zoom, session), session);
  // Keep the middle of the window where it was (the session's start when first shown).
  const db::UtcMs middle =
      zoom == Zoom::session || to_ <= from_ ? session_from_ + session / 2 : (from_ + to_) / 2;
  from_ = std::clamp(middle - span / 2, session_from_, std::max(session_from_, session_to_ - span));
  to_ = from_ + span;
  reload();
}

void SessionTrendView::pan(int halves) {
  const db::UtcMs span = to_ - from_;
  from_ = std::clamp(from_ + halves * span / 2, session_from_,
                     std::max(session_from_, session_to_ - span));
  to_ = from_ + span;
  reload();
}

void SessionTrendView::centerOn(db::UtcMs t) {
  const db::UtcMs span = to_ - from_;
  from_ = std::clamp(t - span / 2, session_from_, std::max(session_from_, session_to_ - span));
  to_ = from_ + span;
  reload();
}

void SessionTrendView::mousePressEvent(QMouseEvent* event) {
  const QRect area = chartArea();
  if (plots_.empty() || !area.contains(event->pos())) return;
  // The charts' time axis runs over the area minus their left labels (trend_plot.cpp: 34 pt).
  const double left = area.left() + 34 * kUnit;
  const double width = area.width() - 38 * kUnit;
  const double f = std::clamp((event->position().x() - left) / width, 0.0, 1.0);
  centerOn(from_ + static_cast<db::UtcMs>(f * static_cast<double>(to_ - from_)));
}

void SessionTrendView::reload() {
  plots_.clear();
  back_->setEnabled(from_ > session_from_);
  forward_->setEnabled(to_ < session_to_);
  if (!has_record_) return;
  try {
    const auto id = record_.panel.id;
    const auto series = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      // Buckets of at least a second: the numerics come once a second.
      const int buckets =
          static_cast<int>(std::clamp<db::UtcMs>((to_ - from_) / 1000, 1, kBuckets));
      return db::read_session_trends(s, a, id, {core::Channel::spo2, core::Channel::pulse_rate},
                                     from_, to_, buckets, now);
    });
    report::TrendPlot base;
    base.from_utc_ms = from_;
    base.to_utc_ms = to_;
    int n = 0;
    for (const auto& d : record_.panel.doses) {
      base.doses.push_back(
          {d.start_utc_ms, QStringLiteral("D%1").arg(++n), QColor(0x6a, 0x1b, 0x9a)});
    }
    for (const auto& a : record_.alarms)
      base.alarms.push_back({a.start_utc_ms, QString(), report::alarm_priority_colour(a.priority)});
    for (const auto& g : record_.device_gaps) base.gaps.push_back({g.from_utc_ms, g.to_utc_ms});
    report::TrendPlot spo2 = base;
    spo2.title = tr("SpO2 %");
    spo2.band = series[0].buckets;
    std::tie(spo2.y_min, spo2.y_max) = report::plot_range(spo2.band, 5, 50, 100, {85, 100});
    spo2.colour = QColor(0x00, 0x70, 0xc0);
    report::TrendPlot pr = base;
    pr.title = tr("Pulse rate /min");
    pr.band = series[1].buckets;
    std::tie(pr.y_min, pr.y_max) = report::plot_range(pr.band, 10, 20, 250, {50, 110});
    pr.colour = QColor(0x00, 0x80, 0x40);
    report::TrendPlot third = base;
    if (to_ - from_ <= kPlethWindow) {
      const auto blocks = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        return db::read_session_waveform(s, a, id, core::Channel::pleth, from_, to_, now);
      });
      third.title = tr("Pleth (full rate)");
      double lo = 1e9, hi = -1e9;
      for (const auto& b : blocks) {
        for (std::size_t i = 0; i < b.samples.size(); ++i) {
          const auto t = b.start_utc_ms + static_cast<db::UtcMs>(1000.0 * i / b.sample_rate_hz);
          if (t < from_ || t >= to_) continue;
          third.line.push_back({t, static_cast<double>(b.samples[i])});
          lo = std::min(lo, static_cast<double>(b.samples[i]));
          hi = std::max(hi, static_cast<double>(b.samples[i]));
        }
      }
      third.y_min = third.line.empty() ? 0 : lo;
      third.y_max = third.line.empty() ? 1 : std::max(hi, lo + 1);
      third.colour = QColor(0x00, 0x70, 0xc0);
    } else {
      third.title = tr("NIBP mmHg");
      std::vector<db::TrendBucket> range;
      for (const auto& b : record_.bps) {
        third.bps.push_back({b.t_utc_ms, b.systolic_mmhg, b.diastolic_mmhg});
        range.push_back({b.t_utc_ms, b.diastolic_mmhg, b.systolic_mmhg});
      }
      std::tie(third.y_min, third.y_max) = report::plot_range(range, 20, 20, 260, {60, 160});
      third.colour = QColor(0xb0, 0x30, 0x00);
    }
    plots_ = {spo2, pr, third};
    message_.clear();
  } catch (const std::exception& e) {
    message_ = QString::fromStdString(e.what());
  }
  update();
}

QRect SessionTrendView::chartArea() const {
  const int top = zoom_buttons_[0]->geometry().bottom() + 6;
  return QRect(0, top, width(), height() - top);
}

void SessionTrendView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0x10, 0x12, 0x15));
  const QRect area = chartArea();
  if (plots_.empty()) {
    p.setPen(Qt::lightGray);
    p.drawText(area, Qt::AlignCenter,
               message_.isEmpty() ? tr("Open a session to see its trends") : message_);
    return;
  }
  const int h = area.height() / static_cast<int>(plots_.size());
  for (std::size_t i = 0; i < plots_.size(); ++i) {
    QRectF r(area.left(), area.top() + static_cast<int>(i) * h, area.width(), h - 4);
    p.save();
    // The printed report's chart code draws dark on light: each chart is a light panel here.
    p.fillRect(r, QColor(0xf4, 0xf4, 0xf4));
    report::draw_trend_plot(p, r, plots_[i], kUnit);
    p.restore();
  }
}

}  // namespace vigil::gui

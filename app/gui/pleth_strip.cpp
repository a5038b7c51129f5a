#include "pleth_strip.hpp"

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

#include "colours.hpp"

namespace vigil::gui {
namespace {

constexpr float kNotWritten = std::numeric_limits<float>::quiet_NaN();
constexpr double kMaxBacklogSeconds = 0.5;  // beyond this the sweep skips ahead to stay live

}  // namespace

PlethStrip::PlethStrip(QWidget* parent) : QWidget(parent), absent_reason_(tr("no device")) {
  setAutoFillBackground(true);
  setAttribute(Qt::WA_OpaquePaintEvent);  // the cached image covers every pixel
  QPalette pal = palette();
  pal.setColor(QPalette::Window, colours::background());
  setPalette(pal);
  setMinimumHeight(120);
  frame_timer_.setInterval(kFrameIntervalMs);
  frame_timer_.setTimerType(Qt::PreciseTimer);
  connect(&frame_timer_, &QTimer::timeout, this, &PlethStrip::onFrame);
}

void PlethStrip::addSamples(std::span<const float> samples, double rate_hz, float scale_min,
                            float scale_max) {
  if (rate_hz <= 0) return;
  if (rate_hz != rate_hz_) {
    rate_hz_ = rate_hz;
    sweep_.assign(static_cast<std::size_t>(std::lround(rate_hz * kSweepSeconds)), kNotWritten);
    cursor_ = 0;
    carry_ = 0;
    pending_.clear();
    scale_valid_ = false;
    invalidate();
  }
  scale_min_ = scale_min;
  scale_max_ = scale_max;
  if (!absent_reason_.isEmpty()) invalidate();
  absent_reason_.clear();
  pending_.insert(pending_.end(), samples.begin(), samples.end());
  if (!scale_valid_ || scale_max_ > scale_min_) {
    updateScale();
    scale_valid_ = true;
  } else {  // auto-scale: widen at once for a taller pulse, narrow only at the next sweep
    const auto [lo, hi] = std::minmax_element(samples.begin(), samples.end());
    if (lo != samples.end() && (*lo < lo_ || *hi > hi_)) {
      lo_ = std::min(lo_, *lo);
      hi_ = std::max(hi_, *hi);
      invalidate();
    }
  }
  const auto max_backlog = static_cast<std::size_t>(rate_hz_ * kMaxBacklogSeconds) + 1;
  if (pending_.size() > 2 * max_backlog) {
    pending_.erase(pending_.begin(),
                   pending_.begin() + static_cast<std::ptrdiff_t>(pending_.size() - max_backlog));
  }
  if (!frame_timer_.isActive()) {
    last_frame_ = std::chrono::steady_clock::now();
    frame_timer_.start();
  }
}

void PlethStrip::setAbsent(const QString& reason) {
  if (absent_reason_ == reason && !frame_timer_.isActive()) return;
  absent_reason_ = reason;
  frame_timer_.stop();
  pending_.clear();
  std::fill(sweep_.begin(), sweep_.end(), kNotWritten);
  cursor_ = 0;
  scale_valid_ = false;
  invalidate();
}

void PlethStrip::onFrame() {
  const auto now = std::chrono::steady_clock::now();
  advance(std::chrono::duration_cast<std::chrono::milliseconds>(now - last_frame_));
  last_frame_ = now;
}

void PlethStrip::advance(std::chrono::milliseconds elapsed) {
  if (sweep_.empty()) return;
  carry_ += rate_hz_ * static_cast<double>(elapsed.count()) / 1000.0;
  auto n = static_cast<std::size_t>(carry_);
  carry_ -= static_cast<double>(n);
  n = std::min(n, pending_.size());
  if (n == 0) return;
  const std::size_t gap = std::max<std::size_t>(2, sweep_.size() / 40);
  const std::size_t from = cursor_;
  bool wrapped = false;
  for (std::size_t i = 0; i < n; ++i) {
    sweep_[cursor_] = pending_.front();
    pending_.pop_front();
    cursor_ = (cursor_ + 1) % sweep_.size();
    wrapped = wrapped || cursor_ == 0;
    sweep_[(cursor_ + gap) % sweep_.size()] = kNotWritten;  // the erase gap ahead of the cursor
  }
  // Repaint only the band the cursor swept (and its gap); a new sweep may rescale: all of it.
  if (wrapped || from + n + gap + 1 >= sweep_.size()) {
    if (wrapped) updateScale();
    invalidate();
    return;
  }
  const double x_step = traceArea().width() / static_cast<double>(sweep_.size());
  const int x0 = static_cast<int>(traceArea().left() + x_step * (static_cast<double>(from) - 1));
  const int x1 =
      static_cast<int>(traceArea().left() + x_step * static_cast<double>(from + n + gap + 1));
  invalidate(QRect(x0 - 3, 0, x1 - x0 + 6, height()));
}

QRectF PlethStrip::traceArea() const { return QRectF(rect()).adjusted(4, 6, -4, -6); }

// The vertical scale holds for a whole sweep (monitors rescale per sweep), so a frame repaints
// only the swept band.
void PlethStrip::updateScale() {
  float lo = scale_min_;
  float hi = scale_max_;
  if (!(hi > lo)) {
    lo = std::numeric_limits<float>::max();
    hi = std::numeric_limits<float>::lowest();
    for (float v : sweep_) {
      if (std::isnan(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    for (float v : pending_) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (!(hi > lo)) hi = lo + 1;
  }
  if (lo != lo_ || hi != hi_) {
    lo_ = lo;
    hi_ = hi;
    invalidate();
  }
}

void PlethStrip::invalidate(const QRect& r) {
  stale_ += r;
  update(r);
}

void PlethStrip::invalidate() { invalidate(rect()); }

void PlethStrip::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  invalidate();
}

void PlethStrip::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) invalidate();
}

void PlethStrip::paintEvent(QPaintEvent* event) {
  const qreal dpr = devicePixelRatioF();
  if (cache_.size() != size() * dpr || cache_.devicePixelRatio() != dpr) {
    cache_ = QImage(size() * dpr, QImage::Format_RGB32);
    cache_.setDevicePixelRatio(dpr);
    stale_ = rect();
  }
  if (!stale_.isEmpty()) {
    QPainter p(&cache_);
    for (const QRect& band : stale_) drawBand(p, band & rect());
    stale_ = QRegion();
    ++trace_renders_;
  }
  QPainter p(this);
  for (const QRect& r : event->region()) {
    p.drawImage(r, cache_, QRectF(QPointF(r.topLeft()) * dpr, QSizeF(r.size()) * dpr));
  }
}

void PlethStrip::drawBand(QPainter& p, const QRect& band) const {
  if (band.isEmpty()) return;
  p.save();
  p.setClipRect(band);
  p.fillRect(band, palette().color(QPalette::Window));
  p.setPen(colours::spo2());
  QFont f = font();
  f.setPointSize(11);
  p.setFont(f);
  p.drawText(QPointF(6, 16), tr("Pleth"));
  if (!absent_reason_.isEmpty() || sweep_.empty()) {
    p.setPen(colours::dimText());
    p.drawText(rect(), Qt::AlignCenter, absent_reason_);
    p.restore();
    return;
  }
  const QRectF area = traceArea();
  const double x_step = area.width() / static_cast<double>(sweep_.size());
  const double y_scale = area.height() / static_cast<double>(hi_ - lo_);
  // Only the samples under the band (plus two each side: a neighbouring segment's antialiased edge
  // can reach into the band).
  const auto first = static_cast<std::size_t>(
      std::clamp((band.left() - area.left()) / x_step - 2, 0.0, double(sweep_.size())));
  const auto last = static_cast<std::size_t>(
      std::clamp((band.right() - area.left()) / x_step + 3, 0.0, double(sweep_.size())));
  QPainterPath path;
  bool drawing = false;
  for (std::size_t i = first; i < last; ++i) {
    const float v = sweep_[i];
    if (std::isnan(v)) {
      drawing = false;
      continue;
    }
    const QPointF pt(area.left() + x_step * static_cast<double>(i),
                     area.bottom() - (static_cast<double>(v - lo_)) * y_scale);
    if (drawing) {
      path.lineTo(pt);
    } else {
      path.moveTo(pt);
      drawing = true;
    }
  }
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setPen(QPen(colours::spo2(), 2));
  p.drawPath(path);
  p.restore();
}

}  // namespace vigil::gui

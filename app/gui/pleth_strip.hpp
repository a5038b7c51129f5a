#pragma once
// The pleth waveform strip: a sweeping trace (write cursor moving left to right, an erase gap
// ahead of it) at the device's sample rate. Sample blocks arrive with snapshots (bursty, up to
// 30 per second); a frame QTimer (>= 25 frames/s) releases them at the device rate so the sweep
// moves smoothly. Custom QPainter drawing, no Qt Charts: the trace is drawn into a cached
// image band by band as the cursor sweeps (the same bands it repaints), so a full repaint or a
// grab of the strip copies the image instead of stroking 450 antialiased segments (~2 ms).

#include <QColor>
#include <QImage>
#include <QRegion>
#include <QTimer>
#include <QWidget>
#include <chrono>
#include <deque>
#include <span>
#include <vector>

namespace vigil::gui {

class PlethStrip : public QWidget {
  Q_OBJECT
 public:
  explicit PlethStrip(QWidget* parent = nullptr);

  static constexpr int kFrameIntervalMs = 33;  // ~30 frames/s
  static constexpr double kSweepSeconds = 6;   // width of the strip in seconds

  // Appends device samples (device scale). A rate change restarts the sweep. scale_min ==
  // scale_max auto-scales to what is on screen.
  void addSamples(std::span<const float> samples, double rate_hz, float scale_min = 0,
                  float scale_max = 0);
  // No device: clears the trace and shows `reason`.
  void setAbsent(const QString& reason);
  // Moves the sweep by `elapsed` (the frame timer calls this; tests call it directly).
  void advance(std::chrono::milliseconds elapsed);

  int frameIntervalMs() const { return frame_timer_.interval(); }
  // Times the cached image was drawn into, whole or in part (tests, bench).
  long traceRenders() const { return trace_renders_; }
  bool isSweeping() const { return frame_timer_.isActive(); }
  int cursor() const { return static_cast<int>(cursor_); }
  std::size_t pendingSamples() const { return pending_.size(); }
  double rateHz() const { return rate_hz_; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void onFrame();
  QRectF traceArea() const;
  void updateScale();
  // Marks `r` (all of the strip by default) to be drawn into the cache again, and repaints it.
  void invalidate(const QRect& r);
  void invalidate();
  void drawBand(QPainter& p, const QRect& band) const;  // label and trace under `band`

  QTimer frame_timer_;
  std::chrono::steady_clock::time_point last_frame_{};
  std::deque<float> pending_;  // received, not yet swept
  std::vector<float> sweep_;   // one sweep's samples; NaN = not yet written
  std::size_t cursor_ = 0;     // next sample index to write
  double carry_ = 0;           // fractional samples owed to the sweep
  double rate_hz_ = 0;
  float scale_min_ = 0;
  float scale_max_ = 0;
  float lo_ = 0;  // vertical scale of the current sweep
  float hi_ = 1;
  bool scale_valid_ = false;
  QString absent_reason_;
  QImage cache_;   // the strip as drawn, valid outside stale_
  QRegion stale_;  // parts of cache_ to draw again
  long trace_renders_ = 0;
};

}  // namespace vigil::gui

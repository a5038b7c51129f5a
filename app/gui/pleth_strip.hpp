#pragma once
// The pleth waveform strip: a sweeping trace (write cursor moving left to right, an erase gap
// ahead of it) at the device's sample rate. Sample blocks arrive with snapshots (bursty, up to
// 30 per second); a frame QTimer (>= 25 frames/s) releases them at the device rate so the sweep
// moves smoothly. Custom QPainter drawing, no Qt Charts.

#include <QColor>
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
  bool isSweeping() const { return frame_timer_.isActive(); }
  int cursor() const { return static_cast<int>(cursor_); }
  std::size_t pendingSamples() const { return pending_.size(); }
  double rateHz() const { return rate_hz_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void onFrame();
  QRectF traceArea() const;
  void updateScale();

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
};

}  // namespace vigil::gui

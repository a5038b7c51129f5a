#pragma once
// The on/off phase of an IEC visual alarm pattern (flash frequency, duty cycle), driven by a
// QTimer that fires at each edge. Widgets that flash own one and repaint on phaseChanged.

#include <QObject>
#include <QTimer>

namespace vigil::gui {

class FlashTimer : public QObject {
  Q_OBJECT
 public:
  explicit FlashTimer(QObject* parent = nullptr);

  // flash_hz 0 (or duty >= 1) = steady on; a new pattern restarts at the "on" phase. Setting
  // the pattern already running changes nothing, so snapshots at 30 Hz do not reset the flash.
  void setPattern(double flash_hz, double duty_cycle);
  void stop();  // steady off
  bool isOn() const { return on_; }
  bool isFlashing() const { return timer_.isActive(); }
  int onMs() const { return on_ms_; }
  int offMs() const { return off_ms_; }
  // Tests: jump to a phase without waiting; the timer keeps running from there.
  void setPhaseForTest(bool on);

 signals:
  void phaseChanged(bool on);

 private:
  void toggle();
  void setOn(bool on);

  QTimer timer_;
  double hz_ = -1;
  double duty_ = -1;
  int on_ms_ = 0;
  int off_ms_ = 0;
  bool on_ = false;
};

}  // namespace vigil::gui

#pragma once
// The bedside monitor window: numeric tiles for the parameters a nurse watches during dosing.

#include <QMainWindow>

namespace vigil::gui {

class NumericTile;

class MonitorWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MonitorWindow(QWidget* parent = nullptr);

  NumericTile* spo2Tile() const { return spo2_; }
  NumericTile* pulseRateTile() const { return pulse_rate_; }
  NumericTile* nibpTile() const { return nibp_; }

 private:
  NumericTile* spo2_;
  NumericTile* pulse_rate_;
  NumericTile* nibp_;
};

}  // namespace vigil::gui

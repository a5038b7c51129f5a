#pragma once
// A large numeric tile for one parameter (SpO2, pulse rate, NIBP, PI): value, unit, alarm
// limits, alarm state (background in the IEC colour, flashing at the IEC rate), "ALARM OFF"
// when a clinician turned the channel's alarms off, and "---" with the reason when the value
// is absent. Digits readable from 3 m.

#include <QColor>
#include <QLabel>
#include <QString>
#include <QWidget>
#include <optional>

#include "flash_timer.hpp"
#include "screen_snapshot.hpp"

namespace vigil::gui {

class NumericTile : public QWidget {
  Q_OBJECT
 public:
  NumericTile(const QString& title, const QString& unit, QColor colour, QWidget* parent = nullptr);

  void setValue(double value, int decimals = 0);
  void setValueText(const QString& text);  // e.g. "120/80" for NIBP
  // Shows "---" and the reason (e.g. "sensor off", "disconnected").
  void setAbsent(const QString& reason);
  // Second line under the value: NIBP mean and age of the measurement.
  void setDetail(const QString& text);
  // Alarm limits in force, channel unit; empty = that side is off.
  void setLimits(std::optional<double> low, std::optional<double> high);
  void setAlarmState(const station::ChannelAlarmState& state);
  void setValuePointSize(int points);

  QString valueText() const { return value_->text(); }
  QString reasonText() const { return reason_->text(); }
  QString limitsText() const { return limits_->text(); }
  QString detailText() const { return detail_->text(); }
  bool alarmOffShown() const { return !alarm_off_->isHidden(); }
  // The alarm colour is painted now (steady, or the "on" phase of a flash).
  bool alarmLit() const;
  FlashTimer& flashTimer() { return flash_; }

 private:
  void applyColours();

  QColor colour_;
  QLabel* title_;
  QLabel* value_;
  QLabel* unit_;
  QLabel* limits_;
  QLabel* reason_;
  QLabel* detail_;
  QLabel* alarm_off_;
  FlashTimer flash_;
  station::ChannelAlarmState alarm_;
};

}  // namespace vigil::gui

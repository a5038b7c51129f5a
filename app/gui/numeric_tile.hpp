#pragma once
// A large numeric tile for one parameter (SpO2, pulse rate, ...): value, unit, alarm limits,
// and "---" with the reason when the value is absent. Readable from 3 m.

#include <QColor>
#include <QLabel>
#include <QString>
#include <QWidget>
#include <optional>

namespace vigil::gui {

class NumericTile : public QWidget {
  Q_OBJECT
 public:
  NumericTile(const QString& title, const QString& unit, QColor colour, QWidget* parent = nullptr);

  void setValue(double value, int decimals = 0);
  // Shows "---" and the reason (e.g. "sensor off", "disconnected").
  void setAbsent(const QString& reason);
  void setLimits(std::optional<double> low, std::optional<double> high);

  QString valueText() const { return value_->text(); }
  QString reasonText() const { return reason_->text(); }
  QString limitsText() const { return limits_->text(); }

 private:
  QLabel* title_;
  QLabel* value_;
  QLabel* unit_;
  QLabel* limits_;
  QLabel* reason_;
};

}  // namespace vigil::gui

#pragma once
// Discharge readiness, criterion by criterion, with the value behind each (time since the
// first dose, MOAA/S, vitals from the devices, modified Aldrete, escort, pre-discharge BP,
// PHQ-9 item 9 review): met in green with a tick, not met in rose with "NOT MET", readable from
// the chair. Labels change only when their text does (refreshed once a second).

#include <QLabel>
#include <QWidget>
#include <vector>

#include "vigil/core/discharge_readiness.hpp"

namespace vigil::gui {

class DischargeCriteriaView : public QWidget {
  Q_OBJECT
 public:
  explicit DischargeCriteriaView(QWidget* parent = nullptr);

  void setCriteria(const std::vector<core::DischargeCriterionStatus>& criteria);
  // One line per criterion as shown ("met: Time since the first dose: 121 min ...").
  QString text() const;
  int metCount() const { return met_; }
  int count() const { return static_cast<int>(rows_.size()); }

 private:
  std::vector<QLabel*> rows_;
  std::vector<bool> row_met_;
  int met_ = 0;
};

// "Time since the first dose", "Sedation", "Vital signs", ...
QString dischargeCriterionTitle(core::DischargeCriterion criterion);

}  // namespace vigil::gui

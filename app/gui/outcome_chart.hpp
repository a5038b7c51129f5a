#pragma once
// A patient's outcome scales across sessions on the history screen: one panel per scale that has
// totals (PHQ-9, GAD-7, MADRS), each drawn over its severity bands (minimal to severe, light green
// to light red, labelled), the totals joined in time order; a follow-up's total is a hollow dot.

#include <QWidget>
#include <vector>

#include "vigil/db/outcome_trends.hpp"

namespace vigil::gui {

class OutcomeChart : public QWidget {
  Q_OBJECT
 public:
  explicit OutcomeChart(QWidget* parent = nullptr);

  void setSeries(std::vector<db::OutcomeSeries> series);
  const std::vector<db::OutcomeSeries>& series() const { return series_; }
  int panels() const;  // scales with at least one total

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void drawPanel(QPainter& p, const QRectF& r, const db::OutcomeSeries& s, qint64 from, qint64 to);

  std::vector<db::OutcomeSeries> series_;
};

}  // namespace vigil::gui

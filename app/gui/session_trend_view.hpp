#pragma once
// A recorded session's trends on the history screen, drawn with the printed report's chart code:
// SpO2 and pulse rate (lowest to highest per bucket) with the dose and alarm markers and the
// device gaps, and below them NIBP, or the pleth at full rate once the window is 2 minutes or
// less. Zoom from the whole session to one minute; pan by half a window.

#include <QPushButton>
#include <QWidget>
#include <array>
#include <vector>

#include "clinical_gateway.hpp"
#include "trend_plot.hpp"
#include "vigil/db/session_report.hpp"

namespace vigil::gui {

class SessionTrendView : public QWidget {
  Q_OBJECT
 public:
  enum class Zoom { session, hour, ten_minutes, minute };

  explicit SessionTrendView(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // Shows `record`'s whole session.
  void showSession(const db::SessionReport& record);
  void clear();  // nothing shown
  void setZoom(Zoom zoom);
  void pan(int halves);  // -1: back half a window, +1: forward
  // Moves the window's middle to `t` (a click on a chart does this at the clicked time).
  void centerOn(db::UtcMs t);

  QPushButton* zoomButton(Zoom zoom) const { return zoom_buttons_[static_cast<std::size_t>(zoom)]; }
  QPushButton* backButton() const { return back_; }
  QPushButton* forwardButton() const { return forward_; }
  db::UtcMs windowFrom() const { return from_; }
  db::UtcMs windowTo() const { return to_; }
  std::size_t plethSamples() const { return plots_.size() > 2 ? plots_[2].line.size() : 0; }
  const std::vector<report::TrendPlot>& plots() const { return plots_; }
  QString message() const { return message_; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  void reload();
  QRect chartArea() const;

  ClinicalGateway& gateway_;
  std::array<QPushButton*, 4> zoom_buttons_{};
  QPushButton* back_;
  QPushButton* forward_;
  db::SessionReport record_;
  bool has_record_ = false;
  db::UtcMs session_from_ = 0;
  db::UtcMs session_to_ = 0;
  db::UtcMs from_ = 0;
  db::UtcMs to_ = 0;
  std::vector<report::TrendPlot> plots_;
  QString message_;
};

}  // namespace vigil::gui

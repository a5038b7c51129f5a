#pragma once
// "Today" at this chair: the sessions planned for gateway.chair() on the local day, each with
// one button that asks the station to start recording it (no identifier typing). Refreshed when
// shown, when the record changes and when the user changes.

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>
#include <vector>

#include "clinical_gateway.hpp"
#include "vigil/db/session_reader.hpp"

namespace vigil::gui {

class TodayList : public QWidget {
  Q_OBJECT
 public:
  explicit TodayList(ClinicalGateway& gateway, QWidget* parent = nullptr);

  void refresh();

  const std::vector<db::PlannedSession>& sessions() const { return sessions_; }
  // The row's Start button, in list order.
  QPushButton* startButton(std::size_t row) const { return buttons_.at(row); }
  QString messageText() const { return message_->text(); }
  QString rowText(std::size_t row) const;

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void rebuildRows();

  ClinicalGateway& gateway_;
  QLabel* title_;
  QLabel* message_;
  QVBoxLayout* rows_;
  std::vector<db::PlannedSession> sessions_;
  std::vector<QPushButton*> buttons_;
  std::vector<QLabel*> labels_;
};

}  // namespace vigil::gui

#pragma once
// The follow-up schedule of one closed dosing session: 24 h, 72 h, 1 week, 2 weeks, 1 month
// and 3 months, each with its due date and status (done with who, how and the scales; due;
// overdue in the refusal colour; upcoming), and a Record button for each not yet done.

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>
#include <vector>

#include "vigil/db/follow_up_store.hpp"

namespace vigil::gui {

class FollowUpList : public QWidget {
  Q_OBJECT
 public:
  explicit FollowUpList(QWidget* parent = nullptr);

  void setSchedule(const std::vector<db::FollowUpView>& schedule);
  const std::vector<db::FollowUpView>& schedule() const { return schedule_; }
  QString rowText(std::size_t row) const { return rows_.at(row).text->text(); }
  QPushButton* recordButton(std::size_t row) const { return rows_.at(row).record; }

 signals:
  void recordRequested(vigil::db::FollowUpInterval interval);

 private:
  struct Row {
    QLabel* text = nullptr;
    QPushButton* record = nullptr;
  };
  QVBoxLayout* col_;
  std::vector<Row> rows_;
  std::vector<db::FollowUpView> schedule_;
};

// "72 hours: due 2026-12-04 14:30, OVERDUE since 2026-12-05 14:30"
QString followUpText(const db::FollowUpView& v);

}  // namespace vigil::gui

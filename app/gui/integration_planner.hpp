#pragma once
// The integration sessions that follow one closed dosing session: each with its visit mode,
// planned time and state (planned, closed, note signed) and a button that opens its note; and
// planning a new one (clinician): in person or by video, at a local date and time. No chair and
// no devices: the visit mode stands in for the chair.

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>
#include <vector>

#include "clinical_gateway.hpp"
#include "vigil/db/aftercare_reader.hpp"
#include "vigil/db/session_store.hpp"

namespace vigil::gui {

class IntegrationPlanner : public QWidget {
  Q_OBJECT
 public:
  explicit IntegrationPlanner(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The dosing session and its integration sessions.
  void setSession(const db::ClosedDosingSession& session);
  // Plans one at the typed time and mode; false (the refusal shown) when refused.
  bool plan();

  QPushButton* modeButton(db::VisitMode mode) const;
  QDateTimeEdit* plannedAtEdit() const { return planned_at_; }
  QPushButton* planButton() const { return plan_; }
  QPushButton* openButton(std::size_t row) const { return open_.at(row); }
  QString rowText(std::size_t row) const { return rows_.at(row)->text(); }
  std::size_t rowCount() const { return shown_; }
  QString refusalText() const { return refusal_->text(); }

 signals:
  void openRequested(vigil::db::RowId integration_session);
  void planned(vigil::db::RowId integration_session);

 private:
  ClinicalGateway& gateway_;
  db::RowId dosing_session_ = 0;
  std::vector<db::RowId> ids_;
  std::size_t shown_ = 0;
  QVBoxLayout* list_;
  std::vector<QLabel*> rows_;
  std::vector<QPushButton*> open_;
  QButtonGroup* mode_;
  QDateTimeEdit* planned_at_;
  QPushButton* plan_;
  QLabel* refusal_;
};

}  // namespace vigil::gui

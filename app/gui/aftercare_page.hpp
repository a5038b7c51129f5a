#pragma once
// Aftercare: a patient's follow-up after their dosing sessions. Opening a patient shows their
// overdue follow-ups at once (a banner in the refusal colour, each one named); then, for the
// chosen closed dosing session, the follow-up schedule (24 h ... 3 months, due / overdue /
// done, a Record button each) and the integration sessions planned from it (open the note,
// plan another in person or by video). Read through the gateway as the signed-in user.

#include <QComboBox>
#include <QLabel>
#include <QWidget>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "vigil/db/aftercare_reader.hpp"
#include "vigil/db/follow_up_store.hpp"
#include "vigil/db/patient_store.hpp"

namespace vigil::gui {

class PatientPicker;
class FollowUpList;
class IntegrationPlanner;

class AftercarePage : public QWidget {
  Q_OBJECT
 public:
  explicit AftercarePage(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // Re-reads the picked patient's sessions, schedule and overdue follow-ups.
  void refresh();

  PatientPicker* picker() const { return picker_; }
  QString overdueText() const { return overdue_->isHidden() ? QString() : overdue_->text(); }
  QComboBox* sessionBox() const { return session_box_; }
  FollowUpList* followUps() const { return follow_ups_; }
  IntegrationPlanner* planner() const { return planner_; }
  QString messageText() const { return message_->text(); }
  QString patientText() const;

 signals:
  void followUpRequested(const vigil::db::FollowUpView& follow_up, const QString& patient);
  void integrationOpenRequested(vigil::db::RowId integration_session);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void showPatient();
  void showSession();

  ClinicalGateway& gateway_;
  std::optional<db::PatientRecord> patient_;
  std::vector<db::ClosedDosingSession> sessions_;
  PatientPicker* picker_;
  QLabel* overdue_;
  QLabel* message_;
  QComboBox* session_box_;
  FollowUpList* follow_ups_;
  IntegrationPlanner* planner_;
};

// "OVERDUE follow-up: 72 hours after the session closed 2026-11-28 (due 2026-12-01 14:30)", one
// line each; "" when none.
QString overdueFollowUpsText(const std::vector<db::FollowUpView>& overdue);

}  // namespace vigil::gui

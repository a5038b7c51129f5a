#pragma once
// The end of a dosing session at the bedside: discharge readiness criterion by criterion with
// the value behind each (live), the discharge checklist (escort present, no driving advised,
// aftercare instructions given), a PHQ-9 self-harm answer acknowledged by a clinician with
// what was done, "ready to leave" with the REMS answers (which moves the session to
// discharge-ready and records the total monitoring minutes), and Close, refused with every
// missing field listed. Everything through the gateway as the signed-in user, at the station's
// time; refusals in the store's words at their field.

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <functional>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "vigil/db/safety_review_store.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

class DischargeCriteriaView;
class ReadyToLeaveSection;

class DischargePage : public FormPage {
  Q_OBJECT
 public:
  explicit DischargePage(ClinicalGateway& gateway, QWidget* parent = nullptr);

  void setState(const db::SessionPanelState& state);
  // Reads the session's state anew (once a second while shown: the criteria are live).
  void refresh();
  // Enter: ready to leave while it is not recorded, then Close.
  void submit() override;
  void recordChecklist();
  void acknowledgeSelfHarm();
  void recordReadyToLeave();
  void closeSession();

  DischargeCriteriaView* criteria() const { return criteria_; }
  // The checklist item's toggle ("escort_present", ...), or nullptr.
  QPushButton* checklistButton(const QString& item) const;
  QPushButton* recordChecklistButton() const { return record_checklist_; }
  QLineEdit* selfHarmActionEdit() const { return self_harm_action_; }
  QPushButton* acknowledgeButton() const { return acknowledge_; }
  QString selfHarmText() const {
    return self_harm_box_->isHidden() ? QString() : self_harm_->text();
  }
  ReadyToLeaveSection* readyToLeave() const { return ready_; }
  QPushButton* readyButton() const { return record_ready_; }
  QPushButton* closeButton() const { return close_; }
  QString closeMissingText() const { return missing_->text(); }
  QString statusText() const { return status_->text(); }
  QString refusalText() const { return refusals_.general()->text(); }
  // The refusal at a store field ("action", "rems_ready_minutes", ...), "" when none.
  QString refusalAt(const QString& field) const;

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  QWidget* buildContent();
  QWidget* buildChecklist(QWidget* parent);
  QWidget* buildSelfHarm(QWidget* parent);
  void showSelfHarm();
  void showTicks(const db::SessionPanelState& s);  // the recorded checklist's ticks
  void showEnd(const db::SessionPanelState& s);
  bool runRecord(const std::function<void(db::Store&, const db::Actor&, db::UtcMs)>& f);

  ClinicalGateway& gateway_;
  std::optional<db::SessionPanelState> state_;
  std::vector<db::SelfHarmFlag> flags_;
  QLabel* title_;
  QLabel* summary_;
  DischargeCriteriaView* criteria_;
  std::vector<std::pair<QString, QPushButton*>> checklist_;
  QPushButton* record_checklist_;
  QWidget* self_harm_box_;
  QLabel* self_harm_;
  QLineEdit* self_harm_action_;
  QPushButton* acknowledge_;
  QLabel* ready_heading_;
  ReadyToLeaveSection* ready_;
  QPushButton* record_ready_;
  QLabel* ready_done_;
  QLabel* missing_;
  QLabel* status_;
  QPushButton* back_;
  QPushButton* close_;
  FieldRefusals refusals_;
  QTimer tick_;
};

}  // namespace vigil::gui

#pragma once
// An adverse event during the session: its type (a common one from the list, or typed), its
// severity (mild, moderate, severe, life-threatening: one tap each), its onset (a local clock
// time today, now by default), the action taken, and whether it is serious (for the REMS
// Patient Monitoring Form). Recorded through db::record_adverse_event as the signed-in user at
// the station's time; a refusal is shown at the field in the store's words and what was typed
// is kept.

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <map>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

class AdverseEventForm : public FormPage {
  Q_OBJECT
 public:
  explicit AdverseEventForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The session (the patient in the title); a new session clears the fields.
  void setState(const db::SessionPanelState& state);
  void submit() override;  // Record

  QComboBox* typeBox() const { return type_; }
  // "mild", "moderate", "severe", "life_threatening" (the store's words).
  QPushButton* severityButton(const QString& severity) const;
  QString severity() const;  // the chosen one, "" if none
  QTimeEdit* onsetEdit() const { return onset_; }
  QLineEdit* actionEdit() const { return action_; }
  QCheckBox* seriousBox() const { return serious_; }
  QPushButton* recordButton() const { return record_; }
  QString statusText() const { return status_->text(); }
  // "type", "severity", "onset", "action" or "" (general); empty when none.
  QString refusalAt(const QString& field) const;
  // The onset typed, as UTC ms: that clock time on the local day of `now`.
  db::UtcMs onsetUtcMs(db::UtcMs now) const;

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildFields();
  QWidget* buildSeverity(QWidget* parent);
  void clearFields();
  void setOnsetToNow();  // not counted as typed

  ClinicalGateway& gateway_;
  db::RowId session_ = 0;
  QLabel* title_;
  QComboBox* type_;
  QButtonGroup* severity_;
  QTimeEdit* onset_;
  bool onset_typed_ = false;  // false: the onset is the time of recording
  bool setting_onset_ = false;
  QLineEdit* action_;
  QCheckBox* serious_;
  QLabel* status_;
  QPushButton* record_;
  QPushButton* back_;
  FieldRefusals refusals_;
  std::map<QString, QLabel*> labels_;  // refusalAt() names -> labels
};

}  // namespace vigil::gui

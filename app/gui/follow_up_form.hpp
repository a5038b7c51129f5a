#pragma once
// Recording one follow-up contact of a closed dosing session (24 h ... 3 months): how the
// patient was reached (phone, video, in person), when (local time, now by default), a note,
// and the outcome scales PHQ-9 and GAD-7 (each answered in full or left out). Saved through
// db::record_follow_up as the signed-in user; a refusal is shown in the store's words and
// what was typed is kept.

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <optional>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "vigil/db/follow_up_store.hpp"

namespace vigil::gui {

class QuestionnaireSection;

class FollowUpForm : public FormPage {
  Q_OBJECT
 public:
  explicit FollowUpForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The follow-up to record; `patient` names the patient in the title. Clears the fields.
  void setTarget(const db::FollowUpView& target, const QString& patient);
  void submit() override;  // Save

  // "phone", "video", "in_person" (the store's words).
  QPushButton* contactButton(const QString& contact) const;
  QDateTimeEdit* whenEdit() const { return when_; }
  QLineEdit* noteEdit() const { return note_; }
  QuestionnaireSection* phq9() const { return phq9_; }
  QuestionnaireSection* gad7() const { return gad7_; }
  // Shows the details (0), PHQ-9 (1) or GAD-7 (2).
  QPushButton* partButton(int part) const;
  QPushButton* saveButton() const { return save_; }
  QString refusalText() const { return refusals_.general()->text(); }
  QString refusalAt(const QString& field) const;
  QString titleText() const { return title_->text(); }

 signals:
  void recorded(const QString& summary);

 private:
  QWidget* buildDetails();
  QWidget* buildPartRow();
  // The section's answers: nullopt when none, the answers when all; a refusal when partly.
  bool collect(QuestionnaireSection* section, db::FollowUpEntry& entry);

  ClinicalGateway& gateway_;
  std::optional<db::FollowUpView> target_;
  QLabel* title_;
  QButtonGroup* parts_;
  QStackedWidget* stack_;
  QButtonGroup* contact_;
  QDateTimeEdit* when_;
  QLineEdit* note_;
  QuestionnaireSection* phq9_;
  QuestionnaireSection* gad7_;
  QPushButton* back_;
  QPushButton* save_;
  FieldRefusals refusals_;
};

}  // namespace vigil::gui

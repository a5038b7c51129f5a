#pragma once
// Patients: find one by identifier or name, add one (identifier, name, date of birth, sex,
// weight), update the found patient's weight (audited with the old value). A found patient's
// overdue follow-ups show as soon as they are picked. A refusal shows beside the field it
// names, with the store's words; what was typed stays.

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "patient_picker.hpp"

namespace vigil::gui {

class PatientForm : public FormPage {
  Q_OBJECT
 public:
  explicit PatientForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // Enter adds the patient (Enter in the new-weight field updates the weight).
  void submit() override;
  void addPatient();
  void updateWeight();

  PatientPicker* picker() const { return picker_; }
  QLineEdit* identifierEdit() const { return identifier_; }
  QLineEdit* nameEdit() const { return name_; }
  QDateEdit* birthDateEdit() const { return birth_; }
  QComboBox* sexBox() const { return sex_; }
  QLineEdit* weightEdit() const { return weight_; }
  QLineEdit* newWeightEdit() const { return new_weight_; }
  QPushButton* addButton() const { return add_; }
  QPushButton* updateWeightButton() const { return update_weight_; }
  // The refusal shown for `field` ("identifier", "weight_kg", "new weight"...), empty if none.
  QString refusalAt(const QString& field) const;
  QString statusText() const { return status_->text(); }
  // The picked patient's overdue follow-ups (Aftercare's banner), "" when none.
  QString overdueText() const { return overdue_->isHidden() ? QString() : overdue_->text(); }

 signals:
  void patientAdded(vigil::db::RowId patient_id);

 private:
  QWidget* buildAddColumn();
  QWidget* buildFindColumn();
  void showOverdueFollowUps();

  ClinicalGateway& gateway_;
  PatientPicker* picker_;
  QLineEdit* identifier_;
  QLineEdit* name_;
  QDateEdit* birth_;
  QComboBox* sex_;
  QLineEdit* weight_;
  QPushButton* add_;
  QLineEdit* new_weight_;
  QPushButton* update_weight_;
  QLabel* status_;
  QLabel* overdue_;
  QLabel* weight_update_refusal_;
  FieldRefusals add_refusals_;
};

// Parses a typed number ("70", "70.5", "70,5"); nullopt when it is none.
std::optional<double> parseNumber(const QString& text);

}  // namespace vigil::gui

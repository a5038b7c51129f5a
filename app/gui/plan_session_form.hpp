#pragma once
// Planning a session (clinician; the store refuses anyone else and the form shows its words):
// the patient (found by identifier or name), the treatment, the planned dose in mg with mg/kg
// from the patient's weight shown as it is typed, the chair (this station's by default), the
// session's nurse (under the patient: the active nurses from db::list_active_users, read each time
// the form is shown or the user changes; "(not assigned)" leaves nurse_id empty, and the nurse who
// starts the session is on its audit trail), the alarm profile (the site default or one the admin
// stored, db::site_settings_with_prefix; the choice is stored with the session and audited
// with it) and the planned time (typed local, stored UTC).

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "patient_picker.hpp"
#include "vigil/core/dose_route.hpp"

namespace vigil::gui {

class PlanSessionForm : public FormPage {
  Q_OBJECT
 public:
  explicit PlanSessionForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  void submit() override;  // plans the session

  PatientPicker* picker() const { return picker_; }
  QComboBox* treatmentBox() const { return treatment_; }
  QComboBox* profileBox() const { return profile_; }
  QLineEdit* doseEdit() const { return dose_; }
  QLineEdit* chairEdit() const { return chair_; }
  QComboBox* nurseBox() const { return nurse_; }
  QDateTimeEdit* plannedAtEdit() const { return planned_at_; }
  QPushButton* planButton() const { return plan_; }
  QString perKgText() const { return per_kg_->text(); }
  QString refusalAt(const QString& field) const;  // "planned_dose_mg", "chair", "" (general)
  QString statusText() const { return status_->text(); }
  void selectTreatment(core::DoseRoute route);

 signals:
  void sessionPlanned(vigil::db::RowId session_id);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void updatePerKg();
  void loadNurses();
  void loadProfiles();
  QWidget* buildDetails();
  QLayout* buildNurseRow(QWidget* parent);

  ClinicalGateway& gateway_;
  PatientPicker* picker_;
  QComboBox* treatment_;
  QLineEdit* dose_;
  QLabel* per_kg_;
  QLineEdit* chair_;
  QComboBox* nurse_;
  QLabel* nurse_note_;  // a refusal from reading the list of nurses
  QComboBox* profile_;
  QDateTimeEdit* planned_at_;
  QPushButton* plan_;
  QLabel* status_;
  QLabel* patient_refusal_;
  FieldRefusals refusals_;
};

}  // namespace vigil::gui

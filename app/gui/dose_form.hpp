#pragma once
// Dose and waste (Schedule III record): the treatment (from the planned route), form and
// strength, dose in mg with mg/kg shown, lot, when it was given (now, or a typed local time; an
// IV infusion also its end), who gave it (the signed-in user, shown), a witness who signs with
// their own password, and any waste with its method and witness. Esketamine: one 28 mg device
// per entry, and Give stays disabled until the 5-minute rest after the last device has passed
// (a countdown shows it; the store refuses too).
//
// A refusal shows at the field in words (not a number, negative, a future time, no lot, a
// witness who is the administrator or whose password is wrong, a dose outside the route's
// bounds in the store's words) and nothing is written.

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <optional>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/db/administration_store.hpp"
#include "witness_sign.hpp"

namespace vigil::db {
struct SessionPanelState;
}

namespace vigil::gui {

// What the form needs to know of the session (read from the session panel's state).
struct DoseContext {
  db::RowId session_id = 0;
  QString patient;  // "Pat Doe (MRN-1)"
  std::optional<core::DoseRoute> planned_route;
  std::optional<double> weight_kg;
  std::optional<db::UtcMs> next_device_allowed_utc_ms;  // esketamine spacing
};
DoseContext doseContextOf(const db::SessionPanelState& state);

class DoseForm : public FormPage {
  Q_OBJECT
 public:
  explicit DoseForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // A new session resets the fields to its planned route; the same session keeps what is typed.
  void setContext(const DoseContext& context);
  void submit() override;  // Give

  QComboBox* routeBox() const { return route_; }
  QLineEdit* formStrengthEdit() const { return form_strength_; }
  QLineEdit* doseEdit() const { return dose_; }
  QLineEdit* lotEdit() const { return lot_; }
  QCheckBox* givenNowBox() const { return given_now_; }
  QDateTimeEdit* givenAtEdit() const { return given_at_; }
  QCheckBox* endedBox() const { return ended_; }
  QDateTimeEdit* endedAtEdit() const { return ended_at_; }
  WitnessSign* witness() const { return witness_; }
  QLineEdit* wasteEdit() const { return waste_; }
  QLineEdit* wasteMethodEdit() const { return waste_method_; }
  WitnessSign* wasteWitness() const { return waste_witness_; }
  QLineEdit* overrideReasonEdit() const { return override_reason_; }
  QPushButton* giveButton() const { return give_; }
  QString perKgText() const { return per_kg_->text(); }
  QString spacingText() const { return spacing_->text(); }
  QString statusText() const { return status_->text(); }
  // The refusal shown at a field: "dose", "lot", "given at", "ended at", "witness", "waste",
  // "waste method", "waste witness", "route", "" (general). Empty when none.
  QString refusalAt(const QString& field) const;
  core::DoseRoute route() const;

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  void connectFields();
  QWidget* buildDoseColumn();
  QWidget* buildWitnessColumn();
  void onRouteChanged();
  void updatePerKg();
  void updateSpacing();
  // The entry as typed, or nullopt after showing the refusal at its field.
  std::optional<db::NewAdministration> readEntry();
  bool readWaste(db::NewAdministration& a);
  bool signWitnesses(db::NewAdministration& a);
  void recorded(const db::NewAdministration& a);

  ClinicalGateway& gateway_;
  DoseContext context_;
  QLabel* title_;
  QFormLayout* dose_rows_ = nullptr;
  QComboBox* route_;
  QLineEdit* form_strength_;
  QLineEdit* dose_;
  QLabel* per_kg_;
  QLineEdit* lot_;
  QCheckBox* given_now_;
  QDateTimeEdit* given_at_;
  QCheckBox* ended_;
  QDateTimeEdit* ended_at_;
  QLabel* given_by_;
  WitnessSign* witness_;
  QLineEdit* waste_;
  QLineEdit* waste_method_;
  WitnessSign* waste_witness_;
  QLineEdit* override_reason_;
  QLabel* spacing_;
  QLabel* status_;
  QPushButton* give_;
  QPushButton* back_;
  QTimer countdown_;
  FieldRefusals refusals_;
  std::map<QString, QLabel*> labels_;  // refusalAt() names -> labels
};

}  // namespace vigil::gui

#pragma once
// The pre-dose checklist (REMS): a tick per core::PreDoseItem with its description (the
// baseline BP is no tick: it shows met or not from the record's pre-dose BP), the REMS facts
// (first treatment; each concomitant medicine class yes or no), the 140/90 advisory when the
// baseline is above it, optional PHQ-9 and GAD-7 answers, and a clinician's override with a
// reason. Save records it (db::record_checklist) and shows what is still missing.

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "vigil/core/pre_dose_checklist.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

class ChecklistForm : public FormPage {
  Q_OBJECT
 public:
  explicit ChecklistForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The session's state (baseline BP, advisory, missing items); a new session clears the form.
  void setState(const db::SessionPanelState& state);
  void submit() override;  // Save

  QCheckBox* tick(core::PreDoseItem item) const;
  // "no" / "yes" / "" (not asked) for a fact of db::pre_dose_fact_names().
  QComboBox* fact(const std::string& name) const;
  QGroupBox* phq9Box() const { return phq9_box_; }
  QGroupBox* gad7Box() const { return gad7_box_; }
  QSpinBox* phq9Item(int i) const { return phq9_.at(static_cast<std::size_t>(i)); }
  QSpinBox* gad7Item(int i) const { return gad7_.at(static_cast<std::size_t>(i)); }
  QLineEdit* overrideReasonEdit() const { return override_reason_; }
  QPushButton* saveButton() const { return save_; }
  QString baselineText() const { return baseline_->text(); }
  QString advisoryText() const { return advisory_->text(); }
  QString missingText() const { return missing_->text(); }
  QString statusText() const { return status_->text(); }
  QString refusalShown() const { return refusals_.general()->text(); }
  QString scaleRefusalText() const { return scale_refusal_->text(); }
  QString phq9FlagText() const { return phq9_flag_->text(); }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildTicks();
  QWidget* buildFacts();
  QGroupBox* buildScale(const QString& title, int items, std::vector<QSpinBox*>& boxes);
  void showMissing(const std::vector<std::string>& missing);
  bool recordScales(db::RowId session);

  ClinicalGateway& gateway_;
  db::RowId session_ = 0;
  std::vector<std::pair<core::PreDoseItem, QCheckBox*>> ticks_;
  std::vector<std::pair<std::string, QComboBox*>> facts_;
  QLabel* baseline_;
  QLabel* advisory_;
  QGroupBox* phq9_box_ = nullptr;
  QGroupBox* gad7_box_ = nullptr;
  std::vector<QSpinBox*> phq9_;
  std::vector<QSpinBox*> gad7_;
  QLabel* phq9_flag_;
  QLabel* scale_refusal_;
  QLineEdit* override_reason_;
  QLabel* missing_;
  QLabel* status_;
  QPushButton* save_;
  QPushButton* back_;
  FieldRefusals refusals_;
};

// "Benzodiazepines", "Sedative-hypnotics", "First treatment", ... for a fact name.
QString factText(const std::string& name);

}  // namespace vigil::gui

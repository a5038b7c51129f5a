#pragma once
// "Ready to leave": the REMS Patient Monitoring Form's questions that are answers, not
// measurements: the evaluation question (the minutes after the start of administration at
// which the patient would have been ready to leave had there been no 2-hour rule), and whether
// sedation, dissociation and respiratory depression were seen and resolved, and whether the
// vital signs were acceptable before the end of monitoring. "Resolved" is asked only when the
// sign was seen. Each field's refusal shows under it (the store's words).

#include <QLabel>
#include <QLineEdit>
#include <QWidget>
#include <optional>

#include "field_refusals.hpp"
#include "vigil/db/discharge_store.hpp"

namespace vigil::gui {

class YesNoChoice;

class ReadyToLeaveSection : public QWidget {
  Q_OBJECT
 public:
  // Registers each field's refusal label with `refusals`.
  ReadyToLeaveSection(FieldRefusals& refusals, QWidget* parent = nullptr);

  // The answers as typed; nullopt (and the refusal shown) when the minutes are not a number.
  std::optional<db::ReadyToLeave> answers(db::RowId session);
  void clear();
  // Esketamine: every answer is required (the REMS form); the label says so.
  void setRemsRequired(bool required);

  QLineEdit* remsMinutesEdit() const { return minutes_; }
  // "sedation", "sedation_resolved", "dissociation", "dissociation_resolved",
  // "respiratory_depression", "respiratory_depression_resolved",
  // "vitals_acceptable_before_completion" (the store's field names).
  YesNoChoice* choice(const QString& field) const;

 private:
  void addChoice(const char* field, const QString& label, const QString& name);
  void updateResolvedRows();

  FieldRefusals& refusals_;
  QLabel* minutes_label_;
  QLineEdit* minutes_;
  std::map<QString, YesNoChoice*> choices_;
  std::map<QString, QWidget*> rows_;  // resolved rows, hidden until the sign was seen
};

}  // namespace vigil::gui

#pragma once
// Finding a patient by identifier or name (db::find_patients): a query field, Find, and the
// matches as a list to pick from. Enter in the query field finds (it does not submit the form
// around the picker).

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QWidget>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "vigil/db/patient_store.hpp"

namespace vigil::gui {

class PatientPicker : public QWidget {
  Q_OBJECT
 public:
  PatientPicker(ClinicalGateway& gateway, int visible_rows, QWidget* parent = nullptr);

  // Finds `query` now; a refusal shows under the field.
  void find(const QString& query);
  // The patient picked in the list, if any.
  std::optional<db::PatientRecord> selected() const;
  // Re-reads the current matches (a weight changed) and keeps the pick.
  void refresh();

  QLineEdit* queryEdit() const { return query_; }
  QPushButton* findButton() const { return find_; }
  QListWidget* list() const { return list_; }
  QString refusal() const { return refusal_->text(); }

 signals:
  void selectionChanged();

 private:
  ClinicalGateway& gateway_;
  QLineEdit* query_;
  QPushButton* find_;
  QListWidget* list_;
  QLabel* refusal_;
  std::vector<db::PatientRecord> matches_;
  QString last_query_;
};

// "Pat Doe (MRN-1)" and on a second line "born 1980-04-02, female, 70 kg"
QString patientSummary(const db::PatientRecord& p);

}  // namespace vigil::gui

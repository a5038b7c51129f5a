#pragma once
// Looking back at the sessions on record (the Records window's History tab): the sessions by
// patient, type, phase and planned date, newest first, with a patient's overdue follow-ups; and the
// session opened from the list: its timeline, its trends (zoomable to one minute, the pleth at full
// rate), the patient's outcome scales with their severity bands, the REMS form on screen, and
// the session report and REMS form printed as PDFs. Everything is read through the store as the
// signed-in user; opening a session and listing a patient's sessions are audited, printing is an
// audited export (clinician or auditor).

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QWidget>
#include <vector>

#include "clinical_gateway.hpp"
#include "pdf_pages.hpp"
#include "vigil/db/session_history.hpp"

namespace vigil::gui {

class SessionTrendView;
class OutcomeChart;

class HistoryView : public QWidget {
  Q_OBJECT
 public:
  explicit HistoryView(ClinicalGateway& gateway, QWidget* parent = nullptr);

  QLineEdit* patientFilter() const { return patient_; }
  QComboBox* typeFilter() const { return type_; }
  QComboBox* phaseFilter() const { return phase_; }
  QLineEdit* fromFilter() const { return from_; }  // local dates, YYYY-MM-DD
  QLineEdit* toFilter() const { return to_; }
  QPushButton* applyButton() const { return apply_; }
  QTableWidget* table() const { return table_; }
  QTabWidget* detailTabs() const { return tabs_; }
  SessionTrendView* trends() const { return trends_; }
  OutcomeChart* outcomes() const { return outcomes_; }
  QPushButton* reportButton() const { return report_; }
  QPushButton* remsButton() const { return rems_; }

  const std::vector<db::SessionSummary>& sessions() const { return sessions_; }
  db::RowId openSessionId() const { return open_session_; }
  QString messageText() const { return message_->text(); }
  QString overdueText() const { return overdue_->text(); }
  QString headerText() const { return header_->text(); }
  QString timelineText() const { return timeline_->toPlainText(); }
  QString remsText() const { return rems_form_->toPlainText(); }

  void refresh();  // the list for the filters as set (Apply)
  void clear();    // forgets everything shown (its user left)
  void openSession(db::RowId id);
  // Print the open session to `file`; false with the refusal shown. The buttons ask for a file.
  bool printReport(const QString& file, report::Paper paper);
  bool printRemsForm(const QString& file, report::Paper paper);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildList();
  QWidget* buildDetail();
  void showOverdue(const std::string& patient_identifier);
  void showMessage(const QString& text, bool refusal);
  void askAndPrint(bool rems);

  ClinicalGateway& gateway_;
  QLineEdit* patient_;
  QComboBox* type_;
  QComboBox* phase_;
  QLineEdit* from_;
  QLineEdit* to_;
  QPushButton* apply_;
  QTableWidget* table_;
  QLabel* message_;
  QLabel* overdue_;
  QLabel* header_;
  QPushButton* report_;
  QPushButton* rems_;
  QTabWidget* tabs_;
  QTextBrowser* timeline_;
  SessionTrendView* trends_;
  OutcomeChart* outcomes_;
  QTextBrowser* rems_form_;
  std::vector<db::SessionSummary> sessions_;
  db::RowId open_session_ = 0;
};

}  // namespace vigil::gui

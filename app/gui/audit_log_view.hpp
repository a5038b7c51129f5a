#pragma once
// The auditor's view of the audit log (read-only): filters by user, action, entity, session and
// UTC time range; the matching entries page by page; the selected entry's old and new values
// side by side with the changed fields marked; "Verify chain" with its result and the first
// broken entry; the filtered log exported as CSV or JSON. Everything is read through the store
// as the signed-in user: anyone but an auditor sees the store's refusal, and the first page of
// each filter is audited as viewing the log. Nothing here writes a record.

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QWidget>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "vigil/db/audit_review.hpp"

namespace vigil::gui {

class AuditLogView : public QWidget {
  Q_OBJECT
 public:
  explicit AuditLogView(ClinicalGateway& gateway, QWidget* parent = nullptr);

  QLineEdit* userFilter() const { return user_; }
  QLineEdit* actionFilter() const { return action_; }
  QLineEdit* entityFilter() const { return entity_; }
  QLineEdit* sessionFilter() const { return session_; }
  QLineEdit* fromFilter() const { return from_; }
  QLineEdit* toFilter() const { return to_; }
  QPushButton* applyButton() const { return apply_; }
  QPushButton* moreButton() const { return more_; }
  QPushButton* verifyButton() const { return verify_; }
  QPushButton* csvButton() const { return csv_; }
  QPushButton* jsonButton() const { return json_; }
  QTableWidget* table() const { return table_; }

  const std::vector<db::AuditEntry>& entries() const { return entries_; }
  QString messageText() const { return message_->text(); }  // a refusal, or what is shown
  QString verifyText() const { return verify_result_->text(); }
  QString detailHtml() const { return detail_->toHtml(); }
  QString detailText() const { return detail_->toPlainText(); }

  // Reads the first page for the filters as typed (the Apply button).
  void refresh();
  // Forgets what was shown and the filters (its user left); the next showing reads anew.
  void clear();
  // Writes the filtered log to `file` (owner-only; a partial file never replaces it). The export
  // buttons ask for the file name, then call this. Returns false with the message shown.
  bool exportTo(const QString& file, db::AuditExportFormat format);
  // Selects the entry with `seq` when it is loaded (the first broken entry after a verify).
  void selectSeq(std::int64_t seq);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  std::optional<db::AuditLogFilter> filterFromFields();
  void loadMore();
  void appendRows(const std::vector<db::AuditEntry>& page);
  void showEntry(int row);
  void verifyChain();
  void askAndExport(db::AuditExportFormat format);
  void showMessage(const QString& text, bool refusal);

  ClinicalGateway& gateway_;
  QLineEdit* user_;
  QLineEdit* action_;
  QLineEdit* entity_;
  QLineEdit* session_;
  QLineEdit* from_;
  QLineEdit* to_;
  QPushButton* apply_;
  QPushButton* more_;
  QPushButton* verify_;
  QPushButton* csv_;
  QPushButton* json_;
  QLabel* message_;
  QLabel* verify_result_;
  QTableWidget* table_;
  QTextBrowser* detail_;
  db::AuditLogFilter filter_;
  std::vector<db::AuditEntry> entries_;
  bool more_available_ = false;
};

}  // namespace vigil::gui

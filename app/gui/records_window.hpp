#pragma once
// Looking back, in a window of its own beside the monitor (a desk's screen, not the bedside's
// clinical area): the sessions on record with their timelines, trends, outcomes and documents
// (History), and the audit log for an auditor. It reads through the station's gateway as the
// signed-in user, and closes when that user signs out, switches or the station locks, so the
// next person never finds someone else's view open.

#include <QTabWidget>
#include <QWidget>

#include "clinical_gateway.hpp"

namespace vigil::gui {

class AuditLogView;
class HistoryView;

class RecordsWindow : public QWidget {
  Q_OBJECT
 public:
  explicit RecordsWindow(ClinicalGateway& gateway, QWidget* parent = nullptr);

  QTabWidget* tabs() const { return tabs_; }
  AuditLogView* auditLog() const { return audit_; }
  HistoryView* history() const { return history_; }
  // Shows the window: the audit log for an auditor, the history for anyone else.
  void open();

 private:
  ClinicalGateway& gateway_;
  QTabWidget* tabs_;
  HistoryView* history_;
  AuditLogView* audit_;
};

}  // namespace vigil::gui

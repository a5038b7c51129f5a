#include "records_window.hpp"

#include <QVBoxLayout>

#include "audit_log_view.hpp"
#include "form_style.hpp"
#include "history_view.hpp"

namespace vigil::gui {

RecordsWindow::RecordsWindow(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent, Qt::Window),
      gateway_(gateway),
      tabs_(new QTabWidget(this)),
      history_(new HistoryView(gateway, this)),
      audit_(new AuditLogView(gateway, this)) {
  setWindowTitle(tr("Vigil records"));
  setAttribute(Qt::WA_QuitOnClose, false);  // closing the monitor ends the station, not this
  form_style::apply(this);
  tabs_->addTab(history_, tr("History"));
  tabs_->addTab(audit_, tr("Audit log"));
  tabs_->setStyleSheet(
      QStringLiteral("QTabBar::tab { min-height: 40px; padding: 0 18px; font-size: 16px; }"));
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->addWidget(tabs_);
  resize(1280, 800);
  // What this window shows belongs to the user who opened it.
  connect(&gateway_, &ClinicalGateway::aboutToChangeUser, this, [this] {
    close();
    history_->clear();
    audit_->clear();
  });
}

void RecordsWindow::open() {
  if (gateway_.user() && gateway_.user()->role == db::Role::auditor)
    tabs_->setCurrentWidget(audit_);
  const bool was_open = isVisible();
  show();  // a first showing reads the log (AuditLogView::showEvent)
  raise();
  activateWindow();
  if (was_open) audit_->refresh();
}

}  // namespace vigil::gui

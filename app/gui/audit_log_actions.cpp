// The audit log view's two actions beside reading: verifying the chain and exporting the
// filtered log (audit_log_view.hpp).
#include <QFile>
#include <QFileDialog>
#include <filesystem>
#include <fstream>

#include "audit_log_view.hpp"
#include "form_style.hpp"

namespace vigil::gui {

void AuditLogView::verifyChain() {
  try {
    const auto r = gateway_.run([](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::verify_audit_log(s, a, now);
    });
    if (r.ok) {
      verify_result_->setStyleSheet(
          QStringLiteral("color: %1; font-weight: bold;").arg(form_style::met().name()));
      verify_result_->setText(
          tr("Chain verifies: %1 entries, head %2. Vitals: %3 seals over %4 rows "
             "and %5 waveform blocks match.")
              .arg(r.entries)
              .arg(QString::fromStdString(r.head))
              .arg(r.seals)
              .arg(r.sealed_rows)
              .arg(r.sealed_blocks));
      return;
    }
    verify_result_->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name()));
    verify_result_->setText(r.first_broken_seq
                                ? tr("BROKEN at entry %1: %2")
                                      .arg(*r.first_broken_seq)
                                      .arg(QString::fromStdString(r.problem))
                                : tr("BROKEN: %1").arg(QString::fromStdString(r.problem)));
    if (r.first_broken_seq) {
      // The entries as stored now (an edit behind Vigil's back shows), the broken one selected.
      refresh();
      while (more_available_ && !entries_.empty() && entries_.back().seq < *r.first_broken_seq)
        loadMore();
      selectSeq(*r.first_broken_seq);
    }
  } catch (const std::exception& e) {
    verify_result_->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name()));
    verify_result_->setText(tr("Refused: %1").arg(QString::fromStdString(e.what())));
  }
}

void AuditLogView::askAndExport(db::AuditExportFormat format) {
  const bool csv = format == db::AuditExportFormat::csv;
  const QString file = QFileDialog::getSaveFileName(
      this,
      csv ? tr("Export the filtered audit log as CSV")
          : tr("Export the filtered audit log as JSON"),
      csv ? QStringLiteral("audit-log.csv") : QStringLiteral("audit-log.json"),
      csv ? tr("CSV (*.csv)") : tr("JSON (*.json)"));
  if (!file.isEmpty()) exportTo(file, format);
}

bool AuditLogView::exportTo(const QString& file, db::AuditExportFormat format) {
  // Written beside the target, owner-only, and renamed over it only when complete.
  const QString partial = file + QStringLiteral(".partial");
  try {
    {
      QFile create(partial);
      if (!create.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        throw std::runtime_error(file.toStdString() + ": cannot be written (" +
                                 create.errorString().toStdString() + ")");
      }
      create.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    std::ofstream out(partial.toStdString(), std::ios::binary | std::ios::trunc);
    const auto n = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::export_audit_log(s, a, filter_, format, out, now);
    });
    out.close();
    if (!out) throw std::runtime_error(file.toStdString() + ": writing failed");
    QFile::remove(file);
    if (!QFile::rename(partial, file))
      throw std::runtime_error(file.toStdString() + ": cannot be replaced");
    showMessage(tr("Exported %1 entries to %2").arg(n).arg(file), false);
    return true;
  } catch (const std::exception& e) {
    QFile::remove(partial);
    showMessage(tr("Export refused: %1").arg(QString::fromStdString(e.what())), true);
    return false;
  }
}

}  // namespace vigil::gui

// The history view's session: opening it from the list and printing it (history_view.hpp).
#include <QFileDialog>

#include "history_view.hpp"
#include "outcome_chart.hpp"
#include "rems_form_html.hpp"
#include "rems_form_pdf.hpp"
#include "session_panel_text.hpp"
#include "session_report_pdf.hpp"
#include "session_timeline_text.hpp"
#include "session_trend_view.hpp"
#include "vigil/db/outcome_trends.hpp"
#include "vigil/db/rems_form.hpp"
#include "vigil/db/session_report.hpp"

namespace vigil::gui {

void HistoryView::openSession(db::RowId id) {
  try {
    const auto record = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::view_session_record(s, a, id, now);
    });
    open_session_ = id;
    const auto& p = record.panel;
    header_->setText(
        tr("%1 (%2), session %3: %4, %5")
            .arg(QString::fromStdString(p.patient_name),
                 QString::fromStdString(p.patient_identifier))
            .arg(id)
            .arg(QString::fromUtf8(core::session_type_name(p.type).data()), phaseText(p.phase)));
    timeline_->setHtml(sessionTimelineHtml(sessionTimeline(record)));
    trends_->showSession(record);
    outcomes_->setSeries(gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_outcome_trends(s, a, p.patient_identifier, now);
    }));
    try {
      const auto form = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        return db::rems_form_of(s, a, record, now);
      });
      rems_form_->setHtml(remsFormHtml(form));
      rems_->setEnabled(true);
    } catch (const db::ValidationError& e) {
      rems_form_->setPlainText(QString::fromStdString(e.what()));
      rems_->setEnabled(false);
    }
    report_->setEnabled(true);
  } catch (const std::exception& e) {
    showMessage(tr("Refused: %1").arg(QString::fromStdString(e.what())), true);
  }
}

bool HistoryView::printReport(const QString& file, report::Paper paper) {
  try {
    // Read on the store's thread, drawn off it: the recorder's writer is not held while printing.
    const auto [record, charts] =
        gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
          auto r = db::read_session_report(s, a, open_session_, "session_report", now);
          auto c = report::read_session_charts(s, a, r, now);
          return std::pair{std::move(r), std::move(c)};
        });
    const auto printed = report::write_session_report(record, charts, file, paper);
    showMessage(
        tr("Printed session %1 (%2 pages) to %3").arg(open_session_).arg(printed.pages).arg(file),
        false);
    return true;
  } catch (const std::exception& e) {
    showMessage(tr("Printing refused: %1").arg(QString::fromStdString(e.what())), true);
    return false;
  }
}

bool HistoryView::printRemsForm(const QString& file, report::Paper paper) {
  try {
    const auto form = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_rems_form(s, a, open_session_, now);
    });
    const int pages = report::write_rems_form(form, file, paper);
    showMessage(tr("Printed the REMS form of session %1 (%2 pages, %3 missing) to %4")
                    .arg(open_session_)
                    .arg(pages)
                    .arg(form.missing.size())
                    .arg(file),
                false);
    return true;
  } catch (const std::exception& e) {
    showMessage(tr("Printing refused: %1").arg(QString::fromStdString(e.what())), true);
    return false;
  }
}

void HistoryView::askAndPrint(bool rems) {
  if (open_session_ == 0) return;
  const QString name = rems ? QStringLiteral("rems-session-%1.pdf").arg(open_session_)
                            : QStringLiteral("session-%1.pdf").arg(open_session_);
  const QString file = QFileDialog::getSaveFileName(
      this, rems ? tr("Print the REMS form") : tr("Print the session report"), name,
      tr("PDF (*.pdf)"));
  if (file.isEmpty()) return;
  if (rems) {
    printRemsForm(file, report::Paper::a4);
  } else {
    printReport(file, report::Paper::a4);
  }
}

}  // namespace vigil::gui

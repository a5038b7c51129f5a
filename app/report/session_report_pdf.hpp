#pragma once
// The session report as a PDF: the patient and session header, doses, checkpoints with the SpO2
// range, every BP, trend charts with dose and alarm markers, alarms, scales, adverse events, the
// ready-to-leave answers, notes with their signatures and addenda, device connections and their
// gaps, and the record binding with the audit chain head, the time and the user who printed it.

#include <QString>

#include <vector>

#include "pdf_pages.hpp"
#include "trend_plot.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/session_report.hpp"
#include "vigil/db/store.hpp"

namespace vigil::report {

struct PrintedDocument {
  int pages = 0;
  db::SessionBinding binding;
};

// Reads the session through the store as `actor` (clinician or auditor; the export is audited)
// and writes `file`. Throws the store's errors and std::runtime_error naming the file.
PrintedDocument write_session_report(db::Store& store, const db::Actor& actor, db::RowId session_id,
                                     const QString& file, Paper paper, db::UtcMs now);

// The same from a report already read (read_session_report, which audits the export) and its
// charts (read_session_charts): a screen reads on the store's thread and draws off it.
PrintedDocument write_session_report(const db::SessionReport& r,
                                     const std::vector<TrendPlot>& charts, const QString& file,
                                     Paper paper);

// The report's trend charts (session_report_charts.cpp): SpO2, pulse rate and NIBP over the
// whole session with the dose and alarm markers and the device gaps, read once, drawn per pass.
std::vector<TrendPlot> read_session_charts(db::Store& store, const db::Actor& actor,
                                           const db::SessionReport& r, db::UtcMs now);
void draw_session_charts(PdfPages& pages, const std::vector<TrendPlot>& plots);

// The binding's section and the lines a report and a form end with.
void draw_binding_section(PdfPages& pages, const db::SessionReport& r, const QString& document);

}  // namespace vigil::report

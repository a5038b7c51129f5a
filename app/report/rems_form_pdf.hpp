#pragma once
// The esketamine REMS Patient Monitoring Form as a PDF: the deadline and the days left, the
// missing fields listed first, then every field of the form by section with its value (a
// missing one says why), and the record binding.

#include <QString>

#include "pdf_pages.hpp"
#include "session_report_pdf.hpp"
#include "vigil/db/rems_form.hpp"

namespace vigil::report {

// "Due 2026-12-11 (5 days left)", "Due today", "OVERDUE since 2026-12-11 (2 days)".
QString rems_deadline_text(const db::RemsForm& form);

// Writes `form` (read with db::read_rems_form, which audits the export) to `file`; returns the
// page count. Throws std::runtime_error naming the file.
int write_rems_form(const db::RemsForm& form, const QString& file, Paper paper);

}  // namespace vigil::report

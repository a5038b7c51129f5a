#include "rems_form_pdf.hpp"

#include <QDateTime>

#include "report_binding_pdf.hpp"
#include "report_text.hpp"

namespace vigil::report {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString utc_date(db::UtcMs t) {
  return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

void draw_form(PdfPages& p, const db::RemsForm& form) {
  const auto& r = form.record;
  p.title(QStringLiteral("REMS Patient Monitoring Form"),
          QStringLiteral("Esketamine (SPRAVATO) treatment session %1 - %2 (%3) - filled from the "
                         "Vigil record; times in %4")
              .arg(r.panel.id)
              .arg(text(r.panel.patient_name), text(r.panel.patient_identifier),
                   zone_text(r.printed_utc_ms)));
  p.facts({{QStringLiteral("Treatment date"), utc_date(form.treatment_utc_ms)},
           {QStringLiteral("Deadline"), rems_deadline_text(form)}});
  if (form.days_left < 0) p.alert(QStringLiteral("This form is overdue: submit it now."));
  if (form.missing.empty()) {
    p.paragraph(QStringLiteral("Every field is filled from the record."), true);
  } else {
    p.heading(QStringLiteral("Missing fields (%1)").arg(form.missing.size()));
    for (const auto& m : form.missing) p.alert(QStringLiteral("MISSING  ") + text(m));
  }
  std::string section;
  std::vector<QStringList> rows;
  const auto flush = [&] {
    if (!section.empty()) {
      p.heading(text(section));
      p.table({{QStringLiteral("Field"), 1.6}, {QStringLiteral("Value"), 2.4}}, rows);
    }
    rows.clear();
  };
  for (const auto& f : form.fields) {
    if (f.section != section) {
      flush();
      section = f.section;
    }
    rows.push_back({text(f.label),
                    f.missing ? QStringLiteral("MISSING: ") + text(*f.missing) : text(f.value)});
  }
  flush();
}

}  // namespace

QString rems_deadline_text(const db::RemsForm& form) {
  const QString due = utc_date(form.due_utc_ms);
  if (form.days_left > 1)
    return QStringLiteral("due %1 (%2 days left)").arg(due).arg(form.days_left);
  if (form.days_left == 1) return QStringLiteral("due %1 (1 day left)").arg(due);
  if (form.days_left == 0) return QStringLiteral("due %1 (last day)").arg(due);
  return QStringLiteral("OVERDUE since %1 (%2 days)").arg(due).arg(-form.days_left);
}

int write_rems_form(const db::RemsForm& form, const QString& file, Paper paper) {
  const db::RowId session_id = form.record.panel.id;
  const QString title = QStringLiteral("REMS Patient Monitoring Form - session %1").arg(session_id);
  const QString footer =
      QStringLiteral("REMS Patient Monitoring Form - %1 - session %2 - digest %3")
          .arg(text(form.record.panel.patient_identifier))
          .arg(session_id)
          .arg(text(form.record.binding.digest.substr(0, 16)));
  return render_pdf(file, paper, title, binding_xmp(title, db::binding_text(form.record.binding)),
                    footer, [&](PdfPages& p) {
                      draw_form(p, form);
                      draw_binding_section(p, form.record, QStringLiteral("Form"));
                    });
}

}  // namespace vigil::report

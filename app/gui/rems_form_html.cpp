#include "rems_form_html.hpp"

#include "form_style.hpp"
#include "rems_form_pdf.hpp"

namespace vigil::gui {
namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

}  // namespace

QString remsFormHtml(const db::RemsForm& form) {
  const QString rose = form_style::refusal().name();
  const QString deadline = report::rems_deadline_text(form).toHtmlEscaped();
  QString html =
      QObject::tr("<h3>REMS Patient Monitoring Form - session %1</h3>").arg(form.record.panel.id);
  html += QObject::tr("<p>Deadline: <b%1>%2</b></p>")
              .arg(form.days_left <= 1 ? QStringLiteral(" style='color:%1'").arg(rose) : QString(),
                   deadline);
  if (form.missing.empty()) {
    html += QObject::tr("<p style='color:%1'><b>Every field is filled from the record.</b></p>")
                .arg(form_style::met().name());
  } else {
    html += QObject::tr("<p style='color:%1'><b>%2 missing field(s):</b></p><ul style='color:%1'>")
                .arg(rose)
                .arg(form.missing.size());
    for (const auto& m : form.missing) html += QStringLiteral("<li>%1</li>").arg(esc(m));
    html += QStringLiteral("</ul>");
  }
  std::string section;
  html += QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>");
  for (const auto& f : form.fields) {
    if (f.section != section) {
      section = f.section;
      html += QStringLiteral("<tr><td colspan='2'><br><b>%1</b></td></tr>").arg(esc(section));
    }
    const QString value =
        f.missing
            ? QStringLiteral("<span style='color:%1'>MISSING: %2</span>").arg(rose, esc(*f.missing))
            : esc(f.value);
    html += QStringLiteral("<tr><td width='45%'>%1</td><td>%2</td></tr>").arg(esc(f.label), value);
  }
  return html + QStringLiteral("</table>");
}

}  // namespace vigil::gui

#include "note_html.hpp"

#include <QCoreApplication>

#include "clinical_time.hpp"

namespace vigil::gui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("NoteHtml", text); }

QString escaped(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString paragraphs(const std::string& body) {
  return QStringLiteral("<p style=\"white-space: pre-wrap; margin: 0;\">%1</p>").arg(escaped(body));
}

}  // namespace

QString manifestationText(const db::NoteSignatureView& s) {
  return tr("Signed by %1 (%2), %3 local, SHA-256 %4...")
      .arg(QString::fromStdString(s.printed_name),
           QString::fromUtf8(db::signature_meaning_name(s.meaning).data()),
           localDateTimeText(s.t_utc_ms, true),
           QString::fromStdString(s.content_sha256.substr(0, 8)));
}

QString noteHtml(const db::NoteView& note) {
  // The signatures first: what the reader must know before reading (signed, by whom, as what).
  QString html;
  for (const db::NoteSignatureView& s : note.signatures) {
    html += QStringLiteral("<p style=\"margin: 2px 0; color: #9fe49f;\"><b>%1</b></p>")
                .arg(manifestationText(s).toHtmlEscaped());
  }
  html += QStringLiteral("<hr/>") + paragraphs(note.body);
  for (const db::NoteAddendumView& a : note.addenda) {
    html += QStringLiteral("<hr/><p style=\"margin: 2px 0;\"><b>%1</b></p>")
                .arg(tr("Addendum by %1, %2 local. Reason: %3")
                         .arg(QString::fromStdString(a.author_name),
                              localDateTimeText(a.t_utc_ms, true), QString::fromStdString(a.reason))
                         .toHtmlEscaped());
    html += paragraphs(a.body);
  }
  return html;
}

}  // namespace vigil::gui

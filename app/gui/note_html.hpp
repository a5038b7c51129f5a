#pragma once
// A signed note as the screen shows it (and a report may print it): the body as written, then
// each signature's manifestation (21 CFR 11.50: printed name, date and time, meaning) with the
// start of the SHA-256 it binds, then the addenda, oldest first, each with its author, time
// and reason.

#include <QString>

#include "vigil/db/note_reader.hpp"

namespace vigil::gui {

// "Signed by carl (authored), 2026-12-03 14:05:12 local, SHA-256 ba7816bf..."
QString manifestationText(const db::NoteSignatureView& signature);
// Rich text for a QTextBrowser; every piece of stored text is escaped.
QString noteHtml(const db::NoteView& note);

}  // namespace vigil::gui

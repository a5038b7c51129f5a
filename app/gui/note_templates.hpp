#pragma once
// The headings a clinic expects in each kind of session note (docs/clinical.md "Session
// notes"). A new dosing note lists the doses already on record under its first heading, so
// the clinician corrects rather than retypes them.

#include <QString>

#include "vigil/db/note_store.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

// The template body of a new note of `type` for the session in `state`.
QString noteTemplate(db::NoteType type, const db::SessionPanelState& state);

// "Preparation", "Dosing", "Integration".
QString noteTypeTitle(db::NoteType type);

}  // namespace vigil::gui

#pragma once
// Session notes, e-signatures and addenda (21 CFR 11.50/11.70 as summarised in docs/clinical.md).
// A draft may be edited by its author. Signing needs the password again and binds the SHA-256
// of the exact body; from then on a trigger refuses any change of the note's body or status
// (and its deletion), even by raw SQL, and the note changes only by addendum.

#include "vigil/db/store.hpp"

#include <string>
#include <string_view>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

enum class NoteType : std::uint8_t { preparation, dosing, integration };
constexpr std::string_view note_type_name(NoteType v) {
  switch (v) {
    case NoteType::preparation:
      return "preparation";
    case NoteType::dosing:
      return "dosing";
    case NoteType::integration:
      return "integration";
  }
  return {};
}
constexpr std::string_view enum_name(NoteType v) { return note_type_name(v); }
enum class SignatureMeaning : std::uint8_t { authored, reviewed, approved };
constexpr std::string_view signature_meaning_name(SignatureMeaning v) {
  switch (v) {
    case SignatureMeaning::authored:
      return "authored";
    case SignatureMeaning::reviewed:
      return "reviewed";
    case SignatureMeaning::approved:
      return "approved";
  }
  return {};
}
constexpr std::string_view enum_name(SignatureMeaning v) { return signature_meaning_name(v); }

RowId draft_note(Store& store, const Actor& actor, RowId session_id, NoteType type,
                 const std::string& body, UtcMs now);
// Only the author, only while draft.
void update_note(Store& store, const Actor& actor, RowId note_id, const std::string& body,
                 UtcMs now);
// Clinician; `password` is the signer's password (a wrong one counts as a failed login).
// The first signature turns the note to signed; later ones (reviewed, approved) are added.
RowId sign_note(Store& store, const Actor& actor, RowId note_id, std::string_view password,
                SignatureMeaning meaning, UtcMs now);
// Clinician; only on signed notes.
RowId add_addendum(Store& store, const Actor& actor, RowId note_id, const std::string& reason,
                   const std::string& body, UtcMs now);

}  // namespace vigil::db

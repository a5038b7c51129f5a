#pragma once
// Reading notes as the screen shows them: the body, who wrote it, its status, every signature's
// manifestation (printed name, date and time, meaning; 21 CFR 11.50) and the addenda under the
// original. Nurse, clinician or auditor (read_records); not audited (opening the session was).

#include <optional>
#include <string>
#include <vector>

#include "vigil/db/note_store.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct NoteSignatureView {
  RowId id = 0;
  std::string printed_name;  // the signer's name as signed
  SignatureMeaning meaning = SignatureMeaning::authored;
  UtcMs t_utc_ms = 0;
  std::string content_sha256;  // hex SHA-256 of the body as signed
};

struct NoteAddendumView {
  RowId id = 0;
  std::string author_name;
  UtcMs t_utc_ms = 0;
  std::string reason;
  std::string body;
};

struct NoteView {
  RowId id = 0;
  RowId session_id = 0;
  NoteType type = NoteType::dosing;
  std::string body;
  std::int64_t author_id = 0;
  std::string author_name;
  bool is_signed = false;
  UtcMs created_utc_ms = 0;
  UtcMs updated_utc_ms = 0;
  std::vector<NoteSignatureView> signatures;  // oldest first; the first is the author's
  std::vector<NoteAddendumView> addenda;      // oldest first
};

// The session's notes, oldest first. Throws NotFound for an unknown session.
std::vector<NoteView> read_session_notes(Store& store, const Actor& actor, RowId session_id,
                                         UtcMs now);

// The patient's newest signed note of `type` from a session other than `session_id` (to start a
// new note from it), with its addenda; nullopt when there is none.
std::optional<NoteView> previous_patient_note(Store& store, const Actor& actor, RowId session_id,
                                              NoteType type, UtcMs now);

}  // namespace vigil::db

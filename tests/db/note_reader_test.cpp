#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/note_reader.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/sha256.hpp"

using namespace vigil::db;
using namespace vigil::db::test;

TEST(DbNoteReader, ShowsEachSignatureAndAddendumUnderTheNote) {
  StoreFixture f;
  const RowId session = f.planned_session();
  const Actor second = add_user(f.store, f.admin, "dana", Role::clinician, kPassword, f.tick(),
                                PasswordCost::cheapest());
  const RowId note =
      draft_note(f.store, f.clinician, session, NoteType::dosing, "Dose given", f.tick());
  const UtcMs signed_at = f.tick();
  sign_note(f.store, f.clinician, note, kPassword, SignatureMeaning::authored, signed_at);
  sign_note(f.store, second, note, kPassword, SignatureMeaning::reviewed, f.tick());
  add_addendum(f.store, second, note, "late entry", "BP 150/90 at 40 min", f.tick());
  draft_note(f.store, f.nurse, session, NoteType::preparation, "Set and setting", f.tick());

  const auto notes = read_session_notes(f.store, f.auditor, session, f.tick());
  ASSERT_EQ(notes.size(), 2u);
  const NoteView& n = notes[0];
  EXPECT_EQ(n.type, NoteType::dosing);
  EXPECT_TRUE(n.is_signed);
  EXPECT_EQ(n.author_name, "carl");
  ASSERT_EQ(n.signatures.size(), 2u);
  EXPECT_EQ(n.signatures[0].printed_name, "carl");
  EXPECT_EQ(n.signatures[0].meaning, SignatureMeaning::authored);
  EXPECT_EQ(n.signatures[0].t_utc_ms, signed_at);
  EXPECT_EQ(n.signatures[0].content_sha256, sha256_hex("Dose given"));
  EXPECT_EQ(n.signatures[1].printed_name, "dana");
  EXPECT_EQ(n.signatures[1].meaning, SignatureMeaning::reviewed);
  ASSERT_EQ(n.addenda.size(), 1u);
  EXPECT_EQ(n.addenda[0].author_name, "dana");
  EXPECT_EQ(n.addenda[0].reason, "late entry");
  EXPECT_EQ(n.addenda[0].body, "BP 150/90 at 40 min");
  EXPECT_FALSE(notes[1].is_signed);
  EXPECT_EQ(notes[1].author_name, "nina");
  EXPECT_TRUE(notes[1].signatures.empty());
}

TEST(DbNoteReader, PreviousNoteIsThePatientsNewestSignedOneOfThatType) {
  StoreFixture f;
  const RowId first = f.planned_session();
  const RowId older = draft_note(f.store, f.clinician, first, NoteType::dosing, "first", f.tick());
  sign_note(f.store, f.clinician, older, kPassword, SignatureMeaning::authored, f.tick());
  const RowId newer = draft_note(f.store, f.clinician, first, NoteType::dosing, "second", f.tick());
  sign_note(f.store, f.clinician, newer, kPassword, SignatureMeaning::authored, f.tick());
  draft_note(f.store, f.clinician, first, NoteType::dosing, "unsigned draft", f.tick());
  const RowId prep =
      draft_note(f.store, f.clinician, first, NoteType::preparation, "prep", f.tick());
  sign_note(f.store, f.clinician, prep, kPassword, SignatureMeaning::authored, f.tick());

  const RowId today = f.planned_session();
  const auto prev = previous_patient_note(f.store, f.nurse, today, NoteType::dosing, f.tick());
  ASSERT_TRUE(prev.has_value());
  EXPECT_EQ(prev->body, "second");
  EXPECT_EQ(prev->session_id, first);
  EXPECT_FALSE(
      previous_patient_note(f.store, f.nurse, today, NoteType::integration, f.tick()).has_value());
  // The session's own notes are not "previous".
  EXPECT_FALSE(
      previous_patient_note(f.store, f.nurse, first, NoteType::dosing, f.tick()).has_value());
}

TEST(DbNoteReader, AdminMayNotReadNotes) {
  StoreFixture f;
  const RowId session = f.planned_session();
  EXPECT_THROW(read_session_notes(f.store, f.admin, session, f.tick()), PermissionDenied);
  EXPECT_THROW(read_session_notes(f.store, f.nurse, 999, f.tick()), NotFound);
}

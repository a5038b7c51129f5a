#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/db/sha256.hpp"

using namespace vigil::db;
using namespace vigil::db::test;

namespace {
struct SignedNote : StoreFixture {
  std::string body = "Dosing note: 0.5 mg/kg IV over 40 min.\nNo adverse events.";
  RowId note = draft_note(store, clinician, planned_session(), NoteType::dosing, body, tick());
};
}  // namespace

TEST(DbNoteSignature, Sha256MatchesAKnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(DbNoteSignature, SignatureBindsTheExactContent) {
  SignedNote f;
  sign_note(f.store, f.clinician, f.note, kPassword, SignatureMeaning::authored, f.tick());
  const auto n = read_note(f.store, f.auditor, f.note, f.tick());
  EXPECT_EQ(n.status, "signed");
  ASSERT_EQ(n.signatures.size(), 1u);
  EXPECT_EQ(n.signatures[0].content_sha256, sha256_hex(f.body));
  EXPECT_EQ(n.signatures[0].printed_name, "carl");
  EXPECT_EQ(n.signatures[0].meaning, "authored");
  EXPECT_EQ(n.signatures[0].t_utc_ms, f.now - 1000);
  EXPECT_TRUE(n.signatures[0].matches_content);
  EXPECT_NE(n.signatures[0].content_sha256, sha256_hex(f.body + " "));
}

TEST(DbNoteSignature, NeedsThePasswordAgain) {
  SignedNote f;
  EXPECT_THROW(sign_note(f.store, f.clinician, f.note, "not my password",
                         SignatureMeaning::authored, f.tick()),
               AuthenticationFailed);
  EXPECT_EQ(f.db.execAndGet("SELECT status FROM notes").getString(), "draft");
  EXPECT_EQ(f.db.execAndGet("SELECT count(*) FROM signatures").getInt(), 0);
  EXPECT_EQ(f.last_action(), "signature_password_failed");
}

TEST(DbNoteSignature, DraftEditsByAuthorOnly) {
  SignedNote f;
  update_note(f.store, f.clinician, f.note, "new text", f.tick());
  EXPECT_THROW(update_note(f.store, f.nurse, f.note, "not mine", f.tick()), ValidationError);
}

TEST(DbNoteSignature, SignedNoteIsFrozenEvenForRawSql) {
  SignedNote f;
  sign_note(f.store, f.clinician, f.note, kPassword, SignatureMeaning::authored, f.tick());
  EXPECT_THROW(update_note(f.store, f.clinician, f.note, "changed", f.tick()), ValidationError);
  EXPECT_THROW(f.db.exec("UPDATE notes SET body = 'changed'"), SQLite::Exception);
  EXPECT_THROW(f.db.exec("UPDATE notes SET status = 'draft'"), SQLite::Exception);
  EXPECT_THROW(f.db.exec("DELETE FROM notes"), SQLite::Exception);
  EXPECT_THROW(f.db.exec("UPDATE signatures SET content_sha256 = 'x'"), SQLite::Exception);
  EXPECT_THROW(f.db.exec("DELETE FROM signatures"), SQLite::Exception);
  // The same through the sqlite3 shell, another process.
  EXPECT_NE(sqlite3_shell(f.file, "UPDATE notes SET body='changed'"), 0);
  EXPECT_EQ(f.db.execAndGet("SELECT body FROM notes").getString(), f.body);
}

TEST(DbNoteSignature, AddendumChangesASignedNote) {
  SignedNote f;
  EXPECT_THROW(add_addendum(f.store, f.clinician, f.note, "late", "x", f.tick()), ValidationError)
      << "addenda are for signed notes";
  sign_note(f.store, f.clinician, f.note, kPassword, SignatureMeaning::authored, f.tick());
  EXPECT_THROW(add_addendum(f.store, f.clinician, f.note, " ", "x", f.tick()), ValidationError);
  add_addendum(f.store, f.clinician, f.note, "late entry", "BP 150/92 at 40 min", f.tick());
  const Actor other = add_user(f.store, f.admin, "cleo", Role::clinician, kPassword, f.tick(),
                               PasswordCost::cheapest());
  const RowId by_other =
      sign_note(f.store, other, f.note, kPassword, SignatureMeaning::approved, f.tick());
  EXPECT_GT(by_other, 0);
  const auto n = read_note(f.store, f.auditor, f.note, f.tick());
  ASSERT_EQ(n.addenda.size(), 1u);
  EXPECT_EQ(n.addenda[0].reason, "late entry");
  EXPECT_EQ(n.body, f.body);
  EXPECT_EQ(n.signatures.size(), 2u);
  EXPECT_THROW(f.db.exec("UPDATE addenda SET body = 'x'"), SQLite::Exception);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbNoteSignature, OnlyTheAuthorSignsAsAuthored) {
  SignedNote f;
  const Actor other = add_user(f.store, f.admin, "cleo", Role::clinician, kPassword, f.tick(),
                               PasswordCost::cheapest());
  EXPECT_THROW(sign_note(f.store, other, f.note, kPassword, SignatureMeaning::authored, f.tick()),
               ValidationError);
}

TEST(DbNoteSignature, ReviewIsBySomeoneElseAfterTheAuthorOncePerMeaning) {
  SignedNote f;
  const Actor other = add_user(f.store, f.admin, "cleo", Role::clinician, kPassword, f.tick(),
                               PasswordCost::cheapest());
  auto refusal = [&](const Actor& who, SignatureMeaning meaning) -> std::string {
    try {
      sign_note(f.store, who, f.note, kPassword, meaning, f.tick());
    } catch (const ValidationError& e) {
      return e.what();
    }
    return {};
  };
  EXPECT_EQ(refusal(other, SignatureMeaning::reviewed),
            "meaning: the author signs the note first (authored); reviewed follows");
  sign_note(f.store, f.clinician, f.note, kPassword, SignatureMeaning::authored, f.tick());
  EXPECT_EQ(refusal(f.clinician, SignatureMeaning::authored),
            "meaning: the author has already signed this note");
  EXPECT_EQ(refusal(f.clinician, SignatureMeaning::reviewed),
            "meaning: reviewed is signed by a clinician other than the note's author");
  EXPECT_EQ(refusal(other, SignatureMeaning::reviewed), "");
  EXPECT_EQ(refusal(other, SignatureMeaning::reviewed),
            "meaning: cleo has already signed this note as reviewed");
  EXPECT_EQ(refusal(other, SignatureMeaning::approved), "");
}

TEST(DbNoteSignature, ANursesDraftIsSignedByAClinicianApproving) {
  StoreFixture f;
  const RowId note = draft_note(f.store, f.nurse, f.planned_session(), NoteType::preparation,
                                "Escort confirmed; consent signed.", f.tick());
  EXPECT_THROW(
      sign_note(f.store, f.clinician, note, kPassword, SignatureMeaning::authored, f.tick()),
      ValidationError);
  sign_note(f.store, f.clinician, note, kPassword, SignatureMeaning::approved, f.tick());
  EXPECT_EQ(read_note(f.store, f.auditor, note, f.tick()).status, "signed");
}

TEST(DbNoteSignature, ADeactivatedAuthorsDraftIsSignedByAnotherClinicianApproving) {
  SignedNote f;
  const Actor other = add_user(f.store, f.admin, "cleo", Role::clinician, kPassword, f.tick(),
                               PasswordCost::cheapest());
  set_user_active(f.store, f.admin, f.clinician.id, false, f.tick());
  sign_note(f.store, other, f.note, kPassword, SignatureMeaning::approved, f.tick());
  EXPECT_EQ(read_note(f.store, f.auditor, f.note, f.tick()).status, "signed");
}

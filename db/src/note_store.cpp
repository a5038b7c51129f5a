#include "vigil/db/note_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"
#include "vigil/db/sha256.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::db {
namespace {

struct NoteRow {
  std::string body;
  std::int64_t author_id = 0;
  bool signed_ = false;
  bool author_may_sign = false;  // else (a nurse's draft) a clinician's approval signs it first
};

NoteRow load_note(SQLite::Database& db, RowId note_id) {
  SQLite::Statement q(db,
                      "SELECT n.body, n.author_id, n.status, u.role, u.active FROM notes n "
                      "JOIN users u ON u.id = n.author_id WHERE n.id = ?");
  q.bind(1, note_id);
  if (!q.executeStep()) throw NotFound("note id " + std::to_string(note_id) + ": no such record");
  const auto role = role_from_name(q.getColumn(3).getString());
  // A deactivated author will not sign: a clinician's approval signs their draft first.
  return {q.getColumn(0).getString(), q.getColumn(1).getInt64(),
          q.getColumn(2).getString() == "signed",
          role && role_may(*role, Action::sign_note) && q.getColumn(4).getInt() != 0};
}

// Who may sign with which meaning: the author signs first (authored); a review or approval is
// by another clinician, once per meaning; a draft whose author may not sign (a nurse's) is
// signed first by a clinician's approval or review.
void check_signature_meaning(SQLite::Database& db, const NoteRow& note, RowId note_id,
                             const Actor& actor, SignatureMeaning meaning) {
  const bool by_author = note.author_id == actor.id;
  if (meaning == SignatureMeaning::authored) {
    if (!by_author) throw ValidationError("meaning: only the note's author signs as authored");
    if (note.signed_) throw ValidationError("meaning: the author has already signed this note");
    return;
  }
  if (by_author) {
    throw ValidationError("meaning: " + std::string(signature_meaning_name(meaning)) +
                          " is signed by a clinician other than the note's author");
  }
  if (!note.signed_ && note.author_may_sign) {
    throw ValidationError("meaning: the author signs the note first (authored); " +
                          std::string(signature_meaning_name(meaning)) + " follows");
  }
  SQLite::Statement q(db,
                      "SELECT 1 FROM signatures WHERE note_id = ? AND signer_id = ? AND "
                      "meaning = ?");
  q.bind(1, note_id);
  q.bind(2, actor.id);
  q.bind(3, std::string(signature_meaning_name(meaning)));
  if (q.executeStep()) {
    throw ValidationError("meaning: " + actor.name + " has already signed this note as " +
                          std::string(signature_meaning_name(meaning)));
  }
}

}  // namespace

RowId draft_note(Store& store, const Actor& actor, RowId session_id, NoteType type,
                 const std::string& body, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::draft_note, now, [&] {
    require_text("body", body);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    load_session(db, session_id);
    SQLite::Statement ins(db,
                          "INSERT INTO notes (session_id, type, body, author_id, status, "
                          "created_utc_ms, updated_utc_ms) VALUES (?,?,?,?,'draft',?,?)");
    ins.bind(1, session_id);
    ins.bind(2, std::string(note_type_name(type)));
    ins.bind(3, body);
    ins.bind(4, actor.id);
    ins.bind(5, now);
    ins.bind(6, now);
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "draft_note", "notes", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

void update_note(Store& store, const Actor& actor, RowId note_id, const std::string& body,
                 UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::update_note, now, [&] {
    require_text("body", body);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto note = load_note(db, note_id);
    if (note.signed_) throw ValidationError("note: signed; change it only by addendum");
    if (note.author_id != actor.id) throw ValidationError("note: only its author may edit a draft");
    auto before = snapshot_before(db, "notes", note_id);
    SQLite::Statement up(db, "UPDATE notes SET body = ?, updated_utc_ms = ? WHERE id = ?");
    up.bind(1, body);
    up.bind(2, now);
    up.bind(3, note_id);
    up.exec();
    audit_row_change(db, actor, "update_note", "notes", note_id, std::move(before), now);
    tx.commit();
  });
}

RowId sign_note(Store& store, const Actor& actor, RowId note_id, std::string_view password,
                SignatureMeaning meaning, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::sign_note, now, [&] {
    reauthenticate(store, actor, password, now);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto note = load_note(db, note_id);
    check_signature_meaning(db, note, note_id, actor, meaning);
    SQLite::Statement ins(db,
                          "INSERT INTO signatures (note_id, signer_id, printed_name, meaning, "
                          "t_utc_ms, content_sha256) VALUES (?,?,?,?,?,?)");
    ins.bind(1, note_id);
    ins.bind(2, actor.id);
    ins.bind(3, actor.name);
    ins.bind(4, std::string(signature_meaning_name(meaning)));
    ins.bind(5, now);
    ins.bind(6, sha256_hex(note.body));
    ins.exec();
    const RowId sig = db.getLastInsertRowid();
    audit_row_change(db, actor, "sign_note", "signatures", sig, std::nullopt, now);
    if (!note.signed_) {
      auto before = snapshot_before(db, "notes", note_id);
      SQLite::Statement up(db,
                           "UPDATE notes SET status = 'signed', updated_utc_ms = ? WHERE id = ?");
      up.bind(1, now);
      up.bind(2, note_id);
      up.exec();
      audit_row_change(db, actor, "sign_note", "notes", note_id, std::move(before), now);
    }
    tx.commit();
    return sig;
  });
}

RowId add_addendum(Store& store, const Actor& actor, RowId note_id, const std::string& reason,
                   const std::string& body, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::add_addendum, now, [&] {
    require_text("reason", reason);
    require_text("body", body);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!load_note(db, note_id).signed_) {
      throw ValidationError("note: addenda are for signed notes; edit the draft instead");
    }
    SQLite::Statement ins(db,
                          "INSERT INTO addenda (note_id, author_id, t_utc_ms, reason, body) "
                          "VALUES (?,?,?,?,?)");
    ins.bind(1, note_id);
    ins.bind(2, actor.id);
    ins.bind(3, now);
    ins.bind(4, reason);
    ins.bind(5, body);
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "add_addendum", "addenda", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

}  // namespace vigil::db

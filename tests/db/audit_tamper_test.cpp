// Tampering with the raw sqlite3 shell (triggers dropped first) is found by verification,
// which names the first broken sequence number.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "db_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/sha256.hpp"

using namespace vigil::db;
using namespace vigil::db::test;

namespace {

struct ClinicalRecordFixture : StoreFixture {
  RowId session = dosing_session();
  RowId note = draft_note(store, clinician, session, NoteType::dosing, "Dose given", tick());
  RowId administration = [this] {
    NewAdministration d;
    d.session_id = session;
    d.drug = "ketamine";
    d.form_strength = "10 mg/mL";
    d.route = vigil::core::DoseRoute::iv;
    d.dose_mg = 35;
    d.lot = "L1";
    d.start_utc_ms = now;
    return record_administration(store, nurse, d, tick()).id;
  }();
  ClinicalRecordFixture() {
    sign_note(store, clinician, note, kPassword, SignatureMeaning::authored, tick());
    for (int i = 0; i < 5; ++i) authenticate(store, "aud", kPassword, tick());
  }
  std::int64_t last_seq_of(const std::string& entity, RowId id) {
    SQLite::Statement q(db, "SELECT max(seq) FROM audit_log WHERE entity = ? AND entity_id = ?");
    q.bind(1, entity);
    q.bind(2, id);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }
  AuditVerification tamper_and_verify(const std::string& sql) {
    EXPECT_TRUE(verify_audit_chain(store).ok);
    EXPECT_EQ(sqlite3_shell(file, sql), 0) << sql;
    return verify_audit_chain(store);
  }
};

constexpr const char* kDropAuditTriggers =
    "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ";
constexpr const char* kDropNoteTriggers =
    "DROP TRIGGER notes_signed_no_update; DROP TRIGGER notes_signed_no_delete; ";

}  // namespace

TEST(AuditTamper, TriggersRefuseChangesToTheLog) {
  ClinicalRecordFixture f;
  EXPECT_THROW(f.db.exec("UPDATE audit_log SET actor_name = 'x' WHERE seq = 3"), SQLite::Exception);
  EXPECT_THROW(f.db.exec("DELETE FROM audit_log WHERE seq = 3"), SQLite::Exception);
  EXPECT_NE(sqlite3_shell(f.file, "DELETE FROM audit_log"), 0);
}

TEST(AuditTamper, ChangedEntryIsNamed) {
  ClinicalRecordFixture f;
  const auto v = f.tamper_and_verify(std::string(kDropAuditTriggers) +
                                     "UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 7");
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_seq, 7) << v.problem;
}

TEST(AuditTamper, ChangedEntryWithRecomputedHashBreaksTheNextLink) {
  ClinicalRecordFixture f;
  auto entries = read_audit_entries(f.store);
  AuditEntry e = entries[6];
  e.actor_name = "mallory";
  const std::string forged = audit_entry_hash(e);
  const auto v = f.tamper_and_verify(std::string(kDropAuditTriggers) +
                                     "UPDATE audit_log SET actor_name = 'mallory', hash = '" +
                                     forged + "' WHERE seq = 7");
  EXPECT_EQ(v.first_broken_seq, 8) << v.problem;
}

TEST(AuditTamper, DeletedEntryIsNamed) {
  ClinicalRecordFixture f;
  const auto v =
      f.tamper_and_verify(std::string(kDropAuditTriggers) + "DELETE FROM audit_log WHERE seq = 4");
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_seq, 5) << v.problem;
}

TEST(AuditTamper, InsertedEntryIsNamed) {
  ClinicalRecordFixture f;
  const auto head = audit_head(f.store);
  const auto v = f.tamper_and_verify(
      "INSERT INTO audit_log (seq, t_utc_ms, actor_name, action, entity, prev_hash, hash) "
      "VALUES (" +
      std::to_string(head.last_seq + 1) + ", 1, 'mallory', 'login', 'users', '" + head.hash +
      "', 'deadbeef')");
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_seq, head.last_seq + 1) << v.problem;
}

TEST(AuditTamper, ChangedSignedNoteIsFound) {
  ClinicalRecordFixture f;
  const auto seq = f.last_seq_of("notes", f.note);
  const auto v = f.tamper_and_verify(std::string(kDropNoteTriggers) +
                                     "UPDATE notes SET body = 'No dose given'");
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_seq, seq) << v.problem;
  EXPECT_NE(v.problem.find("notes id " + std::to_string(f.note)), std::string::npos) << v.problem;
}

TEST(AuditTamper, DeletedNoteIsFound) {
  ClinicalRecordFixture f;
  const auto v = f.tamper_and_verify(
      std::string(kDropNoteTriggers) +
      "DROP TRIGGER signatures_no_delete; DELETE FROM signatures; DELETE FROM notes;");
  EXPECT_FALSE(v.ok);
  EXPECT_TRUE(v.first_broken_seq.has_value()) << v.problem;
}

TEST(AuditTamper, InsertedNoteIsFound) {
  ClinicalRecordFixture f;
  const auto v = f.tamper_and_verify(
      "INSERT INTO notes (session_id, type, body, author_id, status, created_utc_ms, "
      "updated_utc_ms) VALUES (1, 'dosing', 'forged', 2, 'draft', 1, 1)");
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.problem.find("has no audit entry"), std::string::npos) << v.problem;
}

TEST(AuditTamper, ChangedDeletedOrInsertedAdministrationIsFound) {
  {
    ClinicalRecordFixture f;
    const auto seq = f.last_seq_of("administrations", f.administration);
    const auto v = f.tamper_and_verify("UPDATE administrations SET dose_mg = 20");
    EXPECT_EQ(v.first_broken_seq, seq) << v.problem;
  }
  {
    ClinicalRecordFixture f;
    const auto seq = f.last_seq_of("administrations", f.administration);
    const auto v = f.tamper_and_verify("DELETE FROM administrations");
    EXPECT_EQ(v.first_broken_seq, seq) << v.problem;
    EXPECT_NE(v.problem.find("missing"), std::string::npos) << v.problem;
  }
  {
    ClinicalRecordFixture f;
    const auto v = f.tamper_and_verify(
        "INSERT INTO administrations (session_id, drug, form_strength, route, dose_mg, lot, "
        "administered_by, start_utc_ms, dose_decision) "
        "VALUES (1, 'ketamine', '10 mg/mL', 'iv', 10, 'L2', 2, 1, 'accepted')");
    EXPECT_FALSE(v.ok);
    EXPECT_NE(v.problem.find("administrations id"), std::string::npos) << v.problem;
  }
}

TEST(AuditTamper, TruncatedTailIsCaughtWithTheExpectedHead) {
  ClinicalRecordFixture f;
  const auto head = audit_head(f.store);
  const auto v =
      f.tamper_and_verify(std::string(kDropAuditTriggers) + "DELETE FROM audit_log WHERE seq > " +
                          std::to_string(head.last_seq - 3));
  EXPECT_TRUE(v.ok) << "without an anchor a clean truncation of login entries is invisible";
  const auto anchored = verify_audit_chain(f.store, head.hash);
  EXPECT_FALSE(anchored.ok);
  EXPECT_NE(anchored.problem.find("ends before the expected head"), std::string::npos);
  // A head further back in an intact chain is fine.
  EXPECT_TRUE(verify_audit_chain(f.store, read_audit_entries(f.store)[2].hash).ok);
}

TEST(AuditTamper, ReadOnlyArchivedCopyVerifies) {
  std::filesystem::path archive;
  TempDir archive_dir;
  std::int64_t entries = 0;
  {
    ClinicalRecordFixture f;
    entries = audit_head(f.store).entries;
    f.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    archive = archive_dir / "archive.db";
    f.db.backup(archive.string().c_str(), SQLite::Database::Save);
  }
  ::chmod(archive.c_str(), 0444);
  ::chmod(archive.parent_path().c_str(), 0555);
  const auto size = std::filesystem::file_size(archive);
  {
    auto store = Store::open(archive, OpenMode::archive);
    const auto v = verify_audit_chain(store);
    EXPECT_TRUE(v.ok) << v.problem;
    EXPECT_EQ(v.entries, entries);
  }
  EXPECT_EQ(std::filesystem::file_size(archive), size);
  EXPECT_FALSE(std::filesystem::exists(archive.string() + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(archive.string() + "-shm"));
  ::chmod(archive.parent_path().c_str(), 0755);
}

TEST(AuditChain, CanonicalSerialisationIsLengthPrefixed) {
  AuditEntry e;
  e.seq = 12;
  e.t_utc_ms = 1790000000000;
  e.actor_id = 3;
  e.actor_name = "carl";
  e.action = "sign_note";
  e.entity = "notes";
  e.entity_id = 7;
  e.new_value = R"({"a":1})";
  e.prev_hash = std::string(kAuditGenesisHash);
  EXPECT_EQ(audit_canonical_bytes(e),
            "2:12;13:1790000000000;1:3;4:carl;9:sign_note;5:notes;1:7;-;7:{\"a\":1};64:" +
                std::string(kAuditGenesisHash) + ";");
  EXPECT_EQ(audit_entry_hash(e), sha256_hex(audit_canonical_bytes(e)));
}

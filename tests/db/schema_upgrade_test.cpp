// Upgrading a file written at schema version 1 (vitals with a text channel and a per-row
// foreign key) to version 2 (integer channel codes, clustered by session and time): every vitals
// row and waveform block is kept with the same values, the file stays consistent and the
// recorder goes on appending to it.

#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "db_test_support.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/schema.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::db {
namespace {

using test::kPassword;
using test::kT0;
using test::TempDir;

// session, channel, t_utc_ms, value, flags, device_id
using VitalRow = std::tuple<std::int64_t, std::string, std::int64_t, std::optional<double>,
                            std::int64_t, std::optional<std::int64_t>>;
// session, channel, start_utc_ms, sample_rate_hz, samples
using BlockRow = std::tuple<std::int64_t, std::string, std::int64_t, double, std::string>;

std::vector<VitalRow> vitals_rows(SQLite::Database& db) {
  std::vector<VitalRow> rows;
  SQLite::Statement q(db,
                      "SELECT session_id, channel, t_utc_ms, value, flags, device_id, "
                      "typeof(value) FROM vitals_numeric");
  while (q.executeStep()) {
    std::optional<double> value;
    if (!q.getColumn(3).isNull()) {
      EXPECT_EQ(q.getColumn(6).getString(), "real");
      value = q.getColumn(3).getDouble();
    }
    std::optional<std::int64_t> device;
    if (!q.getColumn(5).isNull()) device = q.getColumn(5).getInt64();
    rows.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                      q.getColumn(2).getInt64(), value, q.getColumn(4).getInt64(), device);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<BlockRow> block_rows(SQLite::Database& db) {
  std::vector<BlockRow> rows;
  SQLite::Statement q(db,
                      "SELECT session_id, channel, start_utc_ms, sample_rate_hz, hex(samples) "
                      "FROM waveform_blocks");
  while (q.executeStep()) {
    rows.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                      q.getColumn(2).getInt64(), q.getColumn(3).getDouble(),
                      q.getColumn(4).getString());
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// A planned session as schema version 1 wrote it (its row and its audited snapshot): today's
// create_session writes columns that version did not have.
RowId version_one_session(SQLite::Database& db, const Actor& clinician, RowId patient) {
  db.exec("BEGIN");
  SQLite::Statement ins(db,
                        "INSERT INTO sessions (type, patient_id, clinician_id, chair, "
                        "planned_utc_ms, phase) VALUES ('dosing', ?, ?, 'chair 1', ?, 'planned')");
  ins.bind(1, patient);
  ins.bind(2, clinician.id);
  ins.bind(3, kT0);
  ins.exec();
  const RowId id = db.getLastInsertRowid();
  SQLite::Statement snap(db,
                         "SELECT json_object('id',id,'type',type,'linked_session_id',"
                         "linked_session_id,'patient_id',patient_id,'clinician_id',clinician_id,"
                         "'nurse_id',nurse_id,'chair',chair,'planned_utc_ms',planned_utc_ms,"
                         "'started_utc_ms',started_utc_ms,'ended_utc_ms',ended_utc_ms,'phase',"
                         "phase,'planned_dose_mg',planned_dose_mg,'ended_early_reason',"
                         "ended_early_reason,'alarm_profile',alarm_profile) FROM sessions "
                         "WHERE id = ?");
  snap.bind(1, id);
  snap.executeStep();
  AuditEntry e;
  e.t_utc_ms = kT0;
  e.actor_id = clinician.id;
  e.actor_name = clinician.name;
  e.action = "create_session";
  e.entity = "sessions";
  e.entity_id = id;
  e.new_value = snap.getColumn(0).getString();
  append_audit_entry(db, e);
  db.exec("COMMIT");
  return id;
}

// A file as Vigil schema version 1 wrote it: accounts, two sessions, vitals of every kind the
// old table held (several channels per time, repeated rows, gaps, flags, no device, a channel
// name this version does not know) and waveform blocks.
struct VersionOneFile {
  TempDir dir;
  std::filesystem::path file = dir / "v1.db";
  RowId first = 0, second = 0;

  VersionOneFile() {
    auto store = adopt_connection(open_database_at_schema_version(file, 1), file);
    SQLite::Database& db = raw_connection(store);
    EXPECT_EQ(schema_version(db), 1);
    const auto cheap = PasswordCost::cheapest();
    const Actor admin = create_first_admin(store, "admin", kPassword, kT0, cheap);
    const Actor nurse = add_user(store, admin, "nina", Role::nurse, kPassword, kT0, cheap);
    const Actor carl = add_user(store, admin, "carl", Role::clinician, kPassword, kT0, cheap);
    const RowId patient =
        create_patient(store, nurse, {"MRN-1", "Pat", "1980-01-01", "female", 70}, kT0);
    first = version_one_session(db, carl, patient);
    second = version_one_session(db, carl, patient);

    SQLite::Statement ins(db,
                          "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, "
                          "flags, device_id) VALUES (?,?,?,?,?,?)");
    const char* names[] = {"spo2", "pulse_rate", "perfusion_index", "pvi",
                           "spco", "spmet",      "nibp_systolic",   "etco2"};
    db.exec("BEGIN");
    for (int i = 0; i < 3000; ++i) {
      ins.reset();
      ins.clearBindings();
      ins.bind(1, i % 5 == 0 ? second : first);
      ins.bind(2, names[i % 8]);
      ins.bind(3, kT0 + (i / 8) * 1000);  // eight rows share each time
      if (i % 11 != 0) ins.bind(4, 60 + (i % 400) / 8.0);
      ins.bind(5, i % 13 == 0 ? 0x21 : 0);
      if (i % 7 != 0) ins.bind(6, 1 + i % 3);
      ins.exec();
      if (i % 100 == 0) {  // a repeated row, exactly the same
        ins.reset();
        ins.exec();
      }
    }
    db.exec("COMMIT");
    db.exec(
        "INSERT INTO waveform_blocks (session_id, channel, start_utc_ms, sample_rate_hz, "
        "samples) VALUES (1,'pleth'," +
        std::to_string(kT0) + ",75.0,x'0100feff0080'), (1,'pleth'," + std::to_string(kT0) +
        ",75.0,x'0100feff0080'), (2,'ecg'," + std::to_string(kT0 + 1000) + ",250.0,x'ff7f')");
  }
};

TEST(DbSchemaUpgrade, VersionOneFileKeepsEveryVitalsRowWithTheSameValues) {
  VersionOneFile v1;
  std::vector<VitalRow> before_vitals;
  std::vector<BlockRow> before_blocks;
  {
    SQLite::Database db(v1.file.string(), SQLite::OPEN_READONLY);
    before_vitals = vitals_rows(db);
    before_blocks = block_rows(db);
  }
  ASSERT_EQ(before_vitals.size(), 3030u);
  ASSERT_EQ(before_blocks.size(), 3u);

  auto store = Store::open(v1.file, OpenMode::open_existing);
  SQLite::Database& db = raw_connection(store);
  EXPECT_EQ(schema_version(db), program_schema_version());
  EXPECT_EQ(vitals_rows(db), before_vitals);
  EXPECT_EQ(block_rows(db), before_blocks);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM vitals").getInt(), 3030);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
  EXPECT_TRUE(verify_audit_chain(store).ok);
  // Known channels are stored with their fixed codes; an unknown name got a file-local one.
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM vitals WHERE channel = 150456").getInt(),
            db.execAndGet("SELECT count(*) FROM vitals_numeric WHERE channel = 'spo2'").getInt());
  EXPECT_EQ(db.execAndGet("SELECT code FROM channels WHERE name = 'ecg'").getInt(), 1000);
  EXPECT_EQ(db.execAndGet("SELECT code FROM channels WHERE name = 'etco2'").getInt(), 1001);
  // Rows of one session and time are numbered 0, 1, 2... (several share a time here).
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM (SELECT count(*) AS n, max(seq) AS m FROM vitals "
                          "GROUP BY session_id, t_utc_ms) WHERE m <> n - 1")
                .getInt(),
            0);
  EXPECT_GE(db.execAndGet("SELECT max(seq) FROM vitals").getInt(), 5);
}

TEST(DbSchemaUpgrade, TheRecorderAppendsToAnUpgradedFile) {
  VersionOneFile v1;
  { auto db = open_database(v1.file, OpenMode::open_existing); }
  const auto count_at = [&](SQLite::Database& db, UtcMs t) {
    return db
        .execAndGet("SELECT count(*) FROM vitals WHERE session_id = " + std::to_string(v1.first) +
                    " AND t_utc_ms = " + std::to_string(t))
        .getInt();
  };
  auto store = Store::open(v1.file, OpenMode::read_only);
  SQLite::Database& db = raw_connection(store);
  const int at_t0 = count_at(db, kT0);
  const int at_t1 = count_at(db, kT0 + 1000);
  ASSERT_GT(at_t0, 0);
  ASSERT_GT(at_t1, 0);
  {
    Recorder rec(Store::open(v1.file, OpenMode::open_existing));
    core::Reading r;
    r.channel = core::Channel::spo2;
    r.value = 95;
    // The first row asks the table for its seq; the second (a later time) first assumes a
    // fresh time, meets the old rows and takes the next free seq.
    for (UtcMs t : {kT0, kT0 + 1000, kT0 + 1000}) {
      r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
      ASSERT_TRUE(rec.record_reading(v1.first, r));
    }
    rec.flush();
    EXPECT_EQ(rec.counters().rows_written, 3u);
    EXPECT_EQ(rec.counters().rejected_vitals, 0u);
    EXPECT_EQ(rec.counters().failed_batches, 0u);
  }
  EXPECT_EQ(count_at(db, kT0), at_t0 + 1);
  EXPECT_EQ(count_at(db, kT0 + 1000), at_t1 + 2);
  // The new rows are sealed (with the seqs the conflicts gave them), the old ones counted as
  // recorded before seals, in the same session.
  const auto v = verify_audit_chain(store);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.sealed_rows, 3);
  EXPECT_GT(v.legacy_rows, 0);
  EXPECT_EQ(v.unsealed_rows, 0);
}

// An archived file from version 4 (the last before seals), read-only so not upgraded: it
// verifies, its vitals counted as recorded before seals.
TEST(DbSchemaUpgrade, AFileFromBeforeSealsVerifiesReadOnlyWithItsRowsCountedAsNotSealed) {
  TempDir dir;
  const auto file = dir / "v4.db";
  {
    auto store = adopt_connection(open_database_at_schema_version(file, 4), file);
    const auto cheap = PasswordCost::cheapest();
    const Actor admin = create_first_admin(store, "admin", kPassword, kT0, cheap);
    const Actor nurse = add_user(store, admin, "nina", Role::nurse, kPassword, kT0, cheap);
    const Actor carl = add_user(store, admin, "carl", Role::clinician, kPassword, kT0, cheap);
    NewSession s;
    s.patient_id = create_patient(store, nurse, {"MRN-1", "Pat", "1980-01-01", "female", 70}, kT0);
    s.chair = "chair 1";
    s.planned_utc_ms = kT0;
    const RowId session = create_session(store, carl, s, kT0);
    raw_connection(store).exec(
        "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value) VALUES (" +
        std::to_string(session) + ", 'spo2', " + std::to_string(kT0) + ", 97), (" +
        std::to_string(session) + ", 'pulse_rate', " + std::to_string(kT0) + ", 70)");
  }
  auto store = Store::open(file, OpenMode::read_only);
  EXPECT_EQ(schema_version(raw_connection(store)), 4);
  const auto v = verify_audit_chain(store);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.legacy_rows, 2);
  EXPECT_EQ(v.seals, 0);
}

}  // namespace
}  // namespace vigil::db

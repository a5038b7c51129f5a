#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "db_test_support.hpp"
#include "vigil/db/schema.hpp"

using namespace vigil::db;
using namespace vigil::db::test;

namespace {
std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST(DbSchemaMigrations, FreshDatabaseHasTheProgramVersionAndEveryTable) {
  TempDir dir;
  auto store = Store::open(dir / "v.db", OpenMode::create_or_open);
  SQLite::Database& db = raw_connection(store);
  EXPECT_EQ(schema_version(db), program_schema_version());
  EXPECT_GE(program_schema_version(), 1);
  const auto has = [&](const char* type, const char* name) {
    SQLite::Statement q(db, "SELECT 1 FROM sqlite_schema WHERE type=? AND name=?");
    q.bind(1, type);
    q.bind(2, name);
    return q.executeStep();
  };
  for (const char* t :
       {"patients", "users", "sessions", "device_connections", "channels", "vitals", "waveforms",
        "alarm_events", "administrations", "observations", "checklists", "notes", "signatures",
        "addenda", "site_settings", "audit_log"}) {
    EXPECT_TRUE(has("table", t)) << t;
  }
  // Version 2: the version-1 vitals tables are views of the same shape.
  EXPECT_TRUE(has("view", "vitals_numeric"));
  EXPECT_TRUE(has("view", "waveform_blocks"));
  db.exec(
      "INSERT INTO patients (identifier, name, date_of_birth, sex) VALUES "
      "('x','x','2000-01-01','male')");
  db.exec(
      "INSERT INTO sessions (type, patient_id, chair, planned_utc_ms, phase) VALUES "
      "('dosing',1,'c',0,'planned')");
  // The recorder codes against these exact columns.
  db.exec(
      "INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, flags, device_id) VALUES "
      "(1,1,0,150456,NULL,0,1)");
  db.exec(
      "INSERT INTO waveforms (session_id, channel, start_utc_ms, sample_rate_hz, samples) "
      "VALUES (1,150452,1,75.0,x'0100')");
  // Hand-written SQL of version 1 still works through the views.
  db.exec(
      "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags, device_id) VALUES "
      "(1,'pulse_rate',1,61,0,1)");
  db.exec(
      "INSERT INTO waveform_blocks (session_id, channel, start_utc_ms, sample_rate_hz, samples) "
      "VALUES (1,'pleth',2,75.0,x'0200')");
  EXPECT_EQ(db.execAndGet("SELECT group_concat(channel || ':' || seq, ' ') FROM "
                          "(SELECT * FROM vitals ORDER BY seq)")
                .getString(),
            "150456:0 149530:1")
      << "a row of the same session and time takes the next seq";
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM waveform_blocks WHERE channel = 'pleth'").getInt(),
            2);
}

TEST(DbSchemaMigrations, HandInsertsThroughTheViewsCheckSessionAndChannel) {
  TempDir dir;
  auto store = Store::open(dir / "v.db", OpenMode::create_or_open);
  SQLite::Database& db = raw_connection(store);
  db.exec(
      "INSERT INTO patients (identifier, name, date_of_birth, sex) VALUES "
      "('x','x','2000-01-01','male')");
  db.exec(
      "INSERT INTO sessions (type, patient_id, chair, planned_utc_ms, phase) VALUES "
      "('dosing',1,'c',0,'planned')");
  const auto refusal = [&](const std::string& sql) {
    try {
      db.exec(sql);
    } catch (const SQLite::Exception& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value) VALUES "
                    "(7,'spo2',1,97)"),
            "vitals_numeric: no such session");
  EXPECT_EQ(refusal("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value) VALUES "
                    "(1,'spo3',1,97)"),
            "vitals_numeric: unknown channel");
  EXPECT_EQ(refusal("INSERT INTO waveform_blocks (session_id, channel, start_utc_ms, "
                    "sample_rate_hz, samples) VALUES (7,'pleth',1,75,x'00')"),
            "waveform_blocks: no such session");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM vitals").getInt() +
                db.execAndGet("SELECT count(*) FROM waveforms").getInt(),
            0);
}

TEST(DbSchemaMigrations, ReopeningKeepsDataAndVersion) {
  TempDir dir;
  {
    auto store = Store::open(dir / "v.db", OpenMode::create_or_open);
    create_first_admin(store, "admin", kPassword, kT0, PasswordCost::cheapest());
  }
  auto store = Store::open(dir / "v.db", OpenMode::open_existing);
  SQLite::Database& db = raw_connection(store);
  EXPECT_EQ(schema_version(db), program_schema_version());
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM users").getInt(), 1);
  EXPECT_TRUE(verify_audit_chain(store).ok);
}

TEST(DbSchemaMigrations, NewerDatabaseIsRefusedNamingBothVersionsAndLeftUntouched) {
  TempDir dir;
  const auto file = dir / "v.db";
  {
    auto store = Store::open(file, OpenMode::create_or_open);
    SQLite::Database& db = raw_connection(store);
    db.exec("PRAGMA user_version=" + std::to_string(program_schema_version() + 7));
    db.exec("PRAGMA journal_mode=DELETE");
  }
  const auto before = file_bytes(file);
  for (auto mode : {OpenMode::open_existing, OpenMode::create_or_open, OpenMode::read_only}) {
    try {
      open_database(file, mode);
      FAIL() << "a newer database was accepted";
    } catch (const DatabaseError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("schema version " + std::to_string(program_schema_version() + 7)),
                std::string::npos)
          << msg;
      EXPECT_NE(msg.find("schema version " + std::to_string(program_schema_version())),
                std::string::npos)
          << msg;
    }
  }
  EXPECT_EQ(file_bytes(file), before);
}

TEST(DbSchemaMigrations, ForeignSqliteFileIsRefusedAndUntouched) {
  TempDir dir;
  const auto file = dir / "other.db";
  {
    SQLite::Database foreign(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    foreign.exec("CREATE TABLE t(x)");
  }
  const auto before = file_bytes(file);
  EXPECT_THROW(open_database(file, OpenMode::create_or_open), DatabaseError);
  EXPECT_EQ(file_bytes(file), before);
}

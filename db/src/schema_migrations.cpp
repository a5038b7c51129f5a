// Schema migrations. Migration N brings user_version from N-1 to N; a released migration is
// never edited, a change is a new migration appended to kMigrations.
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <string>

#include "vigil/db/schema.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {
namespace {

// Version 1: the whole issue-5 schema. Times are UTC ms since the epoch (*_utc_ms).
constexpr const char* kMigration1 = R"sql(
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  identifier TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,          -- YYYY-MM-DD
  sex TEXT NOT NULL,                    -- female | male | other | unknown
  weight_kg REAL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('nurse','clinician','auditor','admin')),
  password_hash TEXT NOT NULL,          -- argon2id, libsodium crypto_pwhash_str format
  active INTEGER NOT NULL DEFAULT 1,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until_utc_ms INTEGER
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('dosing','integration')),
  linked_session_id INTEGER REFERENCES sessions(id),
  patient_id INTEGER NOT NULL REFERENCES patients(id),
  clinician_id INTEGER REFERENCES users(id),
  nurse_id INTEGER REFERENCES users(id),
  chair TEXT NOT NULL,
  planned_utc_ms INTEGER NOT NULL,
  started_utc_ms INTEGER,
  ended_utc_ms INTEGER,
  phase TEXT NOT NULL,
  planned_dose_mg REAL,
  ended_early_reason TEXT,
  alarm_profile TEXT                    -- the profile in force, as TOML text
);
CREATE TABLE device_connections (
  id INTEGER PRIMARY KEY,
  session_id INTEGER REFERENCES sessions(id),
  family TEXT NOT NULL,
  port TEXT NOT NULL,
  identity TEXT NOT NULL,
  connected_utc_ms INTEGER NOT NULL,
  disconnected_utc_ms INTEGER
);
CREATE TABLE vitals_numeric (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  channel TEXT NOT NULL,
  t_utc_ms INTEGER NOT NULL,
  value REAL,                           -- NULL = absent (a gap stays a gap)
  flags INTEGER NOT NULL DEFAULT 0,
  device_id INTEGER
);
CREATE INDEX vitals_numeric_by_session_time ON vitals_numeric(session_id, t_utc_ms);
CREATE TABLE waveform_blocks (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  channel TEXT NOT NULL,
  start_utc_ms INTEGER NOT NULL,
  sample_rate_hz REAL NOT NULL,
  samples BLOB NOT NULL                 -- int16 little-endian
);
CREATE INDEX waveform_blocks_by_session_time ON waveform_blocks(session_id, channel, start_utc_ms);
CREATE TABLE alarm_events (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  condition TEXT NOT NULL,
  priority TEXT NOT NULL,
  start_utc_ms INTEGER NOT NULL,
  end_utc_ms INTEGER,
  limit_in_force TEXT,
  triggering_value REAL,
  acknowledged_by INTEGER REFERENCES users(id),
  acknowledged_utc_ms INTEGER,
  audio_paused_by INTEGER REFERENCES users(id),
  audio_paused_utc_ms INTEGER
);
CREATE TABLE administrations (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  drug TEXT NOT NULL,
  form_strength TEXT NOT NULL,
  route TEXT NOT NULL,
  dose_mg REAL NOT NULL,
  dose_mg_per_kg REAL,
  lot TEXT NOT NULL,
  administered_by INTEGER NOT NULL REFERENCES users(id),
  witness_id INTEGER REFERENCES users(id),
  start_utc_ms INTEGER NOT NULL,
  end_utc_ms INTEGER,
  device_count INTEGER,
  waste_mg REAL,
  waste_method TEXT,
  waste_witness_id INTEGER REFERENCES users(id),
  dose_decision TEXT NOT NULL,
  override_by INTEGER REFERENCES users(id),
  override_reason TEXT,
  violations TEXT                       -- JSON array of broken dose rules
);
CREATE TABLE observations (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  kind TEXT NOT NULL,                   -- bp | moaas | cadss | rass | aldrete | phq9 | gad7 | adverse_event
  t_utc_ms INTEGER NOT NULL,
  phase TEXT NOT NULL,                  -- the session phase when recorded
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  systolic_mmhg REAL,
  diastolic_mmhg REAL,
  mean_mmhg REAL,
  bp_source TEXT,                       -- device | manual
  items TEXT,                           -- JSON array of item answers (scales)
  total INTEGER,
  ae_type TEXT,
  ae_severity TEXT,
  ae_onset_utc_ms INTEGER,
  ae_action TEXT
);
CREATE TABLE checklists (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  kind TEXT NOT NULL CHECK (kind IN ('pre_dose','discharge')),
  items TEXT NOT NULL,                  -- JSON object item -> done
  complete INTEGER NOT NULL,
  completed_by INTEGER NOT NULL REFERENCES users(id),
  t_utc_ms INTEGER NOT NULL
);
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  type TEXT NOT NULL CHECK (type IN ('preparation','dosing','integration')),
  body TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('draft','signed')),
  created_utc_ms INTEGER NOT NULL,
  updated_utc_ms INTEGER NOT NULL
);
CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id),
  signer_id INTEGER NOT NULL REFERENCES users(id),
  printed_name TEXT NOT NULL,
  meaning TEXT NOT NULL CHECK (meaning IN ('authored','reviewed','approved')),
  t_utc_ms INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL          -- hex SHA-256 of the note body as signed
);
CREATE TABLE addenda (
  id INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  t_utc_ms INTEGER NOT NULL,
  reason TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE site_settings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  t_utc_ms INTEGER NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  old_value TEXT,
  new_value TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
CREATE TRIGGER notes_signed_no_update BEFORE UPDATE OF body, status, type, session_id, author_id
  ON notes WHEN OLD.status = 'signed'
  BEGIN SELECT RAISE(ABORT, 'note is signed: change it only by addendum'); END;
CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes WHEN OLD.status = 'signed'
  BEGIN SELECT RAISE(ABORT, 'note is signed: DELETE refused'); END;
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
  BEGIN SELECT RAISE(ABORT, 'signatures are permanent: UPDATE refused'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
  BEGIN SELECT RAISE(ABORT, 'signatures are permanent: DELETE refused'); END;
CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
  BEGIN SELECT RAISE(ABORT, 'addenda are permanent: UPDATE refused'); END;
CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
  BEGIN SELECT RAISE(ABORT, 'addenda are permanent: DELETE refused'); END;
)sql";

// Version 2 (recorder >= 500k rows/s): vitals store the channel as an integer code
// (channels table; db/include/vigil/db/channel_code.hpp) and carry no per-row foreign key (the
// recorder checks each session once; the views' insert triggers check it for rows inserted by
// hand). Numeric vitals are clustered by (session, time): no second index to maintain per row,
// and a session's rows are read in time order from the primary key. vitals_numeric and
// waveform_blocks become views of the version-1 shape, so hand-written SQL keeps working.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE channels (
  code INTEGER PRIMARY KEY,             -- stable forever; see docs/database.md "Channel codes"
  name TEXT NOT NULL UNIQUE
);
INSERT INTO channels (code, name) VALUES
  (150456, 'spo2'), (149530, 'pulse_rate'), (150452, 'pleth'), (150448, 'perfusion_index'),
  (1, 'spco'), (2, 'spmet'), (3, 'pvi'), (150021, 'nibp_systolic'), (150022, 'nibp_diastolic'),
  (150023, 'nibp_mean'), (149546, 'nibp_pulse_rate'), (150300, 'cuff_pressure');
-- Channel names an older file holds that this version does not know keep their rows, under
-- codes 1000 and up that are local to this file.
INSERT INTO channels (code, name)
  SELECT 999 + row_number() OVER (ORDER BY name), name
  FROM (SELECT channel AS name FROM vitals_numeric UNION SELECT channel FROM waveform_blocks)
  WHERE name NOT IN (SELECT name FROM channels);

CREATE TABLE vitals (
  session_id INTEGER NOT NULL,          -- sessions.id, checked by the writer (no per-row FK)
  t_utc_ms INTEGER NOT NULL,
  seq INTEGER NOT NULL,                 -- 0, 1, 2... among rows of the same session and time
  channel INTEGER NOT NULL,             -- channels.code
  value REAL,                           -- NULL = absent (a gap stays a gap)
  flags INTEGER NOT NULL DEFAULT 0,
  device_id INTEGER,
  PRIMARY KEY (session_id, t_utc_ms, seq)
) WITHOUT ROWID;
INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, flags, device_id)
  SELECT v.session_id, v.t_utc_ms,
         row_number() OVER (PARTITION BY v.session_id, v.t_utc_ms ORDER BY v.rowid) - 1,
         c.code, v.value, v.flags, v.device_id
  FROM vitals_numeric v JOIN channels c ON c.name = v.channel;

CREATE TABLE waveforms (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL,          -- sessions.id, checked by the writer (no per-row FK)
  channel INTEGER NOT NULL,             -- channels.code
  start_utc_ms INTEGER NOT NULL,
  sample_rate_hz REAL NOT NULL,
  samples BLOB NOT NULL                 -- int16 little-endian
);
INSERT INTO waveforms (id, session_id, channel, start_utc_ms, sample_rate_hz, samples)
  SELECT w.rowid, w.session_id, c.code, w.start_utc_ms, w.sample_rate_hz, w.samples
  FROM waveform_blocks w JOIN channels c ON c.name = w.channel;
CREATE INDEX waveforms_by_session_time ON waveforms(session_id, channel, start_utc_ms);

DROP TABLE vitals_numeric;
DROP TABLE waveform_blocks;

CREATE VIEW vitals_numeric AS
  SELECT v.session_id, c.name AS channel, v.t_utc_ms, v.value, v.flags, v.device_id
  FROM vitals v JOIN channels c ON c.code = v.channel;
CREATE TRIGGER vitals_numeric_insert INSTEAD OF INSERT ON vitals_numeric BEGIN
  SELECT RAISE(ABORT, 'vitals_numeric: no such session')
    WHERE NOT EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id);
  SELECT RAISE(ABORT, 'vitals_numeric: unknown channel')
    WHERE NOT EXISTS (SELECT 1 FROM channels WHERE name = NEW.channel);
  INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, flags, device_id) VALUES (
    NEW.session_id, NEW.t_utc_ms,
    (SELECT coalesce(max(seq) + 1, 0) FROM vitals
      WHERE session_id = NEW.session_id AND t_utc_ms = NEW.t_utc_ms),
    (SELECT code FROM channels WHERE name = NEW.channel),
    NEW.value, coalesce(NEW.flags, 0), NEW.device_id);
END;
CREATE VIEW waveform_blocks AS
  SELECT w.session_id, c.name AS channel, w.start_utc_ms, w.sample_rate_hz, w.samples
  FROM waveforms w JOIN channels c ON c.code = w.channel;
CREATE TRIGGER waveform_blocks_insert INSTEAD OF INSERT ON waveform_blocks BEGIN
  SELECT RAISE(ABORT, 'waveform_blocks: no such session')
    WHERE NOT EXISTS (SELECT 1 FROM sessions WHERE id = NEW.session_id);
  SELECT RAISE(ABORT, 'waveform_blocks: unknown channel')
    WHERE NOT EXISTS (SELECT 1 FROM channels WHERE name = NEW.channel);
  INSERT INTO waveforms (session_id, channel, start_utc_ms, sample_rate_hz, samples) VALUES (
    NEW.session_id, (SELECT code FROM channels WHERE name = NEW.channel), NEW.start_utc_ms,
    NEW.sample_rate_hz, NEW.samples);
END;
)sql";

// Migration 3: the planned treatment of a session (a core::DoseRoute name), chosen when a
// clinician plans it; NULL for sessions planned before.
constexpr const char* kMigration3 = R"sql(
ALTER TABLE sessions ADD COLUMN planned_route TEXT
  CHECK (planned_route IS NULL OR
         planned_route IN ('iv','im','sublingual','oral','esketamine_nasal'));
)sql";

// Migration 4: the end of the session. A serious adverse event is marked for the REMS form; an
// integration session has a visit mode; a clinician's acknowledgement of a PHQ-9 self-harm
// answer; "ready to leave" with the REMS answers and the total monitoring minutes; follow-up
// contacts with their outcome scales.
constexpr const char* kMigration4 = R"sql(
ALTER TABLE observations ADD COLUMN ae_serious INTEGER
  CHECK (ae_serious IS NULL OR ae_serious IN (0, 1));
ALTER TABLE sessions ADD COLUMN visit_mode TEXT
  CHECK (visit_mode IS NULL OR visit_mode IN ('in_person','video'));
CREATE TABLE safety_reviews (
  id INTEGER PRIMARY KEY,
  observation_id INTEGER NOT NULL UNIQUE REFERENCES observations(id),
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  reviewed_by INTEGER NOT NULL REFERENCES users(id),
  t_utc_ms INTEGER NOT NULL,
  action TEXT NOT NULL                  -- what the clinician did
);
CREATE TABLE discharges (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  t_utc_ms INTEGER NOT NULL,
  monitoring_minutes INTEGER NOT NULL,  -- first dose to ready to leave
  answers TEXT NOT NULL                 -- JSON object: the REMS answers (discharge_store.hpp)
);
CREATE TABLE follow_ups (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  interval TEXT NOT NULL CHECK (interval IN ('24h','72h','1w','2w','1m','3m')),
  t_utc_ms INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  contact TEXT NOT NULL CHECK (contact IN ('phone','video','in_person')),
  note TEXT NOT NULL,
  scales TEXT NOT NULL,                 -- JSON array of {"scale","items","total"}
  UNIQUE (session_id, interval)
);
)sql";

// Migration 5: seals over the vitals (docs/database.md "Vitals seals"). Each recorder batch
// gets one seal per session, chained to the session's previous seal; every vitals row and
// waveform block names its seal. Rows recorded before version 5 get seal 0. Vitals and seals
// are permanent: UPDATE and DELETE are refused.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE vitals_seals (
  session_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,                 -- 1, 2, 3... within the session
  first_utc_ms INTEGER NOT NULL,        -- earliest row time (or block start) it covers
  last_utc_ms INTEGER NOT NULL,         -- latest
  rows INTEGER NOT NULL,                -- numeric rows it covers
  blocks INTEGER NOT NULL,              -- waveform blocks it covers
  channels BLOB NOT NULL,               -- per channel: kind, code, count, digest start
  prev_digest BLOB NOT NULL,            -- the previous seal's digest (32 zero bytes for seq 1)
  digest BLOB NOT NULL,                 -- BLAKE2b-256 of the seal (docs/database.md)
  PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
ALTER TABLE vitals ADD COLUMN seal INTEGER;      -- vitals_seals.seq of the row's session
ALTER TABLE waveforms ADD COLUMN seal INTEGER;
-- Rows recorded before version 5: seal 0, "recorded before seals" (NULL is a row written
-- outside the recorder).
UPDATE vitals SET seal = 0;
UPDATE waveforms SET seal = 0;
CREATE TRIGGER vitals_no_update BEFORE UPDATE ON vitals
  BEGIN SELECT RAISE(ABORT, 'vitals are permanent: UPDATE refused'); END;
CREATE TRIGGER vitals_no_delete BEFORE DELETE ON vitals
  BEGIN SELECT RAISE(ABORT, 'vitals are permanent: DELETE refused'); END;
CREATE TRIGGER waveforms_no_update BEFORE UPDATE ON waveforms
  BEGIN SELECT RAISE(ABORT, 'waveforms are permanent: UPDATE refused'); END;
CREATE TRIGGER waveforms_no_delete BEFORE DELETE ON waveforms
  BEGIN SELECT RAISE(ABORT, 'waveforms are permanent: DELETE refused'); END;
CREATE TRIGGER vitals_seals_no_update BEFORE UPDATE ON vitals_seals
  BEGIN SELECT RAISE(ABORT, 'vitals_seals are permanent: UPDATE refused'); END;
CREATE TRIGGER vitals_seals_no_delete BEFORE DELETE ON vitals_seals
  BEGIN SELECT RAISE(ABORT, 'vitals_seals are permanent: DELETE refused'); END;
)sql";

// Migration 6: the audit log found without reading it all. A session's phase history and a
// report's phases read the entries of one record (entity, entity_id); the auditor filters by
// user, action, entity, time and session (the session's id inside the entry's old or new value,
// the same expression audit_review.cpp queries). A log of five years (millions of entries) then
// shows its first page at once.
constexpr const char* kMigration6 = R"sql(
CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id, seq);
CREATE INDEX audit_log_by_actor ON audit_log(actor_name, seq);
CREATE INDEX audit_log_by_action ON audit_log(action, seq);
CREATE INDEX audit_log_by_time ON audit_log(t_utc_ms);
CREATE INDEX audit_log_by_new_session ON audit_log(
  CASE WHEN json_valid(new_value) THEN json_extract(new_value, '$.session_id') END);
CREATE INDEX audit_log_by_old_session ON audit_log(
  CASE WHEN json_valid(old_value) THEN json_extract(old_value, '$.session_id') END);
)sql";

constexpr std::array<const char*, 6> kMigrations{kMigration1, kMigration2, kMigration3,
                                                 kMigration4, kMigration5, kMigration6};

}  // namespace

int program_schema_version() { return static_cast<int>(kMigrations.size()); }

int schema_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void check_schema_not_newer(SQLite::Database& db, const std::string& file) {
  const int found = schema_version(db);
  if (found > program_schema_version()) {
    throw DatabaseError("database " + file + ": schema version " + std::to_string(found) +
                        " is newer than this program's schema version " +
                        std::to_string(program_schema_version()) + "; use a newer Vigil");
  }
}

void apply_migrations(SQLite::Database& db, const std::string& file, int up_to_version) {
  check_schema_not_newer(db, file);
  const int target = std::min(up_to_version, program_schema_version());
  for (int v = schema_version(db); v < target; ++v) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version=" + std::to_string(v + 1));
    tx.commit();
  }
}

}  // namespace vigil::db

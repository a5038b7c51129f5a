// The vitals seals: a session recorded through the Recorder verifies, and each way of changing
// its vitals behind Vigil's back (triggers dropped, raw SQL) is caught by verify_audit_chain,
// which names the session, the seal with its time range and the channel.
#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "db_test_support.hpp"
#include "vigil/db/channel_code.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::db {
namespace {

constexpr int kSeconds = 10;        // recorded: one row per channel and one pleth block a second
constexpr int kSecondsPerSeal = 2;  // flushed every 2 s of data: 5 seals
constexpr core::Channel kChannels[] = {core::Channel::spo2, core::Channel::pulse_rate,
                                       core::Channel::perfusion_index};

UtcMs at_second(int s) { return test::kT0 + 60'000 + UtcMs{s} * 1000; }

struct RecordedSession {
  test::StoreFixture f;
  RowId session = f.planned_session();
  std::string id = std::to_string(session);

  explicit RecordedSession(RecorderOptions o = {}) {
    Recorder rec(Store::open(f.file, OpenMode::open_existing), std::move(o));
    std::vector<std::int16_t> pleth(75);
    for (int s = 0; s < kSeconds; ++s) {
      for (std::size_t c = 0; c < std::size(kChannels); ++c) {
        core::Reading r;
        r.channel = kChannels[c];
        r.value = 90 + s + static_cast<int>(c);  // every row differs from the others
        r.device = 1;
        r.utc_time = core::UtcTime(std::chrono::milliseconds(at_second(s)));
        EXPECT_TRUE(rec.record_reading(session, r));
      }
      for (std::size_t i = 0; i < pleth.size(); ++i) {
        pleth[i] = static_cast<std::int16_t>(1000 + s * 10 + static_cast<int>(i));
      }
      EXPECT_TRUE(
          rec.record_waveform_block(session, core::Channel::pleth, at_second(s), 75, pleth));
      if ((s + 1) % kSecondsPerSeal == 0) rec.flush();
    }
    rec.stop();
    f.db.exec(
        "DROP TRIGGER vitals_no_update; DROP TRIGGER vitals_no_delete; "
        "DROP TRIGGER waveforms_no_update; DROP TRIGGER waveforms_no_delete; "
        "DROP TRIGGER vitals_seals_no_update; DROP TRIGGER vitals_seals_no_delete;");
  }

  std::string code(core::Channel c) const { return std::to_string(channel_code(c)); }
  std::string problem() {
    const auto v = verify_audit_chain(f.store);
    EXPECT_FALSE(v.ok);
    return v.problem;
  }
  std::int64_t anchors() {
    return f.db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'vitals_sealed'")
        .getInt64();
  }
};

// "seal 2 (... 00:01:02.000 to ...)": the seal holding seconds 2 and 3.
std::string seal_two() { return "vitals of session 1, seal 2 (2026-09-21 14:14:22.000 to"; }

TEST(DbVitalsSeal, ARecordedSessionVerifiesWithEverySealCounted) {
  RecordedSession r;
  const auto v = verify_audit_chain(r.f.store);
  ASSERT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.seals, kSeconds / kSecondsPerSeal);
  EXPECT_EQ(v.sealed_rows, kSeconds * 3);
  EXPECT_EQ(v.sealed_blocks, kSeconds);
  EXPECT_EQ(v.unsealed_rows, 0);
  // Anchored when recording of the session started and when it stopped.
  EXPECT_EQ(r.anchors(), 2);
  EXPECT_EQ(r.f.db.execAndGet("SELECT count(*) FROM vitals WHERE seal IS NULL").getInt64(), 0);
}

TEST(DbVitalsSeal, VitalsAndSealsArePermanentWhileTheTriggersStand) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  {
    Recorder rec(Store::open(f.file, OpenMode::open_existing));
    core::Reading r;
    r.value = 97;
    r.utc_time = core::UtcTime(std::chrono::milliseconds(test::kT0));
    rec.record_reading(session, r);
  }
  for (const char* sql : {"UPDATE vitals SET value = 99", "DELETE FROM vitals",
                          "UPDATE vitals_seals SET rows = 0", "DELETE FROM vitals_seals"}) {
    EXPECT_THROW(f.db.exec(sql), SQLite::Exception) << sql;
  }
}

TEST(DbVitalsSeal, AnEditedValueIsNamed) {
  RecordedSession r;
  r.f.db.exec("UPDATE vitals SET value = 99 WHERE channel = " + r.code(core::Channel::spo2) +
              " AND t_utc_ms = " + std::to_string(at_second(3)));
  const auto p = r.problem();
  EXPECT_NE(p.find(seal_two()), std::string::npos) << p;
  EXPECT_NE(p.find("spo2: the rows differ from the sealed ones"), std::string::npos) << p;
}

TEST(DbVitalsSeal, ADeletedRowIsNamed) {
  RecordedSession r;
  r.f.db.exec("DELETE FROM vitals WHERE channel = " + r.code(core::Channel::pulse_rate) +
              " AND t_utc_ms = " + std::to_string(at_second(2)));
  const auto p = r.problem();
  EXPECT_NE(p.find(seal_two()), std::string::npos) << p;
  EXPECT_NE(p.find("pulse_rate: 1 row where the seal has 2 (rows deleted)"), std::string::npos)
      << p;
}

TEST(DbVitalsSeal, AnInsertedRowIsNamedWhateverSealItClaims) {
  {
    RecordedSession r;
    r.f.db.exec("INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, seal) VALUES (" +
                r.id + "," + std::to_string(at_second(2) + 500) + ",0," +
                r.code(core::Channel::spo2) + ",85,2)");
    const auto p = r.problem();
    EXPECT_NE(p.find(seal_two()), std::string::npos) << p;
    EXPECT_NE(p.find("spo2: 3 rows where the seal has 2 (rows inserted)"), std::string::npos) << p;
  }
  {
    RecordedSession r;  // no seal at all
    r.f.db.exec("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value) VALUES (" +
                r.id + ",'spo2'," + std::to_string(at_second(4) + 500) + ",85)");
    const auto p = r.problem();
    EXPECT_NE(p.find("vitals of session 1, spo2: 1 row from 2026-09-21 14:14:24.500 to "
                     "2026-09-21 14:14:24.500 UTC have no seal (inserted outside the recorder)"),
              std::string::npos)
        << p;
  }
}

TEST(DbVitalsSeal, TwoRowsWithTheirTimesSwappedAreNamed) {
  RecordedSession r;
  const std::string spo2 = " WHERE channel = " + r.code(core::Channel::spo2) + " AND t_utc_ms = ";
  const std::string t2 = std::to_string(at_second(2)), t3 = std::to_string(at_second(3));
  r.f.db.exec("UPDATE vitals SET t_utc_ms = -1" + spo2 + t2 + "; UPDATE vitals SET t_utc_ms = " +
              t2 + spo2 + t3 + "; UPDATE vitals SET t_utc_ms = " + t3 + spo2 + "-1");
  const auto p = r.problem();
  EXPECT_NE(p.find(seal_two()), std::string::npos) << p;
  EXPECT_NE(p.find("spo2: the rows differ"), std::string::npos) << p;
}

TEST(DbVitalsSeal, APlethSampleChangedInsideABlockIsNamed) {
  RecordedSession r;
  SQLite::Statement q(r.f.db, "SELECT id, samples FROM waveforms WHERE start_utc_ms = ?");
  q.bind(1, at_second(5));
  ASSERT_TRUE(q.executeStep());
  const auto id = q.getColumn(0).getInt64();
  const auto* p0 = static_cast<const unsigned char*>(q.getColumn(1).getBlob());
  std::vector<unsigned char> samples(p0, p0 + q.getColumn(1).getBytes());
  q.reset();
  samples[40] ^= 0x01;  // one sample, one bit
  SQLite::Statement u(r.f.db, "UPDATE waveforms SET samples = ? WHERE id = ?");
  u.bind(1, samples.data(), static_cast<int>(samples.size()));
  u.bind(2, id);
  u.exec();
  const auto p = r.problem();
  EXPECT_NE(p.find("vitals of session 1, seal 3 (2026-09-21 14:14:24.000 to"), std::string::npos)
      << p;
  EXPECT_NE(p.find("pleth waveform: the rows differ"), std::string::npos) << p;
}

TEST(DbVitalsSeal, ADeletedSealIsNamed) {
  RecordedSession r;
  r.f.db.exec("DELETE FROM vitals_seals WHERE seq = 3");
  EXPECT_NE(r.problem().find("vitals of session 1: seal 3 is missing (seal 4 follows seal 2)"),
            std::string::npos);
}

TEST(DbVitalsSeal, AChangedSealDigestIsNamed) {
  RecordedSession r;
  r.f.db.exec("UPDATE vitals_seals SET digest = zeroblob(32) WHERE seq = 2");
  const auto p = r.problem();
  EXPECT_NE(p.find(seal_two()), std::string::npos) << p;
  EXPECT_NE(p.find("its digest does not match its content (the seal was altered)"),
            std::string::npos)
      << p;
}

TEST(DbVitalsSeal, TruncatedLastSealsAreCaughtByTheAnchor) {
  RecordedSession r;
  // The last two seals and every row they covered: the rows left match their seals, but the
  // audit chain anchored seal 5 when recording stopped.
  r.f.db.exec(
      "DELETE FROM vitals WHERE seal > 3; DELETE FROM waveforms WHERE seal > 3; "
      "DELETE FROM vitals_seals WHERE seq > 3");
  const auto v = verify_audit_chain(r.f.store);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.problem.find("vitals of session 1: the seals end at seal 3 but audit entry"),
            std::string::npos)
      << v.problem;
  EXPECT_NE(v.problem.find("anchored seal 5 (seals truncated)"), std::string::npos) << v.problem;
  EXPECT_TRUE(v.first_broken_seq.has_value());
}

TEST(DbVitalsSeal, TruncatedSealsWithTheirRowsLeftAreNamedByTheRows) {
  RecordedSession r;
  r.f.db.exec("DELETE FROM vitals_seals WHERE seq > 3");
  EXPECT_NE(r.problem().find("name seal 4, which does not exist (the seals end at seal 3"),
            std::string::npos);
}

TEST(DbVitalsSeal, AWhileItRecordsTheNewestSealIsAnchoredEveryInterval) {
  RecorderOptions o;
  o.seal_anchor_interval = std::chrono::milliseconds(0);  // every seal
  RecordedSession r(o);
  EXPECT_EQ(r.anchors(), kSeconds / kSecondsPerSeal);
  EXPECT_TRUE(verify_audit_chain(r.f.store).ok);
}

TEST(DbVitalsSeal, ASessionThatStopsSealingIsAnchoredWhileTheRecorderRuns) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  RecorderOptions o;
  o.seal_anchor_idle = std::chrono::milliseconds(50);
  Recorder rec(Store::open(f.file, OpenMode::open_existing), o);
  const auto anchored = [&] {
    return f.db
        .execAndGet(
            "SELECT coalesce(max(json_extract(new_value, '$.seal')), 0) FROM audit_log "
            "WHERE action = 'vitals_sealed'")
        .getInt64();
  };
  for (int s = 0; s < 3; ++s) {
    core::Reading r;
    r.value = 97;
    r.utc_time = core::UtcTime(std::chrono::milliseconds(at_second(s)));
    rec.record_reading(session, r);
    rec.flush();
    if (s == 0) {
      EXPECT_EQ(anchored(), 1);  // when recording started
    }
  }
  // The devices fall silent (or the session ends): its last seal is anchored without a stop.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (anchored() < 3 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(anchored(), 3);
  rec.stop();
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbVitalsSeal, TwoRecordersOnOneSessionExtendOneChain) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  Recorder a(Store::open(f.file, OpenMode::open_existing));
  Recorder b(Store::open(f.file, OpenMode::open_existing));
  for (int s = 0; s < 6; ++s) {  // a station and a second writer take turns on the session
    Recorder& rec = s % 2 == 0 ? a : b;
    core::Reading r;
    r.value = 90 + s;
    r.utc_time = core::UtcTime(std::chrono::milliseconds(at_second(s)));
    ASSERT_TRUE(rec.record_reading(session, r));
    rec.flush();
  }
  a.stop();
  b.stop();
  EXPECT_EQ(a.counters().failed_batches + b.counters().failed_batches, 0u);
  const auto v = verify_audit_chain(f.store);
  ASSERT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.seals, 6);
  EXPECT_EQ(v.sealed_rows, 6);
}

TEST(DbVitalsSeal, SealsCopiedFromAnotherFileAreNotAnchoredHere) {
  RecordedSession source;
  test::StoreFixture f;  // a second station's file, with a session of the same id
  const RowId session = f.planned_session();
  ASSERT_EQ(session, source.session);
  f.db.exec("ATTACH DATABASE '" + source.f.file.string() +
            "' AS src; INSERT INTO vitals SELECT * FROM src.vitals; INSERT INTO waveforms "
            "SELECT * FROM src.waveforms; INSERT INTO vitals_seals SELECT * FROM src.vitals_seals; "
            "DETACH DATABASE src");
  const auto v = verify_audit_chain(f.store);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.problem,
            "vitals of session 1: its 5 seals are not anchored in the audit chain (written outside "
            "the recorder)");
}

TEST(DbVitalsSeal, ValuesSQLiteStoresOtherwiseAreSealedAsStored) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  {
    Recorder rec(Store::open(f.file, OpenMode::open_existing));
    int s = 0;
    for (const double value : {std::nan(""), -0.0, 97.0}) {  // NaN is stored NULL, -0.0 as 0.0
      core::Reading r;
      r.value = value;
      r.utc_time = core::UtcTime(std::chrono::milliseconds(at_second(s++)));
      ASSERT_TRUE(rec.record_reading(session, r));
    }
    const std::vector<std::int16_t> pleth(75, 1);
    rec.record_waveform_block(session, core::Channel::pleth, at_second(5), -0.0, pleth);
  }
  const auto v = verify_audit_chain(f.store);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.sealed_rows, 3);
  EXPECT_EQ(f.db.execAndGet("SELECT count(*) FROM vitals WHERE value IS NULL").getInt64(), 1);
}

TEST(DbVitalsSeal, RowsWithoutASealInASessionNeverSealedAreCountedNotRefused) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  test::record_discharge_facts(f, session, test::kT0);  // two rows through the view, no seal
  const auto v = verify_audit_chain(f.store);
  ASSERT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.unsealed_rows, 2);
  EXPECT_EQ(v.seals, 0);
}

}  // namespace
}  // namespace vigil::db

// The recorder: vitals batched and committed within a second, a producer that never blocks
// (drops counted, recording_behind raised and cleared), clinical tasks that commit before they
// return, propagate their errors and are never dropped, and a shutdown that flushes.

#include "vigil/db/recorder.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "db_test_support.hpp"

namespace vigil::db {
namespace {

using namespace std::chrono_literals;
using test::StoreFixture;

core::Reading reading(core::Channel ch, UtcMs t, std::optional<double> value) {
  core::Reading r;
  r.channel = ch;
  r.value = value;
  r.device = 3;
  r.flags.set(core::ReadingFlag::artifact, !value);
  r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
  return r;
}

struct ConditionLog {
  std::mutex mu;
  std::vector<bool> events;  // active flags in arrival order
  void operator()(const core::DeviceCondition& c) {
    ASSERT_EQ(c.kind, core::DeviceConditionKind::recording_behind);
    std::lock_guard lock(mu);
    events.push_back(c.active);
  }
  std::vector<bool> snapshot() {
    std::lock_guard lock(mu);
    return events;
  }
};

class RecorderTest : public ::testing::Test {
 protected:
  StoreFixture fx;
  RowId session = fx.planned_session();

  Recorder make(RecorderOptions o = {}) {
    return Recorder(Store::open(fx.file, OpenMode::open_existing), std::move(o));
  }
  std::int64_t count(const char* table) {
    return fx.db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
  }
};

TEST_F(RecorderTest, CommitsVitalsWithinOneSecond) {
  auto rec = std::make_unique<Recorder>(Store::open(fx.file, OpenMode::open_existing));
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(rec->record_reading(session, reading(core::Channel::spo2, test::kT0 + i, 97 + i)));
  }
  ASSERT_TRUE(rec->record_reading(session, reading(core::Channel::pulse_rate, test::kT0, {})));
  const std::vector<std::int16_t> samples{1, -2, 300, -32768, 32767};
  ASSERT_TRUE(rec->record_waveform_block(session, core::Channel::pleth, test::kT0, 75.0, samples));

  // Polled from a second connection: visible only once committed.
  while (count("vitals_numeric") < 6 || count("waveform_blocks") < 1) {
    ASSERT_LT(std::chrono::steady_clock::now() - start, 1200ms) << "vitals not committed in time";
    std::this_thread::sleep_for(20ms);
  }
  SQLite::Statement absent(fx.db,
                           "SELECT value IS NULL, flags, device_id FROM vitals_numeric "
                           "WHERE channel = 'pulse_rate'");
  ASSERT_TRUE(absent.executeStep());
  EXPECT_EQ(absent.getColumn(0).getInt(), 1);  // a gap stays a gap
  EXPECT_NE(absent.getColumn(1).getInt(), 0);
  EXPECT_EQ(absent.getColumn(2).getInt(), 3);
  SQLite::Statement block(fx.db, "SELECT samples, sample_rate_hz, channel FROM waveform_blocks");
  ASSERT_TRUE(block.executeStep());
  const auto blob = block.getColumn(0);
  ASSERT_EQ(blob.getBytes(), 10);
  const auto* b = static_cast<const unsigned char*>(blob.getBlob());
  EXPECT_EQ(b[0], 1);  // little-endian
  EXPECT_EQ(b[2], 0xfe);
  EXPECT_EQ(b[3], 0xff);
  EXPECT_EQ(b[6], 0x00);
  EXPECT_EQ(b[7], 0x80);
  EXPECT_EQ(block.getColumn(1).getDouble(), 75.0);
  EXPECT_EQ(block.getColumn(2).getString(), "pleth");

  const auto c = rec->counters();
  EXPECT_EQ(c.rows_written, 6u);
  EXPECT_EQ(c.blocks_written, 1u);
  EXPECT_GE(c.batches, 1u);
  EXPECT_GE(c.max_queue_depth, 1u);
  EXPECT_EQ(c.dropped_vitals, 0u);
}

TEST_F(RecorderTest, NeverBlocksWhenFullAndReportsRecordingBehind) {
  ConditionLog log;
  RecorderOptions o;
  o.reading_capacity = 8;
  o.on_condition = [&log](const core::DeviceCondition& c) { log(c); };
  Recorder rec = make(std::move(o));

  // Hold the writer in a long clinical task.
  std::promise<void> release;
  std::atomic<bool> in_task{false};
  std::thread clinical([&] {
    rec.run_clinical([&](db::Store&) {
      in_task = true;
      release.get_future().wait();
    });
  });
  while (!in_task) std::this_thread::sleep_for(1ms);

  int accepted = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; ++i) {
    accepted +=
        rec.record_reading(session, reading(core::Channel::spo2, test::kT0 + i, 95)) ? 1 : 0;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 50ms);  // never waited for the writer
  EXPECT_EQ(accepted, 8);
  EXPECT_EQ(rec.counters().dropped_vitals, 92u);
  EXPECT_EQ(rec.counters().max_queue_depth, 8u);
  EXPECT_EQ(log.snapshot(), std::vector<bool>{true});  // reported once

  release.set_value();
  clinical.join();
  rec.flush();
  const auto wait_start = std::chrono::steady_clock::now();
  while (log.snapshot().size() < 2 && std::chrono::steady_clock::now() - wait_start < 1s) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(log.snapshot(), (std::vector<bool>{true, false}));  // cleared once drained
  EXPECT_EQ(count("vitals_numeric"), 8);

  // Flowing again: a later overflow is reported again.
  EXPECT_TRUE(rec.record_reading(session, reading(core::Channel::spo2, test::kT0 + 200, 95)));
}

TEST_F(RecorderTest, ClinicalResultsAndExceptionsPropagate) {
  Recorder rec = make();
  const BpObservation bp{session, fx.now, 120, 80, std::nullopt, core::BpSource::manual};
  const RowId id =
      rec.run_clinical([&](db::Store& store) { return record_bp(store, fx.nurse, bp, fx.now); });
  EXPECT_GT(id, 0);
  // Committed before the call returned: visible to another connection at once.
  EXPECT_EQ(fx.db.execAndGet("SELECT count(*) FROM observations WHERE id = " + std::to_string(id))
                .getInt(),
            1);

  EXPECT_THROW(
      rec.run_clinical([&](db::Store& store) { return record_bp(store, fx.auditor, bp, fx.now); }),
      PermissionDenied);
  EXPECT_EQ(fx.last_action(), "refused");
  BpObservation bad = bp;
  bad.systolic_mmhg = 900;
  EXPECT_THROW(
      rec.run_clinical([&](db::Store& store) { return record_bp(store, fx.nurse, bad, fx.now); }),
      ValidationError);
  // A task that leaves a transaction open is refused and rolled back.
  EXPECT_THROW(rec.run_clinical([](db::Store& store) { raw_connection(store).exec("BEGIN"); }),
               std::logic_error);
  // The recorder goes on.
  EXPECT_GT(
      rec.run_clinical([&](db::Store& store) { return record_bp(store, fx.nurse, bp, fx.now); }),
      id);
  EXPECT_TRUE(verify_audit_chain(fx.store).ok);
}

TEST_F(RecorderTest, VitalsQueuedBeforeAClinicalRecordAreCommittedFirst) {
  RecorderOptions o;
  o.commit_interval = 10s;
  Recorder rec = make(std::move(o));
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(rec.record_reading(session, reading(core::Channel::spo2, test::kT0 + i, 95)));
  }
  const auto seen = rec.run_clinical([&](db::Store&) { return count("vitals_numeric"); });
  EXPECT_EQ(seen, 50);
}

TEST_F(RecorderTest, ClinicalRecordsAreNeverDropped) {
  RecorderOptions o;
  o.reading_capacity = 16;
  Recorder rec = make(std::move(o));
  std::atomic<bool> done{false};
  std::thread flood([&] {  // keeps the vitals ring overflowing
    UtcMs t = test::kT0;
    while (!done) rec.record_reading(session, reading(core::Channel::spo2, ++t, 95));
  });
  std::vector<RowId> ids;
  std::mutex ids_mu;
  std::vector<std::thread> nurses;
  for (int n = 0; n < 2; ++n) {
    nurses.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        const BpObservation bp{session, fx.now, 120, 80, std::nullopt, core::BpSource::device};
        const RowId id = rec.run_clinical(
            [&](db::Store& store) { return record_bp(store, fx.nurse, bp, fx.now); });
        std::lock_guard lock(ids_mu);
        ids.push_back(id);
      }
    });
  }
  for (auto& t : nurses) t.join();
  done = true;
  flood.join();
  ASSERT_EQ(ids.size(), 50u);
  for (RowId id : ids) {
    EXPECT_EQ(fx.db.execAndGet("SELECT count(*) FROM observations WHERE id = " + std::to_string(id))
                  .getInt(),
              1);
  }
  EXPECT_GT(rec.counters().dropped_vitals, 0u);
  EXPECT_GE(rec.counters().clinical_tasks, 50u);
}

TEST_F(RecorderTest, ShutdownFlushesEverything) {
  {
    RecorderOptions o;
    o.commit_interval = 60s;
    o.batch_rows = 1'000'000;
    Recorder rec = make(std::move(o));
    for (int i = 0; i < 1000; ++i) {
      ASSERT_TRUE(
          rec.record_reading(session, reading(core::Channel::pulse_rate, test::kT0 + i, 60)));
    }
    const std::int16_t s[3] = {1, 2, 3};
    ASSERT_TRUE(rec.record_waveform_block(session, core::Channel::pleth, test::kT0, 75, s));
    EXPECT_EQ(count("vitals_numeric"), 0);  // not yet committed
  }
  EXPECT_EQ(count("vitals_numeric"), 1000);
  EXPECT_EQ(count("waveform_blocks"), 1);
}

TEST_F(RecorderTest, StoppedRecorderRefusesWork) {
  Recorder rec = make();
  rec.stop();
  rec.stop();  // idempotent
  EXPECT_FALSE(rec.record_reading(session, reading(core::Channel::spo2, test::kT0, 95)));
  EXPECT_THROW(rec.flush(), std::logic_error);
  EXPECT_EQ(rec.counters().dropped_vitals, 1u);
}

TEST_F(RecorderTest, RowsTheSchemaRefusesAreCountedNotFatal) {
  Recorder rec = make();
  EXPECT_TRUE(rec.record_reading(9999, reading(core::Channel::spo2, test::kT0, 95)));  // no session
  EXPECT_TRUE(rec.record_reading(session, reading(core::Channel::spo2, test::kT0, 95)));
  const std::int16_t too_long[kMaxWaveformBlockSamples + 1] = {};
  EXPECT_FALSE(rec.record_waveform_block(session, core::Channel::pleth, test::kT0, 75, too_long));
  rec.flush();
  EXPECT_EQ(count("vitals_numeric"), 1);
  EXPECT_EQ(rec.counters().rejected_vitals, 1u);
  EXPECT_EQ(rec.counters().failed_batches, 0u);
}

// Rows go in 32 at a time; times repeat, go back, and meet rows written before the recorder
// started; rows for an unknown session are refused one by one. Every accepted row is stored once
// with its values, and the rows of one session and time are numbered 0, 1, 2...
TEST_F(RecorderTest, EveryRowIsStoredOnceWhateverTheOrderOfTimes) {
  const std::string sid = std::to_string(session);
  for (int i = 0; i < 10; ++i) {  // already there: two rows at each of 10 times
    fx.db.exec("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value) VALUES (" + sid +
               ",'spo2'," + std::to_string(test::kT0 + 7 * i) + ",90), (" + sid + ",'pvi'," +
               std::to_string(test::kT0 + 7 * i) + ",10)");
  }
  std::multiset<std::tuple<std::int64_t, std::string, std::optional<double>>> expected;
  {
    SQLite::Statement q(fx.db, "SELECT t_utc_ms, channel, value FROM vitals_numeric");
    while (q.executeStep()) {
      expected.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                       q.getColumn(2).getDouble());
    }
  }
  Recorder rec = make();
  int refused = 0;
  for (int i = 0; i < 500; ++i) {
    const UtcMs t = test::kT0 + (i * 37) % 101;  // repeats and goes back
    const auto ch = i % 3 == 0 ? core::Channel::pulse_rate : core::Channel::spo2;
    const std::optional<double> value =
        i % 17 == 0 ? std::nullopt : std::optional<double>(50 + i % 50);
    const bool unknown = i % 45 == 0;
    ASSERT_TRUE(rec.record_reading(unknown ? 9999 : session, reading(ch, t, value)));
    if (unknown) {
      ++refused;
    } else {
      expected.emplace(t, std::string(core::channel_name(ch)), value);
    }
  }
  rec.flush();
  EXPECT_EQ(rec.counters().rows_written, 500u - refused);
  EXPECT_EQ(rec.counters().rejected_vitals, static_cast<std::uint64_t>(refused));
  EXPECT_EQ(rec.counters().failed_batches, 0u);
  std::multiset<std::tuple<std::int64_t, std::string, std::optional<double>>> stored;
  SQLite::Statement q(fx.db, "SELECT t_utc_ms, channel, value FROM vitals_numeric");
  while (q.executeStep()) {
    std::optional<double> v;
    if (!q.getColumn(2).isNull()) v = q.getColumn(2).getDouble();
    stored.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString(), v);
  }
  EXPECT_EQ(stored, expected);
  EXPECT_EQ(fx.db
                .execAndGet("SELECT count(*) FROM (SELECT count(*) AS n, max(seq) AS m FROM "
                            "vitals GROUP BY session_id, t_utc_ms) WHERE m <> n - 1")
                .getInt(),
            0);
}

}  // namespace
}  // namespace vigil::db

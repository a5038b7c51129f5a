// A second writer beside a recording station (vigilctl, or an admin's tool, on the same file
// while the recorder commits vitals every second): each store call waits for the write lock
// instead of failing with "database is locked". A deferred transaction that reads first and
// then writes cannot wait (SQLite answers SQLITE_BUSY_SNAPSHOT when another connection
// committed in between), so the store's write transactions begin IMMEDIATE; and the recorder
// holds the write lock only while it writes a batch, not while the batch fills (it used to, and
// the other writer, polling with growing sleeps, then met a free lock only by luck).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "db_test_support.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::db {
namespace {

using namespace std::chrono_literals;

TEST(DbConcurrentWriters, StoreCallsBesideARecordingStationWaitForTheirTurn) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  RecorderOptions o;
  o.commit_interval = 5ms;  // commits as often as it can: the worst case for the other writer
  Recorder station(Store::open(f.file, OpenMode::open_existing), o);
  std::atomic<bool> stop{false};
  std::thread producer([&] {
    UtcMs t = test::kT0;
    while (!stop) {
      core::Reading r;
      r.channel = core::Channel::spo2;
      r.value = 97;
      r.device = 1;
      r.utc_time = core::UtcTime(std::chrono::milliseconds(++t));
      station.record_reading(session, r);
      std::this_thread::sleep_for(100us);
    }
  });
  int written = 0;
  std::string failure;
  const auto until = std::chrono::steady_clock::now() + 1500ms;
  while (std::chrono::steady_clock::now() < until && failure.empty()) {
    try {
      set_site_setting(f.store, f.admin, "rems.setting", "Clinic " + std::to_string(written),
                       f.tick());
      ++written;
    } catch (const std::exception& e) {
      failure = e.what();
    }
  }
  stop = true;
  producer.join();
  station.stop();
  EXPECT_EQ(failure, "") << "after " << written << " writes";
  EXPECT_GT(written, 10);
  EXPECT_GT(f.db.execAndGet("SELECT count(*) FROM vitals_numeric").getInt64(), 100);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

// Another program holds the write lock past the busy timeout (5 s): the recorder's commit
// cannot begin, nothing was written, and the batch is kept and written once the lock is free.
TEST(DbConcurrentWriters, ABatchThatCannotTakeTheLockIsKeptAndWrittenLater) {
  test::StoreFixture f;
  const RowId session = f.planned_session();
  Recorder station(Store::open(f.file, OpenMode::open_existing));
  SQLite::Database other(f.file.string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  for (int i = 0; i < 10; ++i) {
    core::Reading r;
    r.value = 90 + i;
    r.utc_time = core::UtcTime(std::chrono::milliseconds(test::kT0 + i * 1000));
    ASSERT_TRUE(station.record_reading(session, r));
  }
  const auto until = std::chrono::steady_clock::now() + 20s;
  while (station.counters().deferred_batches == 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_GE(station.counters().deferred_batches, 1u);
  other.exec("COMMIT");
  station.flush();
  station.stop();
  const auto c = station.counters();
  EXPECT_EQ(c.rows_written, 10u);
  EXPECT_EQ(c.failed_batches, 0u);
  EXPECT_EQ(f.db.execAndGet("SELECT count(*) FROM vitals").getInt64(), 10);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

}  // namespace
}  // namespace vigil::db

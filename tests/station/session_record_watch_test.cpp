// The station follows the session's record in the database file, where the store writes it:
// the phase and the pre-dose BP (the NIBP rise baseline).
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "db/db_test_support.hpp"
#include "session_record_watch.hpp"
#include "vigil/db/administration_store.hpp"

namespace vigil::station {
namespace {

using namespace std::chrono_literals;
using core::SessionPhase;

struct Seen {
  std::mutex mutex;
  std::vector<SessionPhase> phases;
  std::vector<std::pair<double, double>> baselines;

  SessionRecordCallbacks callbacks() {
    SessionRecordCallbacks c;
    c.on_phase = [this](SessionPhase p) {
      std::lock_guard lock(mutex);
      phases.push_back(p);
    };
    c.on_pre_dose_bp = [this](double sys, double dia) {
      std::lock_guard lock(mutex);
      baselines.emplace_back(sys, dia);
    };
    return c;
  }
  std::vector<SessionPhase> phases_now() {
    std::lock_guard lock(mutex);
    return phases;
  }
  std::vector<std::pair<double, double>> baselines_now() {
    std::lock_guard lock(mutex);
    return baselines;
  }
  // Waits up to 5 s for `n` phases.
  std::vector<SessionPhase> wait_phases(std::size_t n) {
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (phases_now().size() < n && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(10ms);
    }
    return phases_now();
  }
};

TEST(SessionRecordWatch, ReportsEachPhaseTheStoreMovesTheSessionTo) {
  db::test::StoreFixture f;
  const db::RowId id = f.dosing_session();
  Seen seen;
  SessionRecordWatch watch(f.file, id, SessionPhase::dosing, seen.callbacks(), 20ms);
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(seen.phases_now().empty()) << "no change, no call";

  db::record_administration(f.store, f.nurse, db::test::iv_ketamine(id, 35, f.now), f.tick());
  db::advance_session(f.store, f.nurse, id, SessionPhase::observation, f.tick());
  EXPECT_EQ(seen.wait_phases(1), std::vector<SessionPhase>{SessionPhase::observation});
  db::end_session_early(f.store, f.clinician, id, "patient asked to stop", f.tick());
  EXPECT_EQ(seen.wait_phases(2),
            (std::vector<SessionPhase>{SessionPhase::observation, SessionPhase::closed}));
}

TEST(SessionRecordWatch, ThePreDoseBpIsTheBaselineOnce) {
  db::test::StoreFixture f;
  const db::RowId id = f.dosing_session();  // BP 120/80 recorded in pre_dose
  db::record_bp(f.store, f.nurse, {id, f.now, 150, 95, std::nullopt, core::BpSource::device},
                f.tick());  // during dosing: not the baseline
  Seen seen;
  {
    SessionRecordWatch watch(f.file, id, SessionPhase::dosing, seen.callbacks(), 10ms);
    std::this_thread::sleep_for(200ms);
  }
  EXPECT_EQ(seen.baselines_now(), (std::vector<std::pair<double, double>>{{120, 80}}));
}

TEST(SessionRecordWatch, AFileThatCannotBeReadIsTriedAgainQuietly) {
  db::test::TempDir dir;
  Seen seen;
  {
    SessionRecordWatch watch(dir / "not-there.db", 1, SessionPhase::dosing, seen.callbacks(), 10ms);
    std::this_thread::sleep_for(100ms);
  }  // stops promptly
  EXPECT_TRUE(seen.phases_now().empty());
  EXPECT_TRUE(seen.baselines_now().empty());
  EXPECT_FALSE(std::filesystem::exists(dir / "not-there.db")) << "never created";
}

}  // namespace
}  // namespace vigil::station

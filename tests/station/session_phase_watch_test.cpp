// The station follows the session's phase in the database file, where the store advances it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "db/db_test_support.hpp"
#include "session_phase_watch.hpp"
#include "vigil/db/administration_store.hpp"

namespace vigil::station {
namespace {

using namespace std::chrono_literals;
using core::SessionPhase;

struct Seen {
  std::mutex mutex;
  std::vector<SessionPhase> phases;
  void add(SessionPhase p) {
    std::lock_guard lock(mutex);
    phases.push_back(p);
  }
  std::vector<SessionPhase> get() {
    std::lock_guard lock(mutex);
    return phases;
  }
  // Waits up to 5 s for `n` phases.
  std::vector<SessionPhase> wait(std::size_t n) {
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (get().size() < n && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(10ms);
    }
    return get();
  }
};

TEST(SessionPhaseWatch, ReportsEachPhaseTheStoreMovesTheSessionTo) {
  db::test::StoreFixture f;
  const db::RowId id = f.dosing_session();
  Seen seen;
  SessionPhaseWatch watch(
      f.file, id, SessionPhase::dosing, [&](SessionPhase p) { seen.add(p); }, 20ms);
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(seen.get().empty()) << "no change, no call";

  db::NewAdministration a;
  a.session_id = id;
  a.drug = "ketamine";
  a.form_strength = "10 mg/mL";
  a.route = core::DoseRoute::iv;
  a.dose_mg = 35;
  a.lot = "LOT-1";
  a.start_utc_ms = f.now;
  db::record_administration(f.db, f.nurse, a, f.tick());
  db::advance_session(f.db, f.nurse, id, SessionPhase::observation, f.tick());
  EXPECT_EQ(seen.wait(1), std::vector<SessionPhase>{SessionPhase::observation});
  db::end_session_early(f.db, f.clinician, id, "patient asked to stop", f.tick());
  EXPECT_EQ(seen.wait(2),
            (std::vector<SessionPhase>{SessionPhase::observation, SessionPhase::closed}));
}

TEST(SessionPhaseWatch, AFileThatCannotBeReadIsTriedAgainQuietly) {
  db::test::TempDir dir;
  Seen seen;
  {
    SessionPhaseWatch watch(
        dir / "not-there.db", 1, SessionPhase::dosing, [&](SessionPhase p) { seen.add(p); }, 10ms);
    std::this_thread::sleep_for(100ms);
  }  // stops promptly
  EXPECT_TRUE(seen.get().empty());
  EXPECT_FALSE(std::filesystem::exists(dir / "not-there.db")) << "never created";
}

}  // namespace
}  // namespace vigil::station

// What the station writes into the session's record by itself: a completed NIBP measurement from
// the device (a SunTech module on a pty) becomes the session's BP observation, source device;
// a missed BP checkpoint raises bp_overdue, and taking the BP ends it.
#include <gtest/gtest.h>

#include <thread>

#include "station_test_support.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/record_reader.hpp"

namespace vigil::station::test {
namespace {

namespace sim = drivers::sim;

db::UtcMs utc_ms(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// The session's BP observations as the store returns them (JSON rows).
std::vector<std::string> bp_rows(PipelineFixture& f) {
  std::vector<std::string> out;
  const auto rows = f.recorder->run_clinical([&](db::Store& s) {
    return db::read_session_records(s, f.store.nurse, "observations", f.session, f.store.tick());
  });
  for (const auto& r : rows) {
    if (r.find("\"kind\":\"bp\"") != std::string::npos) out.push_back(r);
  }
  return out;
}

using StationSessionRecord = PipelineFixture;

TEST_F(StationSessionRecord, ACompletedDeviceNibpMeasurementBecomesTheSessionsBpObservation) {
  const auto before = bp_rows(*this).size();
  Bedside b = bedside("suntech", sim::Timeline(sim::normal_vitals()), 0, 8.0);
  std::vector<std::string> rows;
  const auto until = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < until) {
    b.station->request_nibp(1);  // "Measure now" (ignored while one runs)
    std::this_thread::sleep_for(500ms);
    rows = bp_rows(*this);
    if (rows.size() > before) break;
  }
  ASSERT_EQ(rows.size(), before + 1) << "one measurement, one observation";
  EXPECT_NE(rows.back().find("\"bp_source\":\"device\""), std::string::npos) << rows.back();
  const auto v = sim::normal_vitals();
  EXPECT_NE(rows.back().find("\"systolic_mmhg\":" + std::to_string(*v.nibp_systolic)),
            std::string::npos)
      << rows.back();
  EXPECT_NE(rows.back().find("\"phase\":\"dosing\""), std::string::npos) << rows.back();
  b.station->end_session();
}

TEST_F(StationSessionRecord, AMissedFortyMinuteBpRaisesBpOverdueAndTakingItEndsIt) {
  // At 100 times real speed the profile's bp_overdue delay (5 min) lasts 3 s.
  Bedside b = bedside("suntech", sim::Timeline(sim::normal_vitals()), 0, 100.0, true);
  // The first dose 51 min ago: the 40-minute check's window closed a minute ago.
  const db::UtcMs now = utc_ms(b.clock->utc_now());
  const auto dose = db::test::iv_ketamine(session, 35, now - 51 * 60'000);
  recorder->run_clinical(
      [&](db::Store& s) { db::record_administration(s, store.nurse, dose, now); });
  const auto is_bp_overdue = [](core::AlarmEventKind kind) {
    return [kind](const core::AlarmEvent& e) {
      return e.kind == kind && e.condition.kind == core::AlarmConditionKind::technical &&
             e.condition.technical == core::TechnicalCondition::bp_overdue;
    };
  };
  // The engine waits out the delay from when the watch first saw the missed window.
  const auto raised = listener.wait_for(is_bp_overdue(core::AlarmEventKind::raised), 8s);
  ASSERT_TRUE(raised) << "bp_overdue was not raised";
  EXPECT_EQ(raised->event.priority, core::AlarmPriority::low);
  const auto waited =
      core::UtcTime(raised->event.utc_time) - core::UtcTime(std::chrono::milliseconds(now));
  EXPECT_GE(waited, std::chrono::minutes(5)) << "raised before the profile's delay";

  const db::UtcMs later = utc_ms(b.clock->utc_now());
  recorder->run_clinical([&](db::Store& s) {
    db::record_bp(s, store.nurse, {session, later, 126, 80, 95, core::BpSource::manual}, later);
  });
  EXPECT_TRUE(listener.wait_for(is_bp_overdue(core::AlarmEventKind::cleared), 5s))
      << "bp_overdue did not end once the BP was taken";
  b.station->end_session();
}

}  // namespace
}  // namespace vigil::station::test

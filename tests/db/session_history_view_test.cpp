// What the history screen reads: a session's whole record (audited as opening it), its phase
// history, a patient's outcome scales with their bands, and the full-rate pleth of a window.
#include <gtest/gtest.h>

#include "db_test_support.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/outcome_trends.hpp"
#include "vigil/db/session_report.hpp"
#include "vigil/db/session_trends.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::db {
namespace {

struct HistoryView : ::testing::Test {
  test::StoreFixture f;
  RowId session = f.dosing_session(56);

  std::int64_t count(const std::string& action) {
    return f.db.execAndGet("SELECT count(*) FROM audit_log WHERE action = '" + action + "'")
        .getInt64();
  }
};

TEST_F(HistoryView, OpeningASessionReadsItsWholeRecordAndIsAudited) {
  const auto r = view_session_record(f.store, f.nurse, session, f.tick());
  EXPECT_EQ(count("open_record"), 1);
  EXPECT_EQ(count("export_report"), 0) << "viewing is not an export";
  ASSERT_EQ(r.phases.size(), 3u);
  EXPECT_EQ(r.phases[0].phase, "planned");
  EXPECT_EQ(r.phases[0].by, "carl");
  EXPECT_EQ(r.phases[1].phase, "pre_dose");
  EXPECT_EQ(r.phases[2].phase, "dosing");
  EXPECT_EQ(r.phases[2].by, "nina");
  EXPECT_LE(r.phases[1].t_utc_ms, r.phases[2].t_utc_ms);
  ASSERT_EQ(r.bps.size(), 1u);
  EXPECT_THROW(view_session_record(f.store, f.admin, session, f.tick()), PermissionDenied);
}

TEST_F(HistoryView, ADeviceGapIsTheTimeNoDeviceOfTheFamilyWasConnected) {
  const auto connect = [&](UtcMs from, std::optional<UtcMs> to) {
    const RowId id = record_device_connected(
        f.store, f.nurse, {session, "nonin-df2", "/dev/ttyUSB0", "Nonin 3150", from}, f.tick());
    if (to) record_device_disconnected(f.store, f.nurse, id, *to, f.tick());
  };
  const UtcMs t0 = f.now;
  connect(t0, t0 + 60'000);            // 0-60 s
  connect(t0 + 10'000, t0 + 30'000);   // inside the first: no gap at 30 s
  connect(t0 + 90'000, std::nullopt);  // back after a 30 s gap, still connected
  const auto r = view_session_record(f.store, f.auditor, session, f.tick());
  ASSERT_EQ(r.device_gaps.size(), 1u);
  EXPECT_EQ(r.device_gaps[0].from_utc_ms, t0 + 60'000);
  EXPECT_EQ(r.device_gaps[0].to_utc_ms, t0 + 90'000);
  EXPECT_EQ(r.devices.size(), 3u);
}

TEST_F(HistoryView, OutcomesRunAcrossThePatientsSessionsWithTheirBands) {
  record_scale(f.store, f.nurse, {session, f.now, Scale::phq9, {2, 2, 2, 2, 2, 2, 2, 1, 0}},
               f.tick());
  record_scale(f.store, f.nurse, {session, f.now + 60'000, Scale::gad7, {1, 1, 1, 1, 1, 1, 1}},
               f.tick());
  const RowId later = f.dosing_session(56);
  record_scale(f.store, f.nurse, {later, f.now, Scale::phq9, {1, 1, 1, 1, 1, 1, 0, 0, 0}},
               f.tick());
  const auto series = read_outcome_trends(f.store, f.clinician, "MRN-1", f.tick());
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series[0].scale, "phq9");
  ASSERT_EQ(series[0].points.size(), 2u);
  EXPECT_EQ(series[0].points[0].total, 15);
  EXPECT_EQ(series[0].points[0].session_id, session);
  EXPECT_EQ(series[0].points[1].total, 6);
  EXPECT_EQ(series[0].bands[3].label, "moderately severe");
  EXPECT_EQ(series[1].scale, "gad7");
  ASSERT_EQ(series[1].points.size(), 1u);
  EXPECT_EQ(series[1].points[0].total, 7);
  EXPECT_EQ(series[2].scale, "madrs");
  EXPECT_TRUE(series[2].points.empty());
  EXPECT_EQ(count("view_outcomes"), 1);
  EXPECT_THROW(read_outcome_trends(f.store, f.clinician, "MRN-404", f.tick()), NotFound);
}

TEST_F(HistoryView, ThePlethOfAWindowComesBackAtFullRate) {
  // Two one-second blocks at 75 Hz, as the recorder stores them (int16 little-endian).
  for (int b = 0; b < 2; ++b) {
    std::string blob;
    for (int i = 0; i < 75; ++i) {
      const std::int16_t v = static_cast<std::int16_t>(b * 1000 + i - 40);
      blob += static_cast<char>(v & 0xff);
      blob += static_cast<char>((v >> 8) & 0xff);
    }
    SQLite::Statement ins(f.db,
                          "INSERT INTO waveforms (session_id, channel, start_utc_ms, "
                          "sample_rate_hz, samples, seal) VALUES (?, ?, ?, 75, ?, NULL)");
    ins.bind(1, session);
    ins.bind(2, 150452);  // pleth's channel code
    ins.bind(3, f.now + b * 1000);
    ins.bind(4, blob.data(), static_cast<int>(blob.size()));
    ins.exec();
  }
  const auto blocks = read_session_waveform(f.store, f.auditor, session, core::Channel::pleth,
                                            f.now, f.now + 60'000, f.tick());
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].sample_rate_hz, 75);
  ASSERT_EQ(blocks[1].samples.size(), 75u);
  EXPECT_EQ(blocks[0].samples[0], -40);
  EXPECT_EQ(blocks[1].samples[74], 1034);
  EXPECT_EQ(test::validation_message([&] {
              read_session_waveform(f.store, f.auditor, session, core::Channel::pleth, f.now,
                                    f.now + 3'600'000, f.tick());
            }),
            "to_utc_ms: a waveform window is 1 ms to 10 minutes (got 3600000 ms)");
}

}  // namespace
}  // namespace vigil::db

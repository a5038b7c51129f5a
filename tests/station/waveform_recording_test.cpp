// WaveformRecording with a real Recorder on a temporary database: blocks of one second of
// samples, a new block after an absent sample or an arrival gap, flush writes the remainder.

#include "waveform_recording.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "db/db_test_support.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::station {
namespace {

using namespace std::chrono_literals;

constexpr core::DeviceId kOximeter = 3;
const core::UtcTime kUtc0 = core::UtcTime{} + std::chrono::milliseconds(db::test::kT0);

struct Block {
  std::string channel;
  std::int64_t start_ms = 0;
  double rate_hz = 0;
  std::vector<std::int16_t> samples;
};

class WaveformRecordingTest : public ::testing::Test {
 protected:
  db::test::StoreFixture store;
  db::RowId session = store.dosing_session();
  db::Recorder recorder{db::Store::open(store.file, db::OpenMode::open_existing)};

  void add(std::optional<double> value, core::UtcTime at, WaveformRecording& w) {
    core::Reading r;
    r.channel = core::Channel::pleth;
    r.value = value;
    r.device = w.device();
    r.utc_time = at;
    w.add(r, recorder, session);
  }

  // Every block of the session, oldest first (after committing what the recorder holds).
  std::vector<Block> blocks() {
    recorder.flush();
    SQLite::Statement q(store.db,
                        "SELECT channel, start_utc_ms, sample_rate_hz, samples FROM "
                        "waveform_blocks WHERE session_id = ? ORDER BY start_utc_ms");
    q.bind(1, session);
    std::vector<Block> out;
    while (q.executeStep()) {
      Block b{
          q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getDouble(), {}};
      const auto* bytes = static_cast<const unsigned char*>(q.getColumn(3).getBlob());
      const int n = q.getColumn(3).getBytes();
      EXPECT_EQ(n % 2, 0);
      for (int i = 0; i + 1 < n; i += 2) {  // int16 little-endian
        b.samples.push_back(static_cast<std::int16_t>(bytes[i] | (bytes[i + 1] << 8)));
      }
      out.push_back(std::move(b));
    }
    return out;
  }

  static std::int64_t ms(core::UtcTime t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  }
};

TEST_F(WaveformRecordingTest, WritesOneBlockPerSecondOfSamples) {
  WaveformRecording w(kOximeter, 75.0);
  EXPECT_EQ(w.device(), kOximeter);
  // Nonin-like bursts: 25 samples stamped with their packet's arrival, every 320 ms.
  int n = 0;
  for (int packet = 0; packet < 7; ++packet) {
    for (int i = 0; i < 25 && n < 160; ++i, ++n) add(n - 80, kUtc0 + packet * 320ms, w);
  }
  std::vector<Block> written = blocks();
  ASSERT_EQ(written.size(), 2u) << "two full blocks of 75; 10 samples still held";
  EXPECT_EQ(written[0].channel, "pleth");
  EXPECT_DOUBLE_EQ(written[0].rate_hz, 75.0);
  EXPECT_EQ(written[0].start_ms, ms(kUtc0));
  EXPECT_EQ(written[1].start_ms, ms(kUtc0 + 3 * 320ms));  // sample 75 came in packet 3
  ASSERT_EQ(written[0].samples.size(), 75u);
  ASSERT_EQ(written[1].samples.size(), 75u);
  EXPECT_EQ(written[0].samples.front(), -80);
  EXPECT_EQ(written[0].samples.back(), -6);
  EXPECT_EQ(written[1].samples.front(), -5);

  w.flush(recorder, session);
  written = blocks();
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[2].start_ms, ms(kUtc0 + 6 * 320ms));
  ASSERT_EQ(written[2].samples.size(), 10u);
  EXPECT_EQ(written[2].samples.front(), 70);
  EXPECT_EQ(written[2].samples.back(), 79);

  w.flush(recorder, session);  // nothing held: nothing written
  EXPECT_EQ(blocks().size(), 3u);
  EXPECT_EQ(recorder.counters().blocks_written, 3u);
}

TEST_F(WaveformRecordingTest, AbsentSampleEndsTheBlock) {
  WaveformRecording w(kOximeter, 75.0);
  for (int i = 0; i < 10; ++i) add(100 + i, kUtc0, w);
  add(std::nullopt, kUtc0 + 320ms, w);
  add(std::nullopt, kUtc0 + 640ms, w);
  for (int i = 0; i < 5; ++i) add(200 + i, kUtc0 + 960ms, w);
  w.flush(recorder, session);
  const std::vector<Block> written = blocks();
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[0].start_ms, ms(kUtc0));
  EXPECT_EQ(written[0].samples,
            (std::vector<std::int16_t>{100, 101, 102, 103, 104, 105, 106, 107, 108, 109}));
  EXPECT_EQ(written[1].start_ms, ms(kUtc0 + 960ms));
  EXPECT_EQ(written[1].samples, (std::vector<std::int16_t>{200, 201, 202, 203, 204}));
}

TEST_F(WaveformRecordingTest, ArrivalGapLongerThanOneAndAHalfSecondsEndsTheBlock) {
  WaveformRecording w(kOximeter, 75.0);
  for (int i = 0; i < 10; ++i) add(1, kUtc0, w);
  for (int i = 0; i < 10; ++i) add(2, kUtc0 + 1500ms, w);  // exactly 1.5 s: same block
  for (int i = 0; i < 10; ++i) add(3, kUtc0 + 3001ms, w);  // 1.501 s later: a new block
  w.flush(recorder, session);
  const std::vector<Block> written = blocks();
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[0].start_ms, ms(kUtc0));
  EXPECT_EQ(written[0].samples.size(), 20u);
  EXPECT_EQ(written[1].start_ms, ms(kUtc0 + 3001ms));
  EXPECT_EQ(written[1].samples, std::vector<std::int16_t>(10, 3));
}

TEST_F(WaveformRecordingTest, SamplesAreRoundedAndClampedToInt16) {
  WaveformRecording w(kOximeter, 60.0);  // Contec: blocks of 60
  add(10.4, kUtc0, w);
  add(10.6, kUtc0, w);
  add(-2.5, kUtc0, w);
  add(40000, kUtc0, w);
  add(-40000, kUtc0, w);
  for (int i = 0; i < 60; ++i) add(0, kUtc0 + 100ms, w);
  std::vector<Block> written = blocks();
  ASSERT_EQ(written.size(), 1u);
  EXPECT_DOUBLE_EQ(written[0].rate_hz, 60.0);
  ASSERT_EQ(written[0].samples.size(), 60u);
  EXPECT_EQ(std::vector<std::int16_t>(written[0].samples.begin(), written[0].samples.begin() + 5),
            (std::vector<std::int16_t>{10, 11, -3, 32767, -32768}));
  w.flush(recorder, session);
  written = blocks();
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[1].samples.size(), 5u);
}

}  // namespace
}  // namespace vigil::station

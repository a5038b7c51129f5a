// SnapshotMailbox and merge_snapshot: one waiting snapshot, newest state, deltas appended.

#include "snapshot_mailbox.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace vigil::station {
namespace {

using core::Channel;

ScreenSnapshot snapshot(std::uint64_t sequence, core::DeviceId pleth_device = 1,
                        std::vector<float> pleth = {}, std::vector<TrendPoint> trend = {},
                        std::vector<TrendMarker> markers = {}) {
  ScreenSnapshot s;
  s.sequence = sequence;
  s.now_s = static_cast<double>(sequence);
  s.channel(Channel::spo2).value = 90.0 + static_cast<double>(sequence);
  s.pleth.device = pleth_device;
  s.pleth.rate_hz = 75.0 * static_cast<double>(pleth_device);
  s.pleth.samples = std::move(pleth);
  s.trend = std::move(trend);
  s.markers = std::move(markers);
  return s;
}

TrendPoint point(double t_s, Channel c = Channel::spo2) { return TrendPoint{c, t_s, t_s}; }

TrendMarker marker(std::string label) {
  return TrendMarker{TrendMarker::Kind::alarm, 0, std::move(label), core::AlarmPriority::high};
}

TEST(SnapshotMailbox, PutReportsEmptyOnlyOnceAndTakeEmptiesIt) {
  SnapshotMailbox box;
  EXPECT_FALSE(box.take());
  EXPECT_TRUE(box.put(snapshot(1)));
  EXPECT_FALSE(box.put(snapshot(2)));
  EXPECT_FALSE(box.put(snapshot(3)));
  EXPECT_EQ(box.merged(), 2u);

  const auto taken = box.take();
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->sequence, 3u);
  EXPECT_FALSE(box.take()) << "take() empties the mailbox";
  EXPECT_TRUE(box.put(snapshot(4))) << "empty again: the producer must wake the screen";
  EXPECT_EQ(box.merged(), 2u);
  EXPECT_EQ(box.take()->sequence, 4u);
}

TEST(SnapshotMailbox, MergeKeepsTheNewestStateAndAppendsDeltas) {
  ScreenSnapshot pending = snapshot(1, 1, {1, 2}, {point(1)}, {marker("a")});
  pending.annunciation.highest = core::AlarmPriority::high;
  ScreenSnapshot next =
      snapshot(2, 1, {3}, {point(2), point(2, Channel::pulse_rate)}, {marker("b")});
  next.devices.push_back(DeviceInfo{});
  merge_snapshot(pending, std::move(next));

  EXPECT_EQ(pending.sequence, 2u);
  EXPECT_DOUBLE_EQ(pending.now_s, 2.0);
  EXPECT_EQ(pending.channel(Channel::spo2).value, 92.0);
  EXPECT_FALSE(pending.annunciation.highest) << "state comes from the newest snapshot";
  EXPECT_EQ(pending.devices.size(), 1u);
  EXPECT_EQ(pending.pleth.samples, (std::vector<float>{1, 2, 3}));
  EXPECT_EQ(pending.pleth.device, 1);
  ASSERT_EQ(pending.trend.size(), 3u);
  EXPECT_DOUBLE_EQ(pending.trend[0].t_s, 1.0);
  EXPECT_EQ(pending.trend[2].channel, Channel::pulse_rate);
  ASSERT_EQ(pending.markers.size(), 2u);
  EXPECT_EQ(pending.markers[0].label, "a");
  EXPECT_EQ(pending.markers[1].label, "b");
}

TEST(SnapshotMailbox, PlethFromAnotherDeviceReplacesTheWaitingSamples) {
  ScreenSnapshot pending = snapshot(1, 1, {1, 2, 3}, {point(1)});
  merge_snapshot(pending, snapshot(2, 2, {9}, {point(2)}));
  EXPECT_EQ(pending.pleth.device, 2);
  EXPECT_DOUBLE_EQ(pending.pleth.rate_hz, 150.0);
  EXPECT_EQ(pending.pleth.samples, std::vector<float>{9});
  EXPECT_EQ(pending.trend.size(), 2u) << "trend points are kept whatever the pleth device";
}

TEST(SnapshotMailbox, MergeThroughTheMailboxAppendsEveryDelta) {
  SnapshotMailbox box;
  box.put(snapshot(1, 1, {1}, {point(1)}, {marker("a")}));
  box.put(snapshot(2, 1, {2}, {point(2)}));
  box.put(snapshot(3, 1, {3}, {}, {marker("c")}));
  const auto s = box.take();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->sequence, 3u);
  EXPECT_EQ(s->pleth.samples, (std::vector<float>{1, 2, 3}));
  EXPECT_EQ(s->trend.size(), 2u);
  EXPECT_EQ(s->markers.size(), 2u);
  EXPECT_EQ(box.merged(), 2u);
}

TEST(SnapshotMailbox, CapsKeepTheNewest) {
  // Caps (snapshot_mailbox.cpp): 4500 pleth samples, 3000 trend points, 500 markers.
  SnapshotMailbox box;
  int sample = 0;
  int t = 0;
  int label = 0;
  for (std::uint64_t seq = 1; seq <= 50; ++seq) {
    std::vector<float> pleth;
    for (int i = 0; i < 100; ++i) pleth.push_back(static_cast<float>(sample++));
    std::vector<TrendPoint> trend;
    for (int i = 0; i < 70; ++i) trend.push_back(point(t++));
    std::vector<TrendMarker> markers;
    for (int i = 0; i < 11; ++i) markers.push_back(marker(std::to_string(label++)));
    box.put(snapshot(seq, 1, std::move(pleth), std::move(trend), std::move(markers)));
  }
  const auto s = box.take();
  ASSERT_TRUE(s);
  ASSERT_EQ(s->pleth.samples.size(), 4500u);
  EXPECT_EQ(s->pleth.samples.front(), 500.0f);
  EXPECT_EQ(s->pleth.samples.back(), 4999.0f);
  ASSERT_EQ(s->trend.size(), 3000u);
  EXPECT_DOUBLE_EQ(s->trend.front().t_s, 500.0);
  EXPECT_DOUBLE_EQ(s->trend.back().t_s, 3499.0);
  ASSERT_EQ(s->markers.size(), 500u);
  EXPECT_EQ(s->markers.front().label, "50");
  EXPECT_EQ(s->markers.back().label, "549");
  EXPECT_EQ(box.merged(), 49u);
}

TEST(SnapshotMailbox, ConcurrentProducerAndConsumerLoseNoTrendPoint) {
  // The consumer takes often enough that the waiting snapshot never nears the trend cap (3000):
  // the producer waits when more than 1000 points are outstanding.
  constexpr int kSnapshots = 20000;
  constexpr int kPointsPerSnapshot = 3;
  SnapshotMailbox box;
  std::atomic<int> produced_points{0};
  std::atomic<int> consumed_points{0};
  std::atomic<bool> done{false};

  std::vector<double> seen;
  std::uint64_t last_sequence = 0;
  bool sequence_in_order = true;
  std::thread consumer([&] {
    while (true) {
      const bool finished = done.load();
      while (auto s = box.take()) {
        if (s->sequence <= last_sequence) sequence_in_order = false;
        last_sequence = s->sequence;
        for (const auto& p : s->trend) seen.push_back(p.t_s);
        consumed_points += static_cast<int>(s->trend.size());
      }
      if (finished) break;
      std::this_thread::yield();
    }
  });

  int wakeups = 0;
  for (int i = 0; i < kSnapshots; ++i) {
    while (produced_points.load() - consumed_points.load() > 1000) std::this_thread::yield();
    std::vector<TrendPoint> trend;
    for (int k = 0; k < kPointsPerSnapshot; ++k) trend.push_back(point(i * kPointsPerSnapshot + k));
    produced_points += kPointsPerSnapshot;
    if (box.put(snapshot(static_cast<std::uint64_t>(i + 1), 1, {}, std::move(trend)))) ++wakeups;
  }
  done = true;
  consumer.join();

  ASSERT_EQ(seen.size(), static_cast<std::size_t>(kSnapshots * kPointsPerSnapshot));
  for (std::size_t i = 0; i < seen.size(); ++i) {
    ASSERT_DOUBLE_EQ(seen[i], static_cast<double>(i)) << "point " << i << " lost or reordered";
  }
  EXPECT_TRUE(sequence_in_order);
  EXPECT_EQ(last_sequence, static_cast<std::uint64_t>(kSnapshots));
  EXPECT_EQ(static_cast<std::uint64_t>(wakeups) + box.merged(),
            static_cast<std::uint64_t>(kSnapshots));
}

}  // namespace
}  // namespace vigil::station

// Nonin DF2/DF7 packet confirmation: a packet's SpO2, rate, SmartPoint and STAT2 are emitted only
// when all 25 frames arrived back to back and the next SYNC frame comes exactly at position 26.
// Whole lost or extra frames keep the framing intact, so only this rule keeps other FLOAT bytes
// (firmware revision, timer, ...) from being read as SpO2 or rate. Plus finish() for captures.
#include <gtest/gtest.h>

#include <array>

#include "protocols/decoder_test_support.hpp"
#include "protocols/nonin_test_support.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::protocols {
namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;
using test::RecordingSink;
using Bytes = std::vector<std::uint8_t>;
using Values = std::vector<std::optional<double>>;

constexpr auto append_frame = test::append_nonin_frame;

// A packet with the FLOAT layout of docs/devices.md: rate, SpO2, firmware 49 (a plausible SpO2 if
// read one frame off), STAT2 and the other frames filled with values that are not the SpO2.
struct Packet {
  std::array<int, 26> floats{};
  std::array<int, 26> status{};
  Packet(int hr, int spo2, int stat2 = 0) {
    status.fill(0x80);
    for (int i = 1; i <= 25; ++i) floats[std::size_t(i)] = 40 + i;
    floats[1] = (hr >> 7) & 3;
    floats[2] = hr & 0x7F;
    floats[3] = spo2;
    floats[4] = 49;
    floats[8] = stat2;
  }
  // Frames `from`..`to` (1-based), SYNC on frame 1, pleth = frame number.
  void append(Bytes& out, NoninFormat f, int from = 1, int to = 25) const {
    for (int i = from; i <= to; ++i) {
      const auto k = std::size_t(i);
      append_frame(out, f, status[k] | (i == 1 ? 1 : 0), i, floats[k]);
    }
  }
};

void append_sync(Bytes& out, NoninFormat f) { append_frame(out, f, 0x81, 1, 0); }

class NoninPacket : public ::testing::TestWithParam<NoninFormat> {
 protected:
  NoninFormat f() const { return GetParam(); }
};

TEST_P(NoninPacket, LostFrameDropsItsPacketAndTheNextPacketDecodes) {
  for (int lost = 1; lost <= 25; ++lost) {
    Bytes v;
    Packet(70, 97).append(v, f());
    Packet p(80, 88);
    p.append(v, f(), 1, lost - 1);
    p.append(v, f(), lost + 1, 25);
    Packet(90, 93).append(v, f());
    append_sync(v, f());
    NoninDecoder d(f());
    RecordingSink sink(d);
    d.feed(v, sink);
    SCOPED_TRACE(lost);
    EXPECT_EQ(d.counters(), (DecoderCounters{75, 0, 0}));
    EXPECT_EQ(d.packets_dropped(), 1u);  // packet 1 (late SYNC) or packet 2 (early SYNC)
    if (lost == 1) {  // packet 2's SYNC lost: packet 1 cannot be told from one with an extra frame
      EXPECT_EQ(sink.values(Channel::spo2), (Values{93.0}));
      EXPECT_EQ(sink.values(Channel::pulse_rate), (Values{90.0}));
    } else {
      EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0, 93.0}));
      EXPECT_EQ(sink.values(Channel::pulse_rate), (Values{70.0, 90.0}));
    }
    EXPECT_EQ(sink.values(Channel::pleth).size(), 75u);  // every frame's pleth still comes out
  }
}

TEST_P(NoninPacket, ExtraFrameDropsItsPacketAndTheNextPacketDecodes) {
  for (int extra = 1; extra <= 25; ++extra) {
    Bytes v;
    Packet(70, 97).append(v, f());
    Packet p(80, 88);
    p.append(v, f(), 1, extra);
    p.append(v, f(), extra == 1 ? 2 : extra, extra == 1 ? 2 : extra);  // a repeated frame
    p.append(v, f(), extra + 1, 25);
    Packet(90, 93).append(v, f());
    append_sync(v, f());
    NoninDecoder d(f());
    RecordingSink sink(d);
    d.feed(v, sink);
    SCOPED_TRACE(extra);
    EXPECT_EQ(d.packets_dropped(), 1u);
    EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0, 93.0}));
    EXPECT_EQ(sink.values(Channel::pulse_rate), (Values{70.0, 90.0}));
  }
}

// The clinical case: frame 3 lost, so the firmware revision (49) sits where SpO2 belongs.
TEST_P(NoninPacket, FirmwareRevisionIsNeverReadAsSpo2AfterALostFrame) {
  Bytes v;
  Packet p(80, 97);
  p.append(v, f(), 1, 2);
  p.append(v, f(), 4, 25);
  Packet(80, 97).append(v, f());
  NoninDecoder d(f());
  RecordingSink sink(d);
  d.feed(v, sink);
  d.finish(sink);
  EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0}));
  EXPECT_EQ(d.packets_dropped(), 1u);
}

TEST_P(NoninPacket, ValuesComeOutWhileTheConfirmingSyncFrameIsFed) {
  Packet p(75, 96, 0x21);  // SmartPoint, low battery
  p.status[2] = 0xA0;      // ARTF on the rate's frame
  p.status[3] = 0x88;      // SNSA on the SpO2's frame
  p.floats[9] = 95;
  Bytes v;
  p.append(v, f());
  NoninDecoder d(f());
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(sink.readings.size(), 25u);  // pleth only
  EXPECT_TRUE(sink.conditions.empty());
  EXPECT_FALSE(d.last_display().spo2.has_value());
  v.clear();
  append_frame(v, f(), 0x91, 7, 0);  // next SYNC frame, OOT
  d.feed(v, sink);
  ASSERT_EQ(sink.readings.size(), 28u);
  const auto& hr = sink.readings[25];
  const auto& spo2 = sink.readings[26];
  const auto& pleth = sink.readings[27];
  EXPECT_EQ(hr.seq, 25u);
  EXPECT_EQ(hr.reading.channel, Channel::pulse_rate);
  EXPECT_EQ(hr.reading.value, 75.0);
  EXPECT_EQ(hr.reading.flags, ReadingFlags{}.set(ReadingFlag::artifact));
  EXPECT_EQ(spo2.seq, 25u);
  EXPECT_EQ(spo2.reading.channel, Channel::spo2);
  EXPECT_EQ(spo2.reading.value, 96.0);
  EXPECT_EQ(spo2.reading.flags,
            ReadingFlags{}.set(ReadingFlag::sensor_off).set(ReadingFlag::smartpoint));
  EXPECT_EQ(pleth.seq, 25u);
  EXPECT_EQ(pleth.reading.channel, Channel::pleth);
  EXPECT_EQ(pleth.reading.flags, ReadingFlags{}.set(ReadingFlag::out_of_track));
  ASSERT_EQ(sink.conditions.size(), 1u);
  EXPECT_EQ(sink.conditions[0].seq, 25u);
  EXPECT_TRUE(sink.conditions[0].condition.active);
  EXPECT_EQ(d.last_display().spo2, 95);
  EXPECT_EQ(d.firmware_revision(), 49);
}

TEST_P(NoninPacket, BadFrameDropsThePacketWaitingForConfirmation) {
  Bytes v;
  Packet(70, 97).append(v, f());
  const std::size_t sync_at = v.size();
  Packet(80, 88).append(v, f());
  append_sync(v, f());
  v[sync_at + 4] ^= 0x10;  // checksum of the confirming SYNC frame
  NoninDecoder d(f());
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters().checksum_errors, 1u);
  EXPECT_EQ(d.packets_dropped(), 1u);  // packet 1; packet 2 had no known start
  EXPECT_TRUE(sink.values(Channel::spo2).empty());
}

TEST_P(NoninPacket, FinishEmitsATrailingCompletePacketAtTheLastFrame) {
  Bytes v;
  Packet(70, 97).append(v, f());
  Packet(80, 88, 0x21).append(v, f());
  NoninDecoder d(f());
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0}));
  d.finish(sink);
  const auto& r = sink.readings;
  ASSERT_EQ(r.size(), 50u + 4u);
  EXPECT_EQ(r[52].seq, 49u);
  EXPECT_EQ(r[52].reading.value, 80.0);
  EXPECT_EQ(r[53].seq, 49u);
  EXPECT_EQ(r[53].reading.value, 88.0);
  EXPECT_TRUE(r[53].reading.flags.has(ReadingFlag::smartpoint));
  ASSERT_EQ(sink.conditions.size(), 1u);
  EXPECT_EQ(sink.conditions[0].seq, 49u);
  d.finish(sink);  // consumed: nothing twice
  EXPECT_EQ(r.size(), 54u);
  EXPECT_EQ(d.packets_dropped(), 0u);
}

TEST_P(NoninPacket, FinishOnAPartialPacketEmitsOnlyTheValuesItsFramesCarry) {
  Bytes v;
  Packet(70, 97, 0x20).append(v, f(), 1, 7);  // STAT2 (frame 8) not reached
  NoninDecoder d(f());
  RecordingSink sink(d);
  d.feed(v, sink);
  d.finish(sink);
  EXPECT_EQ(sink.values(Channel::pulse_rate), (Values{70.0}));
  EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0}));
  EXPECT_FALSE(sink.readings.back().reading.flags.has(ReadingFlag::smartpoint));
  EXPECT_EQ(sink.readings.back().seq, 6u);
  EXPECT_TRUE(sink.conditions.empty());

  NoninDecoder only_sync(f());
  RecordingSink s2(only_sync);
  v.clear();
  Packet(70, 97).append(v, f(), 1, 1);
  append_frame(v, f(), 0x81, 1, 0);
  only_sync.feed(v, s2);
  only_sync.finish(s2);
  EXPECT_EQ(s2.readings.size(), 2u);  // frame 1 alone carries no complete value
  EXPECT_EQ(only_sync.packets_dropped(), 1u);
}

TEST_P(NoninPacket, FinishEmitsNothingForABrokenOrUnplacedTrailingPacket) {
  Bytes lost;  // frame 5 lost, then 25 frames in all: the next SYNC would have been early
  Packet p(70, 97);
  p.append(lost, f(), 1, 4);
  p.append(lost, f(), 6, 25);
  Bytes extra;  // 26 frames: the 26th is not a SYNC
  p.append(extra, f());
  append_frame(extra, f(), 0x80, 1, 0);
  Bytes unplaced;  // frames without their SYNC
  p.append(unplaced, f(), 2, 25);
  Bytes bad;  // checksum error in frame 12
  p.append(bad, f());
  bad[11 * 5 + 4] ^= 0x01;
  for (const Bytes* v : {&extra, &unplaced, &bad}) {
    NoninDecoder d(f());
    RecordingSink sink(d);
    d.feed(*v, sink);
    d.finish(sink);
    EXPECT_TRUE(sink.values(Channel::spo2).empty());
    EXPECT_TRUE(sink.values(Channel::pulse_rate).empty());
  }
  // A lost frame inside the last packet of a capture cannot be seen: finish() trusts it. This is
  // why finish() is for complete offline captures only.
  NoninDecoder d(f());
  RecordingSink sink(d);
  d.feed(lost, sink);
  d.finish(sink);
  EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0}));
}

TEST(NoninDf8Packet, FinishDoesNothingForDf8) {
  const Bytes v = test::bytes_of({0x80, 0x48, 0x61, 0x00, 0x80, 0x48, 0x61, 0x00});
  NoninDecoder d(NoninFormat::df8);
  RecordingSink sink(d);
  d.feed(v, sink);
  d.finish(sink);
  EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0, 97.0}));
  EXPECT_EQ(d.packets_dropped(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Nonin, NoninPacket, ::testing::Values(NoninFormat::df2, NoninFormat::df7),
                         [](const auto& info) {
                           return std::string(nonin_protocol_name(info.param).substr(6));
                         });

}  // namespace
}  // namespace vigil::protocols

// Nonin DF2/DF7 decoder against the docs/devices.md vectors and frames hand-built from the layout.
// A packet's values appear only once the next packet's SYNC frame confirms it (or, offline, on
// finish()); see nonin_packet_test.cpp for the confirmation rules themselves.
#include <gtest/gtest.h>

#include <array>

#include "protocols/decoder_test_support.hpp"
#include "protocols/nonin_test_support.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::protocols {
namespace {

using core::Channel;
using core::ReadingFlag;
using test::bytes_of;
using test::RecordingSink;
using Bytes = std::vector<std::uint8_t>;

constexpr auto append_frame = test::append_nonin_frame;

// One packet of 25 frames: FLOAT of frame i (1-based) = floats[i], STATUS 0x80 | extra, SYNC on
// frame 1, pleth = 10 * frame number.
struct Packet {
  std::array<int, 26> floats{};
  int status = 0x80;
  void append(Bytes& out, NoninFormat f) const {
    for (int i = 1; i <= 25; ++i)
      append_frame(out, f, status | (i == 1 ? 1 : 0), 10 * i, floats[i]);
  }
};

// The SYNC frame that starts the next packet and so confirms the one before it.
void append_sync(Bytes& out, NoninFormat f, int status = 0x80) {
  append_frame(out, f, status | 1, 1, 0);
}

Packet packet_with(int hr, int spo2, int stat2 = 0) {
  Packet p;
  p.floats[1] = (hr >> 7) & 3;
  p.floats[2] = hr & 0x7F;
  p.floats[3] = spo2;
  p.floats[8] = stat2;
  return p;
}

std::vector<test::RecordedReading> of_channel(const RecordingSink& s, Channel c) {
  std::vector<test::RecordedReading> out;
  for (const auto& r : s.readings) {
    if (r.reading.channel == c) out.push_back(r);
  }
  return out;
}

TEST(NoninDf2Vectors, DevicesMdVectorsGiveRate72AndSpo297OnFinish) {
  const Bytes v = bytes_of(
      {0x01, 0x81, 0x01, 0x00, 0x83, 0x01, 0x80, 0x01, 0x48, 0xCA, 0x01, 0x80, 0x01, 0x61, 0xE3});
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{3, 0, 0}));
  EXPECT_EQ(d.buffered_bytes(), 0u);
  EXPECT_EQ(sink.readings.size(), 3u);  // pleth only: the packet is not confirmed
  d.finish(sink);                       // a capture of three frames: decode it offline
  EXPECT_EQ(d.packets_dropped(), 0u);
  const auto pleth = of_channel(sink, Channel::pleth);
  ASSERT_EQ(pleth.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(pleth[i].seq, i);
    EXPECT_EQ(pleth[i].reading.value, 1.0);
    EXPECT_TRUE(pleth[i].reading.flags.empty());
  }
  const auto hr = of_channel(sink, Channel::pulse_rate);
  ASSERT_EQ(hr.size(), 1u);
  EXPECT_EQ(hr[0].seq, 2u);  // finish() emits at the last decoded frame
  EXPECT_EQ(hr[0].reading.value, 72.0);
  const auto spo2 = of_channel(sink, Channel::spo2);
  ASSERT_EQ(spo2.size(), 1u);
  EXPECT_EQ(spo2[0].seq, 2u);
  EXPECT_EQ(spo2[0].reading.value, 97.0);
  EXPECT_TRUE(sink.conditions.empty());
  EXPECT_EQ(d.protocol(), "nonin-df2");
}

TEST(NoninDf2Vectors, OneByteAtATimeGivesTheSameItems) {
  const Bytes v = bytes_of(
      {0x01, 0x81, 0x01, 0x00, 0x83, 0x01, 0x80, 0x01, 0x48, 0xCA, 0x01, 0x80, 0x01, 0x61, 0xE3});
  NoninDecoder whole(NoninFormat::df2), bytewise(NoninFormat::df2);
  RecordingSink a(whole), b(bytewise);
  whole.feed(v, a);
  for (std::uint8_t byte : v) bytewise.feed(std::span(&byte, 1), b);
  whole.finish(a);
  bytewise.finish(b);
  ASSERT_EQ(a.readings.size(), 5u);
  ASSERT_EQ(a.readings.size(), b.readings.size());
  for (std::size_t i = 0; i < a.readings.size(); ++i) {
    EXPECT_EQ(a.readings[i].seq, b.readings[i].seq);
    EXPECT_EQ(a.readings[i].reading.channel, b.readings[i].reading.channel);
    EXPECT_EQ(a.readings[i].reading.value, b.readings[i].reading.value);
  }
  EXPECT_EQ(whole.counters(), bytewise.counters());
}

TEST(NoninDf2Vectors, FirstFrameAfterStartWaitsForTheFrameConfirmingIt) {
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(bytes_of({0x01, 0x81, 0x01, 0x00, 0x83}), sink);
  EXPECT_TRUE(sink.readings.empty());
  EXPECT_EQ(d.buffered_bytes(), 5u);
  d.feed(bytes_of({0x01, 0x80, 0x01, 0x48, 0xCA}), sink);
  EXPECT_EQ(d.counters().frames, 2u);
  EXPECT_EQ(sink.values(Channel::pleth), (std::vector<std::optional<double>>{1.0, 1.0}));
  d.finish(sink);
  EXPECT_EQ(sink.values(Channel::pulse_rate), (std::vector<std::optional<double>>{72.0}));
}

TEST(NoninDf2Vectors, GarbageBeforeTheVectorsIsDiscardedAndCounted) {
  Bytes v = bytes_of({0x01, 0x80, 0x7F, 0xFF, 0x01, 0x01, 0x33});
  const std::size_t garbage = v.size();
  Packet p = packet_with(72, 97);
  p.append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{26, garbage, 0}));
  EXPECT_EQ(sink.values(Channel::pulse_rate), (std::vector<std::optional<double>>{72.0}));
  EXPECT_EQ(sink.values(Channel::spo2), (std::vector<std::optional<double>>{97.0}));
}

TEST(NoninDf7Vectors, SixteenBitPlethIsMsbThenLsb) {
  Bytes v;
  append_frame(v, NoninFormat::df7, 0x81, 0x1234, 0);
  append_frame(v, NoninFormat::df7, 0x80, 0xFFFF, 0x48);
  append_frame(v, NoninFormat::df7, 0x80, 0x0100, 0x61);
  EXPECT_EQ(v[0], 0x81);  // hand check of the layout: STATUS 12 34 FLOAT CHK
  EXPECT_EQ(v[4], 0xC7);  // 0x81 + 0x12 + 0x34 + 0x00 = 0xC7
  NoninDecoder d(NoninFormat::df7);
  RecordingSink sink(d);
  d.feed(v, sink);
  d.finish(sink);
  EXPECT_EQ(sink.values(Channel::pleth),
            (std::vector<std::optional<double>>{4660.0, 65535.0, 256.0}));
  EXPECT_EQ(sink.values(Channel::pulse_rate), (std::vector<std::optional<double>>{72.0}));
  EXPECT_EQ(sink.values(Channel::spo2), (std::vector<std::optional<double>>{97.0}));
  EXPECT_EQ(d.protocol(), "nonin-df7");
}

TEST(NoninDf7Vectors, NineBitRateUsesTwoLowBitsOfTheMsb) {
  Bytes v;
  packet_with(300, 88).append(v, NoninFormat::df7);  // 300 = 2 << 7 | 44
  packet_with(128, 0).append(v, NoninFormat::df7);
  append_sync(v, NoninFormat::df7);
  NoninDecoder d(NoninFormat::df7);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(sink.values(Channel::pulse_rate), (std::vector<std::optional<double>>{300.0, 128.0}));
  EXPECT_EQ(sink.values(Channel::spo2), (std::vector<std::optional<double>>{88.0, 0.0}));
}

TEST(NoninDf7Vectors, FrameShapedNoiseIsNotTakenWithoutAConfirmingFrame) {
  Bytes v;
  append_frame(v, NoninFormat::df7, 0x80, 0x4242, 0x10);  // valid on its own ...
  v.insert(v.end(), {0x00, 0x00, 0x00});                  // ... but no frame follows it
  packet_with(72, 97).append(v, NoninFormat::df7);
  append_sync(v, NoninFormat::df7);
  NoninDecoder d(NoninFormat::df7);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{26, 8, 0}));
  for (const auto& value : sink.values(Channel::pleth)) EXPECT_NE(value, 0x4242);
  EXPECT_EQ(sink.values(Channel::pulse_rate), (std::vector<std::optional<double>>{72.0}));
}

TEST(NoninDf2Vectors, MissingValuesAreAbsentNotNumbers) {
  Bytes v;
  packet_with(511, 127).append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  const auto hr = of_channel(sink, Channel::pulse_rate);
  const auto spo2 = of_channel(sink, Channel::spo2);
  ASSERT_EQ(hr.size(), 1u);
  ASSERT_EQ(spo2.size(), 1u);
  EXPECT_FALSE(hr[0].reading.value.has_value());
  EXPECT_FALSE(spo2[0].reading.value.has_value());
  EXPECT_FALSE(hr[0].reading.flags.has(ReadingFlag::value_out_of_range));
}

TEST(NoninDf2Vectors, ImpossibleValuesAreAbsentAndMarkedOutOfRange) {
  Bytes v;
  packet_with(400, 101).append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  for (Channel c : {Channel::pulse_rate, Channel::spo2}) {
    const auto r = of_channel(sink, c);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_FALSE(r[0].reading.value.has_value());
    EXPECT_TRUE(r[0].reading.flags.has(ReadingFlag::value_out_of_range));
  }
}

TEST(NoninDf2Vectors, StatusBitsBecomeReadingFlags) {
  struct Case {
    int status;
    ReadingFlag flag;
  };
  for (Case c : {Case{0xC0, ReadingFlag::sensor_disconnected}, Case{0xA0, ReadingFlag::artifact},
                 Case{0x90, ReadingFlag::out_of_track}, Case{0x88, ReadingFlag::sensor_off},
                 Case{0x84, ReadingFlag::low_perfusion}}) {
    Bytes v;
    append_frame(v, NoninFormat::df2, c.status, 5, 0);
    append_frame(v, NoninFormat::df2, c.status, 6, 0);
    NoninDecoder d(NoninFormat::df2);
    RecordingSink sink(d);
    d.feed(v, sink);
    ASSERT_EQ(sink.readings.size(), 2u) << c.status;
    const auto flags = sink.readings[0].reading.flags;
    EXPECT_TRUE(flags.has(c.flag)) << c.status;
    EXPECT_EQ(flags, core::ReadingFlags{}.set(c.flag)) << "only that flag, status " << c.status;
  }
  // Green (01) and yellow (11) perfusion are not low perfusion.
  EXPECT_TRUE(nonin_status_flags(0x82).empty());
  EXPECT_TRUE(nonin_status_flags(0x86).empty());
  EXPECT_TRUE(nonin_status_flags(0x81).empty());
}

TEST(NoninDf2Vectors, ValuesCarryTheFlagsOfTheFrameThatCompletesThem) {
  Bytes v;
  Packet p = packet_with(60, 95);
  p.status = 0x88;  // SNSA on every frame
  p.append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2, 0x88);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  for (const auto& r : sink.readings) EXPECT_TRUE(r.reading.flags.has(ReadingFlag::sensor_off));
  EXPECT_EQ(sink.readings.size(), 28u);  // 26 pleth + rate + SpO2
}

TEST(NoninDf2Vectors, LowBatteryIsReportedOnChangeOnly) {
  Bytes v;
  packet_with(70, 96, 0x00).append(v, NoninFormat::df2);
  packet_with(70, 96, 0x01).append(v, NoninFormat::df2);
  packet_with(70, 96, 0x01).append(v, NoninFormat::df2);
  packet_with(70, 96, 0x00).append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  ASSERT_EQ(sink.conditions.size(), 2u);
  EXPECT_EQ(sink.conditions[0].condition.kind, core::DeviceConditionKind::low_battery);
  EXPECT_TRUE(sink.conditions[0].condition.active);
  EXPECT_EQ(sink.conditions[0].seq, 50u);  // packet 2, confirmed by the SYNC of packet 3
  EXPECT_FALSE(sink.conditions[1].condition.active);
  EXPECT_EQ(sink.conditions[1].seq, 100u);
}

TEST(NoninDf2Vectors, SmartPointFromStat2MarksItsOwnPacketsSpo2) {
  Bytes v;
  packet_with(70, 96, 0x00).append(v, NoninFormat::df2);
  packet_with(70, 97, 0x20).append(v, NoninFormat::df2);
  packet_with(70, 98, 0x00).append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  const auto spo2 = of_channel(sink, Channel::spo2);
  ASSERT_EQ(spo2.size(), 3u);
  EXPECT_FALSE(spo2[0].reading.flags.has(ReadingFlag::smartpoint));
  EXPECT_TRUE(spo2[1].reading.flags.has(ReadingFlag::smartpoint));
  EXPECT_EQ(spo2[1].reading.value, 97.0);
  EXPECT_FALSE(spo2[2].reading.flags.has(ReadingFlag::smartpoint));
  EXPECT_TRUE(sink.conditions.empty());
}

TEST(NoninDf2Vectors, DisplayValuesAndFirmwareAreKeptForTheScreen) {
  Packet p = packet_with(70, 96);
  p.floats[4] = 0x2A;
  p.floats[9] = 95;
  p.floats[20] = 2;  // HR-D 300 = 2 << 7 | 44
  p.floats[21] = 44;
  Bytes v;
  p.append(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  EXPECT_FALSE(d.firmware_revision().has_value());
  EXPECT_FALSE(d.last_display().spo2.has_value());
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_FALSE(d.firmware_revision().has_value());  // not confirmed yet
  EXPECT_FALSE(d.last_display().spo2.has_value());
  v.clear();
  append_sync(v, NoninFormat::df2);
  d.feed(v, sink);
  EXPECT_EQ(d.firmware_revision(), 0x2A);
  EXPECT_EQ(d.last_display().spo2, 95);
  EXPECT_EQ(d.last_display().pulse_rate, 300);
  p.floats[9] = 127;
  p.floats[20] = 3;
  p.floats[21] = 127;
  v.clear();
  p.append(v, NoninFormat::df2);
  v.erase(v.begin(), v.begin() + 5);  // its SYNC frame was fed above
  append_sync(v, NoninFormat::df2);
  d.feed(v, sink);
  EXPECT_FALSE(d.last_display().spo2.has_value());
  EXPECT_FALSE(d.last_display().pulse_rate.has_value());
}

TEST(NoninDf2Vectors, FramesBeforeTheFirstSyncGivePlethOnly) {
  Bytes v;
  // Frames 10..25 of a packet (no SYNC), then a whole packet.
  for (int i = 10; i <= 25; ++i) append_frame(v, NoninFormat::df2, 0x80, i, i == 11 ? 99 : 1);
  packet_with(80, 94).append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters().frames, 16u + 25u + 1u);
  EXPECT_EQ(d.packets_dropped(), 0u);  // the leading frames were never a known packet
  const auto hr = of_channel(sink, Channel::pulse_rate);
  ASSERT_EQ(hr.size(), 1u);
  EXPECT_EQ(hr[0].seq, 16u + 25u);
  EXPECT_EQ(sink.values(Channel::spo2), (std::vector<std::optional<double>>{94.0}));
}

TEST(NoninDf2Vectors, RateIsNeverAssembledAcrossABadFrame) {
  Bytes v;
  packet_with(200, 94).append(v, NoninFormat::df2);
  Bytes second;
  packet_with(130, 93).append(second, NoninFormat::df2);
  second[5 + 4] ^= 0x01;  // frame 2 (HR LSB): checksum wrong, fixed bits intact
  v.insert(v.end(), second.begin(), second.end());
  packet_with(140, 92).append(v, NoninFormat::df2);
  append_sync(v, NoninFormat::df2);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{75, 5, 1}));
  EXPECT_EQ(d.packets_dropped(), 1u);
  // Packet 2 lost its frame 2, so none of its values appears.
  EXPECT_EQ(sink.values(Channel::pulse_rate), (std::vector<std::optional<double>>{200.0, 140.0}));
  EXPECT_EQ(sink.values(Channel::spo2), (std::vector<std::optional<double>>{94.0, 92.0}));
}

TEST(NoninDf2Vectors, PacketLongerThan25FramesIsDroppedAndLosesThePosition) {
  Bytes v;
  packet_with(100, 90).append(v, NoninFormat::df2);
  for (int i = 0; i < 5; ++i) append_frame(v, NoninFormat::df2, 0x80, 1, 100);  // no SYNC
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  d.finish(sink);  // nothing left to finish: position unknown
  EXPECT_EQ(d.counters().frames, 30u);
  EXPECT_EQ(d.packets_dropped(), 1u);
  EXPECT_EQ(sink.readings.size(), 30u);  // pleth only
}

TEST(NoninDf2Vectors, WrongConstantByteOrStatusBitIsNotAFrame) {
  Bytes v;
  append_frame(v, NoninFormat::df2, 0x00, 5, 0);  // STATUS bit 7 clear
  append_frame(v, NoninFormat::df2, 0x00, 5, 0);
  NoninDecoder d(NoninFormat::df2);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters().frames, 0u);
  EXPECT_TRUE(sink.readings.empty());
  EXPECT_EQ(d.counters().bytes_discarded + d.buffered_bytes(), v.size());
}

}  // namespace
}  // namespace vigil::protocols

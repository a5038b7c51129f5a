// Nonin DF8 frames built by hand, and the encoder's bytes checked against the layouts.
#include <gtest/gtest.h>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::protocols {
namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;
using test::bytes_of;
using test::RecordingSink;
using Bytes = std::vector<std::uint8_t>;
using Values = std::vector<std::optional<double>>;

TEST(NoninDf8, DecodesRateSpo2AndFlagsFromEachFrame) {
  // b1 = 1 0 OOT=0 LPRF=0 MPRF=1 ARTF=0 HR8=0 HR7=1 -> 0x89; rate = 128 + 0x05 = 133
  // b4 = SPA -> 0x20
  const Bytes v = bytes_of({0x89, 0x05, 0x62, 0x20,    // 133 bpm, 98 %, SmartPoint
                            0xB4, 0x48, 0x5A, 0x08});  // OOT LPRF ARTF, 72 bpm, 90 %, SNSA
  NoninDecoder d(NoninFormat::df8);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{2, 0, 0}));
  EXPECT_EQ(d.protocol(), "nonin-df8");
  ASSERT_EQ(sink.readings.size(), 4u);
  const auto& r = sink.readings;
  EXPECT_EQ(r[0].reading.channel, Channel::spo2);
  EXPECT_EQ(r[0].reading.value, 98.0);
  EXPECT_EQ(r[0].reading.flags, ReadingFlags{}.set(ReadingFlag::smartpoint));
  EXPECT_EQ(r[1].reading.channel, Channel::pulse_rate);
  EXPECT_EQ(r[1].reading.value, 133.0);
  EXPECT_TRUE(r[1].reading.flags.empty());  // MPRF (yellow) is not low perfusion
  EXPECT_EQ(r[2].seq, 1u);
  EXPECT_EQ(r[2].reading.value, 90.0);
  EXPECT_EQ(r[3].reading.value, 72.0);
  const ReadingFlags expected = ReadingFlags{}
                                    .set(ReadingFlag::out_of_track)
                                    .set(ReadingFlag::low_perfusion)
                                    .set(ReadingFlag::artifact)
                                    .set(ReadingFlag::sensor_off);
  EXPECT_EQ(r[2].reading.flags, expected);
  EXPECT_EQ(r[3].reading.flags, expected);
  EXPECT_EQ(d.last_display().spo2, 90);
  EXPECT_EQ(d.last_display().pulse_rate, 72);
}

TEST(NoninDf8, HighRateBitAndMissingValues) {
  const Bytes v = bytes_of({0x82, 0x2C, 0x60, 0x00,    // HR8: 256 + 44 = 300
                            0x83, 0x7F, 0x7F, 0x08});  // 511 / 127: missing
  NoninDecoder d(NoninFormat::df8);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(sink.values(Channel::pulse_rate), (Values{300.0, std::nullopt}));
  EXPECT_EQ(sink.values(Channel::spo2), (Values{96.0, std::nullopt}));
  EXPECT_FALSE(d.last_display().pulse_rate.has_value());
}

TEST(NoninDf8, LowBatteryConditionOnChange) {
  const Bytes v = bytes_of({0x80, 0x40, 0x61, 0x01, 0x80, 0x40, 0x61, 0x01, 0x80, 0x40, 0x61, 0x00,
                            0x80, 0x40, 0x61, 0x00});
  NoninDecoder d(NoninFormat::df8);
  RecordingSink sink(d);
  d.feed(v, sink);
  ASSERT_EQ(sink.conditions.size(), 2u);
  EXPECT_EQ(sink.conditions[0].condition.kind, core::DeviceConditionKind::low_battery);
  EXPECT_TRUE(sink.conditions[0].condition.active);
  EXPECT_EQ(sink.conditions[0].seq, 0u);
  EXPECT_FALSE(sink.conditions[1].condition.active);
  EXPECT_EQ(sink.conditions[1].seq, 2u);
}

TEST(NoninDf8, FixedBitsRejectFramesAndResynchronise) {
  // Partial frame (mid-frame start), a frame with b4 bit 7 set, then two good frames.
  const Bytes v = bytes_of(
      {0x48, 0x61, 0x00, 0x80, 0x48, 0x61, 0x80, 0x80, 0x48, 0x61, 0x00, 0x80, 0x49, 0x62, 0x00});
  NoninDecoder d(NoninFormat::df8);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{2, 7, 0}));
  EXPECT_EQ(sink.values(Channel::pulse_rate), (Values{72.0, 73.0}));
}

// DF8 has no checksum: a flipped data bit gives a wrong value that no decoder can catch. This
// test pins that limit down so nobody relies on DF8 for more than it offers.
TEST(NoninDf8, DataBitFlipsCannotBeDetectedWithoutAChecksum) {
  const Bytes v = bytes_of({0x80, 0x48, 0x61, 0x00, 0x80, 0x48, 0x60, 0x00, 0x80, 0x48, 0x61,
                            0x00});  // middle frame: SpO2 bit 0 flipped
  NoninDecoder d(NoninFormat::df8);
  RecordingSink sink(d);
  d.feed(v, sink);
  EXPECT_EQ(d.counters(), (DecoderCounters{3, 0, 0}));
  EXPECT_EQ(sink.values(Channel::spo2), (Values{97.0, 96.0, 97.0}));
}

TEST(NoninEncoder, Df2ReproducesTheDevicesMdVectors) {
  NoninEncoder e(NoninFormat::df2);
  OximeterState s;
  s.pulse_rate = 72;
  s.spo2 = 97;
  Bytes out;
  for (int i = 0; i < 3; ++i) e.encode_frame(s, 1, out);
  EXPECT_EQ(out, bytes_of({0x01, 0x81, 0x01, 0x00, 0x83, 0x01, 0x80, 0x01, 0x48, 0xCA, 0x01, 0x80,
                           0x01, 0x61, 0xE3}));
  EXPECT_EQ(e.next_frame(), 4);
}

TEST(NoninEncoder, PacketLayoutFloatsPerFrame) {
  NoninEncoder e(NoninFormat::df7);
  e.set_firmware_revision(0x2A);
  OximeterState s;
  s.pulse_rate = 300;
  s.spo2 = 95;
  s.low_battery = true;
  s.flags.set(ReadingFlag::smartpoint).set(ReadingFlag::artifact);
  Bytes out;
  for (int i = 0; i < 50; ++i) e.encode_frame(s, std::uint16_t(0xABCD), out);
  ASSERT_EQ(out.size(), 250u);
  auto frame = [&](int packet, int n) { return out.data() + ((packet * 25) + n - 1) * 5; };
  const int expected_float[26] = {0, 2, 44, 95, 0x2A, 0, 0, 0, 0x21, 95, 95, 95, 0,
                                  0, 2, 44, 95, 95,   0, 0, 2, 44,   2,  44, 0,  0};
  for (int n = 1; n <= 25; ++n) {
    const std::uint8_t* f = frame(0, n);
    EXPECT_EQ(f[0], n == 1 ? 0xA1 : 0xA0) << n;  // ARTF (+ SYNC); SmartPoint is STAT2 only
    EXPECT_EQ(f[1], 0xAB);
    EXPECT_EQ(f[2], 0xCD);
    if (n != 7) {
      EXPECT_EQ(f[3], expected_float[n]) << "frame " << n;
    }
    EXPECT_EQ(f[4], std::uint8_t(f[0] + f[1] + f[2] + f[3])) << n;
  }
  // The 3 Hz timer advances once per packet.
  EXPECT_EQ(frame(1, 7)[3], frame(0, 7)[3] + 1);
  EXPECT_EQ(frame(1, 1)[0], 0xA1);
}

TEST(NoninEncoder, AbsentAndOutOfRangeValuesUseSentinelsAndClamps) {
  NoninEncoder e(NoninFormat::df2);
  OximeterState s;  // nothing measured
  Bytes out;
  for (int i = 0; i < 3; ++i) e.encode_frame(s, 300, out);
  EXPECT_EQ(out[2], 255);        // DF2 pleth clamped to 8 bits
  EXPECT_EQ(out[3], 3);          // 511 >> 7
  EXPECT_EQ(out[5 + 3], 0x7F);   // 511 & 0x7F
  EXPECT_EQ(out[10 + 3], 0x7F);  // SpO2 127
  NoninEncoder e8(NoninFormat::df8);
  s.spo2 = 104;
  s.pulse_rate = 900;
  out.clear();
  e8.encode_df8(s, out);
  EXPECT_EQ(out, bytes_of({0x83, 0x7E, 100, 0x00}));  // 510 and 100
}

TEST(NoninEncoder, Df8Layout) {
  NoninEncoder e(NoninFormat::df8);
  OximeterState s;
  s.pulse_rate = 133;
  s.spo2 = 98;
  s.low_battery = true;
  s.flags.set(ReadingFlag::out_of_track)
      .set(ReadingFlag::low_perfusion)
      .set(ReadingFlag::artifact)
      .set(ReadingFlag::sensor_off)
      .set(ReadingFlag::smartpoint);
  Bytes out;
  e.encode_df8(s, out);
  EXPECT_EQ(out, bytes_of({0xB5, 0x05, 0x62, 0x29}));
}

TEST(NoninEncoder, StatusByteMapsEveryFlagItCanCarry) {
  ReadingFlags f;
  EXPECT_EQ(nonin_status_byte(f), 0x80);
  f.set(ReadingFlag::sensor_disconnected)
      .set(ReadingFlag::artifact)
      .set(ReadingFlag::out_of_track)
      .set(ReadingFlag::sensor_off)
      .set(ReadingFlag::low_perfusion);
  EXPECT_EQ(nonin_status_byte(f), 0xFC);
  EXPECT_EQ(nonin_status_flags(0xFC), f);
  EXPECT_EQ(nonin_status_byte(ReadingFlags{}.set(ReadingFlag::searching)), 0x80);
}

}  // namespace
}  // namespace vigil::protocols

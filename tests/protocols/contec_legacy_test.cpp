// Contec legacy 5-byte stream: hand-built vectors from the V5.1 layout, round trip, robustness.

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "protocols/contec_test_support.hpp"
#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/contec.hpp"

using namespace vigil;
using namespace vigil::protocols;
using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;
using test::bytes_of;
using test::RecordingSink;

namespace {

using LegacyFrame = test::ContecFrame;
constexpr auto frames_of = test::contec_frames_of;

std::vector<LegacyFrame> decode(std::span<const std::uint8_t> bytes, ContecLegacyDecoder& dec) {
  RecordingSink sink(dec);
  dec.feed(bytes, sink);
  return frames_of(sink);
}

const ReadingFlag kRepresentable[] = {ReadingFlag::searching_too_long, ReadingFlag::spo2_dropping,
                                      ReadingFlag::pulse_beep, ReadingFlag::sensor_fault,
                                      ReadingFlag::searching};

struct LegacySample {
  OximeterState state;
  int pleth = 0;
  int signal = 0;
};

LegacySample random_sample(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  LegacySample s;
  if (pick(0, 4) != 0) s.state.spo2 = pick(0, 100);
  if (pick(0, 4) != 0) s.state.pulse_rate = pick(0, 254);
  for (auto f : kRepresentable) s.state.flags.set(f, pick(0, 3) == 0);
  s.pleth = pick(0, 127);
  s.signal = pick(0, 8);
  return s;
}

// What the decoder must report for a sample the encoder sent.
LegacyFrame expected_for(const LegacySample& s) {
  LegacyFrame f;
  f.readings = 3;
  f.flags = s.state.flags;
  f.flags.set(ReadingFlag::low_signal_quality, s.signal == 0);
  const bool zero_absent =
      s.state.flags.has(ReadingFlag::searching) || s.state.flags.has(ReadingFlag::sensor_fault);
  f.pleth = s.pleth;
  if (s.state.pulse_rate && !(*s.state.pulse_rate == 0 && zero_absent))
    f.pulse = *s.state.pulse_rate;
  if (s.state.spo2 && !(*s.state.spo2 == 0 && zero_absent)) f.spo2 = *s.state.spo2;
  return f;
}

std::vector<std::uint8_t> encode_all(const std::vector<LegacySample>& samples) {
  std::vector<std::uint8_t> out;
  for (const auto& s : samples) ContecLegacyEncoder::encode(s.state, s.pleth, s.signal, out);
  return out;
}

}  // namespace

TEST(ContecLegacy, HandBuiltNormalFrame) {
  // signal 5 + beep (b6) + sync; pleth 45; bar 5; PR 81; SpO2 98.
  ContecLegacyDecoder dec;
  const auto frames = decode(bytes_of({0xC5, 0x2D, 0x05, 0x51, 0x62}), dec);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].pleth, 45.0);
  EXPECT_EQ(frames[0].pulse, 81.0);
  EXPECT_EQ(frames[0].spo2, 98.0);
  EXPECT_EQ(frames[0].flags, ReadingFlags{}.set(ReadingFlag::pulse_beep));
  ASSERT_TRUE(dec.last_signal());
  EXPECT_EQ(dec.last_signal()->strength, 5);
  EXPECT_EQ(dec.last_signal()->bar_graph, 5);
  EXPECT_EQ(dec.counters(), (DecoderCounters{1, 0, 0}));
  EXPECT_EQ(dec.protocol(), "contec-legacy");
}

TEST(ContecLegacy, PulseAbove127TakesBit7FromByte3Bit6) {
  // PR 200 = 0xC8: bit 7 travels in byte 3 b6, bits 0-6 (0x48) in byte 4.
  ContecLegacyDecoder dec;
  const auto frames = decode(bytes_of({0x85, 0x40, 0x43, 0x48, 0x61}), dec);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].pulse, 200.0);
  EXPECT_EQ(frames[0].spo2, 97.0);
  EXPECT_EQ(dec.last_signal()->bar_graph, 3);
}

TEST(ContecLegacy, SentinelsBecomeAbsentNeverNumbers) {
  // PR 255 (b6 of byte 3 + 0x7F), SpO2 127; signal 0 -> low signal quality.
  ContecLegacyDecoder dec;
  RecordingSink sink(dec);
  dec.feed(bytes_of({0x80, 0x00, 0x40, 0x7F, 0x7F}), sink);
  const auto frames = frames_of(sink);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].pleth, 0.0);
  EXPECT_FALSE(frames[0].pulse);
  EXPECT_FALSE(frames[0].spo2);
  EXPECT_TRUE(frames[0].flags.has(ReadingFlag::low_signal_quality));
  for (const auto& r : sink.readings)
    EXPECT_FALSE(r.reading.flags.has(ReadingFlag::value_out_of_range));
}

TEST(ContecLegacy, ZeroIsAbsentOnlyWhileSearchingOrProbeError) {
  ContecLegacyDecoder dec;
  const auto frames = decode(bytes_of({0x83, 0x10, 0x00, 0x00, 0x00,    // zero, no search: measured
                                       0x83, 0x10, 0x20, 0x00, 0x00,    // searching
                                       0x83, 0x10, 0x10, 0x00, 0x00}),  // probe error
                             dec);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].pulse, 0.0);
  EXPECT_EQ(frames[0].spo2, 0.0);
  EXPECT_FALSE(frames[1].pulse);
  EXPECT_FALSE(frames[1].spo2);
  EXPECT_TRUE(frames[1].flags.has(ReadingFlag::searching));
  EXPECT_FALSE(frames[2].pulse);
  EXPECT_FALSE(frames[2].spo2);
  EXPECT_TRUE(frames[2].flags.has(ReadingFlag::sensor_fault));
}

TEST(ContecLegacy, Spo2AboveHundredIsAbsentAndFlaggedOutOfRange) {
  ContecLegacyDecoder dec;
  RecordingSink sink(dec);
  dec.feed(bytes_of({0x84, 0x10, 0x00, 0x48, 0x70}), sink);  // SpO2 112
  ASSERT_EQ(sink.readings.size(), 3u);
  EXPECT_EQ(sink.readings[2].reading.channel, Channel::spo2);
  EXPECT_FALSE(sink.readings[2].reading.value);
  EXPECT_TRUE(sink.readings[2].reading.flags.has(ReadingFlag::value_out_of_range));
  EXPECT_FALSE(sink.readings[0].reading.flags.has(ReadingFlag::value_out_of_range));
}

TEST(ContecLegacy, StatusBitsMapToFlags) {
  struct Case {
    std::uint8_t b1, b3;
    ReadingFlag flag;
  };
  const Case cases[] = {{0x94, 0x00, ReadingFlag::searching_too_long},
                        {0xA4, 0x00, ReadingFlag::spo2_dropping},
                        {0xC4, 0x00, ReadingFlag::pulse_beep},
                        {0x84, 0x10, ReadingFlag::sensor_fault},
                        {0x84, 0x20, ReadingFlag::searching}};
  for (const auto& c : cases) {
    ContecLegacyDecoder dec;
    const auto frames = decode(bytes_of({c.b1, 0x10, c.b3, 0x48, 0x60}), dec);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].flags, ReadingFlags{}.set(c.flag)) << core::reading_flag_name(c.flag);
  }
}

TEST(ContecLegacy, ProbeErrorRaisesAndClearsSensorFaultConditionOnce) {
  ContecLegacyDecoder dec;
  RecordingSink sink(dec);
  dec.feed(bytes_of({0x84, 0x10, 0x00, 0x48, 0x60, 0x84, 0x10, 0x10, 0x7F, 0x7F,  //
                     0x84, 0x10, 0x10, 0x7F, 0x7F, 0x84, 0x10, 0x00, 0x48, 0x60}),
           sink);
  ASSERT_EQ(sink.conditions.size(), 2u);
  EXPECT_EQ(sink.conditions[0].seq, 1u);
  EXPECT_EQ(sink.conditions[0].condition.kind, core::DeviceConditionKind::sensor_fault);
  EXPECT_TRUE(sink.conditions[0].condition.active);
  EXPECT_EQ(sink.conditions[1].seq, 3u);
  EXPECT_FALSE(sink.conditions[1].condition.active);
}

TEST(ContecLegacy, CallbacksSeeTheirFrameIndex) {
  ContecLegacyDecoder dec;
  RecordingSink sink(dec);
  EXPECT_FALSE(dec.last_signal_strength());
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < 4; ++i) bytes.insert(bytes.end(), {0x84, 0x10, 0x00, 0x48, 0x60});
  dec.feed(bytes, sink);
  ASSERT_EQ(sink.readings.size(), 12u);
  for (std::size_t i = 0; i < sink.readings.size(); ++i) EXPECT_EQ(sink.readings[i].seq, i / 3);
  EXPECT_EQ(dec.last_signal_strength(), 4);
}

TEST(ContecLegacy, EncoderAvoidsSentinelsAndClamps) {
  OximeterState s;
  s.spo2 = 140;        // clamped to 100, never the 127 sentinel
  s.pulse_rate = 400;  // clamped to 254, never the 255 sentinel
  std::vector<std::uint8_t> out;
  ContecLegacyEncoder::encode(s, 300, 12, out);
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0], 0x88);  // signal clamped to 8
  EXPECT_EQ(out[1], 127);
  EXPECT_EQ(out[4], 100);
  ContecLegacyDecoder dec;
  const auto frames = decode(out, dec);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].pulse, 254.0);
  EXPECT_EQ(frames[0].spo2, 100.0);
}

TEST(ContecLegacy, RoundTripThousandsOfStatesInRandomChunks) {
  std::mt19937 rng(1234);
  std::vector<LegacySample> samples;
  for (int i = 0; i < 5000; ++i) samples.push_back(random_sample(rng));
  const auto bytes = encode_all(samples);
  ASSERT_EQ(bytes.size(), samples.size() * 5);

  ContecLegacyDecoder dec;
  RecordingSink sink(dec);
  test::feed_in_chunks(dec, bytes, sink, rng, 13);
  const auto frames = frames_of(sink);
  ASSERT_EQ(frames.size(), samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    ASSERT_EQ(frames[i], expected_for(samples[i])) << "frame " << i;
  }
  EXPECT_EQ(dec.counters(), (DecoderCounters{samples.size(), 0, 0}));
  EXPECT_EQ(dec.last_signal_strength(), samples.back().signal);
}

TEST(ContecLegacy, OneByteAtATimeEqualsOneCall) {
  std::mt19937 rng(99);
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < 3000; ++i) bytes.push_back(static_cast<std::uint8_t>(rng()));  // noise too
  const auto good = encode_all({random_sample(rng), random_sample(rng)});
  bytes.insert(bytes.begin() + 1000, good.begin(), good.end());

  ContecLegacyDecoder whole, single;
  RecordingSink a(whole), b(single);
  whole.feed(bytes, a);
  test::feed_in_chunks(single, bytes, b, rng, 1);
  EXPECT_EQ(frames_of(a), frames_of(b));
  EXPECT_EQ(whole.counters(), single.counters());
  EXPECT_EQ(a.conditions.size(), b.conditions.size());
}

namespace {

// Garbage that cannot itself form a frame: after a sync byte at most 3 bytes without bit 7
// follow before the next sync. Random bytes otherwise, so it includes truncated frames.
std::vector<std::uint8_t> legacy_garbage(std::mt19937& rng, std::size_t n) {
  std::vector<std::uint8_t> g;
  bool in_frame = false;
  int low_run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto b = static_cast<std::uint8_t>(rng());
    if (in_frame && low_run == 3) b |= 0x80;
    if (b & 0x80) {
      in_frame = true;
      low_run = 0;
    } else {
      ++low_run;
    }
    g.push_back(b);
  }
  return g;
}

}  // namespace

TEST(ContecLegacy, GarbageAndTruncatedFramesAreDroppedAndCounted) {
  std::mt19937 rng(7);
  std::vector<LegacySample> samples;
  std::vector<std::uint8_t> stream;
  std::uint64_t junk = 0;
  for (int i = 0; i < 2000; ++i) {
    samples.push_back(random_sample(rng));
    ContecLegacyEncoder::encode(samples.back().state, samples.back().pleth, samples.back().signal,
                                stream);
    const int kind = static_cast<int>(rng() % 3);
    if (kind == 0) {
      const auto g = legacy_garbage(rng, rng() % 12);
      stream.insert(stream.end(), g.begin(), g.end());
      junk += g.size();
    } else if (kind == 1) {  // a truncated frame: 1-4 of its 5 bytes
      std::vector<std::uint8_t> cut;
      const auto s = random_sample(rng);
      ContecLegacyEncoder::encode(s.state, s.pleth, s.signal, cut);
      const std::size_t keep = 1 + rng() % 4;
      stream.insert(stream.end(), cut.begin(), cut.begin() + static_cast<std::ptrdiff_t>(keep));
      junk += keep;
    }
  }
  ContecLegacyDecoder dec;
  RecordingSink sink(dec);
  test::feed_in_chunks(dec, stream, sink, rng, 23);
  const auto frames = frames_of(sink);
  // Every intact frame decoded, in order, nothing invented from the junk.
  ASSERT_EQ(frames.size(), samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) ASSERT_EQ(frames[i], expected_for(samples[i]));
  // A truncated frame at the very end stays pending (not yet known to be junk).
  EXPECT_LE(dec.counters().bytes_discarded, junk);
  EXPECT_GE(dec.counters().bytes_discarded + 4, junk);
  EXPECT_EQ(dec.counters().frames, samples.size());
  EXPECT_EQ(dec.counters().checksum_errors, 0u);
}

// The protocol has no checksum. What a single bit flip does to frame k of a clean stream:
// - bit 7 of any byte: CAUGHT by framing. Byte 1 loses its sync (the frame's 5 bytes are
//   discarded); a later byte becomes a false sync that the next real sync cuts off. Either way
//   frame k is lost, exactly 5 bytes are discarded and all other frames are intact.
// - bits 0-6 of any byte: NOT CAUGHT. The frame decodes with a different value or flag
//   (e.g. SpO2 98 -> 99); nothing in the protocol can tell.
TEST(ContecLegacy, SingleBitFlipsWhatFramingCanAndCannotCatch) {
  std::mt19937 rng(5);
  std::vector<LegacySample> samples;
  for (int i = 0; i < 3; ++i) samples.push_back(random_sample(rng));
  const auto clean = encode_all(samples);
  for (std::size_t pos = 5; pos < 10; ++pos) {  // every byte of the middle frame
    for (int bit = 0; bit < 8; ++bit) {
      auto bytes = clean;
      bytes[pos] ^= static_cast<std::uint8_t>(1u << bit);
      ContecLegacyDecoder dec;
      const auto frames = decode(bytes, dec);
      SCOPED_TRACE("byte " + std::to_string(pos) + " bit " + std::to_string(bit));
      if (bit == 7) {
        ASSERT_EQ(frames.size(), 2u);
        EXPECT_EQ(frames[0], expected_for(samples[0]));
        EXPECT_EQ(frames[1], expected_for(samples[2]));
        EXPECT_EQ(dec.counters(), (DecoderCounters{2, 5, 0}));
      } else {
        ASSERT_EQ(frames.size(), 3u);
        EXPECT_EQ(frames[0], expected_for(samples[0]));
        EXPECT_EQ(frames[2], expected_for(samples[2]));
        EXPECT_EQ(dec.counters(), (DecoderCounters{3, 0, 0}));
      }
    }
  }
}

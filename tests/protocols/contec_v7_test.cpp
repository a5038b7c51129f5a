// Contec V7.0: docs/devices.md vectors, replies, host commands, round trip, robustness.

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

using V7Frame = test::ContecFrame;
constexpr auto frames_of = test::contec_frames_of;

struct V7Sample {
  OximeterState state;
  int pleth = 0;
  int signal = 0;
};

const ReadingFlag kRepresentable[] = {ReadingFlag::searching_too_long, ReadingFlag::spo2_dropping,
                                      ReadingFlag::pulse_beep, ReadingFlag::sensor_off,
                                      ReadingFlag::searching};

V7Sample random_sample(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  V7Sample s;
  if (pick(0, 4) != 0) s.state.spo2 = pick(0, 100);
  if (pick(0, 4) != 0) s.state.pulse_rate = pick(0, 254);
  if (pick(0, 4) != 0) s.state.perfusion_index = pick(0, kContecV7PiMaxRaw) / 100.0;
  for (auto f : kRepresentable) s.state.flags.set(f, pick(0, 4) == 0);
  s.pleth = pick(0, 127);
  s.signal = pick(0, 8);
  return s;
}

V7Frame expected_for(const V7Sample& s) {
  V7Frame f;
  f.readings = 4;
  f.flags = s.state.flags;
  f.flags.set(ReadingFlag::low_signal_quality, s.signal == 0);
  if (!s.state.flags.has(ReadingFlag::sensor_off)) f.pleth = s.pleth;
  if (s.state.pulse_rate) f.pulse = *s.state.pulse_rate;
  if (s.state.spo2) f.spo2 = *s.state.spo2;
  f.pi = s.state.perfusion_index;
  return f;
}

void encode(const V7Sample& s, std::vector<std::uint8_t>& out) {
  ContecV7Encoder::encode_live(s.state, s.pleth, s.signal, out);
}

// Independent copy of the packet table the decoder must know (lengths incl. type + high byte).
std::size_t known_length(std::uint8_t type) {
  switch (type) {
    case 0x01:
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x11:
      return 9;
    case 0x0B:
    case 0x0E:
      return 3;
    case 0x0C:
      return 2;
    default:
      return 0;
  }
}

// Garbage that cannot itself form a packet: after a known type byte, the byte that would
// complete it loses bit 7 (and then counts as a type byte itself).
std::vector<std::uint8_t> v7_garbage(std::mt19937& rng, std::size_t n) {
  std::vector<std::uint8_t> g;
  std::size_t remaining = 0;  // high bytes still needed to complete a packet; 0 = none pending
  for (std::size_t i = 0; i < n; ++i) {
    auto b = static_cast<std::uint8_t>(rng());
    if ((b & 0x80) && remaining == 1) b &= 0x7F;
    if (b & 0x80) {
      if (remaining > 0) --remaining;
    } else {
      const std::size_t len = known_length(b);
      remaining = len == 0 ? 0 : len - 1;
    }
    g.push_back(b);
  }
  return g;
}

}  // namespace

TEST(ContecV7, DevicesMdNormalVector) {
  ContecV7Decoder dec;
  RecordingSink sink(dec);
  dec.feed(bytes_of({0x01, 0xE0, 0x85, 0xAD, 0x95, 0xD1, 0xE2, 0xFF, 0xFF}), sink);
  const auto frames = frames_of(sink);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].pleth, 45.0);
  EXPECT_EQ(frames[0].pulse, 81.0);
  EXPECT_EQ(frames[0].spo2, 98.0);
  EXPECT_FALSE(frames[0].pi);  // PI invalid
  EXPECT_TRUE(frames[0].flags.empty());
  EXPECT_EQ(dec.last_signal_strength(), 5);
  EXPECT_EQ(dec.last_signal()->bar_graph, 5);
  EXPECT_TRUE(sink.conditions.empty());
  EXPECT_EQ(dec.counters(), (DecoderCounters{1, 0, 0}));
  EXPECT_EQ(dec.protocol(), "contec-v7");
}

TEST(ContecV7, DevicesMdFingerOutVector) {
  ContecV7Decoder dec;
  RecordingSink sink(dec);
  dec.feed(bytes_of({0x01, 0xE9, 0x94, 0xC0, 0x95, 0xFF, 0xFF, 0xFF, 0xFF}), sink);
  const auto frames = frames_of(sink);
  ASSERT_EQ(frames.size(), 1u);
  // Pleth is frozen at 0x40 on probe error, PR 0xFF, SpO2 0x7F, PI 0xFFFF: all absent.
  EXPECT_FALSE(frames[0].pleth);
  EXPECT_FALSE(frames[0].pulse);
  EXPECT_FALSE(frames[0].spo2);
  EXPECT_FALSE(frames[0].pi);
  EXPECT_EQ(frames[0].flags,
            ReadingFlags{}.set(ReadingFlag::sensor_off).set(ReadingFlag::searching_too_long));
  EXPECT_EQ(dec.last_signal_strength(), 4);
  ASSERT_EQ(sink.conditions.size(), 1u);
  EXPECT_EQ(sink.conditions[0].condition.kind, core::DeviceConditionKind::sensor_off);
  EXPECT_TRUE(sink.conditions[0].condition.active);
}

TEST(ContecV7, StatusBitsMapToFlags) {
  struct Case {
    std::uint8_t status, wave;
    ReadingFlag flag;
  };
  const Case cases[] = {{0x14, 0x20, ReadingFlag::searching_too_long},
                        {0x24, 0x20, ReadingFlag::spo2_dropping},
                        {0x44, 0x20, ReadingFlag::pulse_beep},
                        {0x84, 0x20, ReadingFlag::sensor_off},
                        {0x04, 0xA0, ReadingFlag::searching}};
  for (const auto& c : cases) {
    // High byte carries bit 7 of status (bit 0) and of the wave byte (bit 1).
    const auto high = static_cast<std::uint8_t>(0x80 | (c.status >> 7) | ((c.wave >> 7) << 1));
    ContecV7Decoder dec;
    RecordingSink sink(dec);
    dec.feed(bytes_of({0x01, high, 0x80 | c.status, 0x80 | c.wave, 0x83, 0xC8, 0xE1, 0x80, 0x81}),
             sink);
    const auto frames = frames_of(sink);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].flags, ReadingFlags{}.set(c.flag)) << core::reading_flag_name(c.flag);
    EXPECT_EQ(frames[0].pi, 2.56);  // 0x0100 hundredths
  }
}

TEST(ContecV7, OutOfRangeValuesAreAbsentAndFlagged) {
  // SpO2 0x70 (112) and PI 0x0900 (2304 > 2200) are not sentinels but cannot be real values.
  ContecV7Decoder dec;
  RecordingSink sink(dec);
  dec.feed(bytes_of({0x01, 0x80, 0x84, 0xA0, 0x83, 0xC8, 0xF0, 0x80, 0x89}), sink);
  ASSERT_EQ(sink.readings.size(), 4u);
  for (int i : {2, 3}) {
    EXPECT_FALSE(sink.readings[i].reading.value);
    EXPECT_TRUE(sink.readings[i].reading.flags.has(ReadingFlag::value_out_of_range));
  }
  EXPECT_EQ(sink.readings[1].reading.value, 72.0);
  EXPECT_FALSE(sink.readings[1].reading.flags.has(ReadingFlag::value_out_of_range));
}

TEST(ContecV7, EncoderReproducesTheDevicesMdVectors) {
  OximeterState normal;
  normal.spo2 = 98;
  normal.pulse_rate = 81;
  std::vector<std::uint8_t> out;
  ContecV7Encoder::encode_live(normal, 45, 5, 5, out);
  EXPECT_EQ(out, bytes_of({0x01, 0xE0, 0x85, 0xAD, 0x95, 0xD1, 0xE2, 0xFF, 0xFF}));

  OximeterState finger_out;
  finger_out.flags.set(ReadingFlag::sensor_off).set(ReadingFlag::searching_too_long);
  out.clear();
  ContecV7Encoder::encode_live(finger_out, 12, 4, 5, out);  // pleth forced to 0x40
  EXPECT_EQ(out, bytes_of({0x01, 0xE9, 0x94, 0xC0, 0x95, 0xFF, 0xFF, 0xFF, 0xFF}));
}

TEST(ContecV7, RoundTripThousandsOfStatesInRandomChunks) {
  std::mt19937 rng(4321);
  std::vector<V7Sample> samples;
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < 5000; ++i) {
    samples.push_back(random_sample(rng));
    encode(samples.back(), bytes);
  }
  ASSERT_EQ(bytes.size(), samples.size() * 9);
  ContecV7Decoder dec;
  RecordingSink sink(dec);
  test::feed_in_chunks(dec, bytes, sink, rng, 20);
  const auto frames = frames_of(sink);
  ASSERT_EQ(frames.size(), samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    ASSERT_EQ(frames[i], expected_for(samples[i])) << "frame " << i;
  }
  EXPECT_EQ(dec.counters(), (DecoderCounters{samples.size(), 0, 0}));
  // One condition per sensor_off edge.
  std::size_t edges = 0;
  bool off = false;
  for (const auto& s : samples) {
    const bool now = s.state.flags.has(ReadingFlag::sensor_off);
    edges += now != off;
    off = now;
  }
  EXPECT_EQ(sink.conditions.size(), edges);
}

TEST(ContecV7, OneByteAtATimeEqualsOneCall) {
  std::mt19937 rng(11);
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < 4000; ++i) bytes.push_back(static_cast<std::uint8_t>(rng()));
  for (int i = 0; i < 50; ++i) encode(random_sample(rng), bytes);
  ContecV7Decoder whole, single;
  RecordingSink a(whole), b(single);
  whole.feed(bytes, a);
  test::feed_in_chunks(single, bytes, b, rng, 1);
  EXPECT_EQ(frames_of(a), frames_of(b));
  EXPECT_EQ(a.replies.size(), b.replies.size());
  EXPECT_EQ(a.conditions.size(), b.conditions.size());
  EXPECT_EQ(whole.counters(), single.counters());
  EXPECT_GE(whole.counters().frames, 50u);
}

TEST(ContecV7, GarbageAndTruncatedPacketsAreDroppedAndCounted) {
  std::mt19937 rng(8);
  std::vector<V7Sample> samples;
  std::vector<std::uint8_t> stream;
  std::uint64_t junk = 0;
  std::size_t replies = 0;
  for (int i = 0; i < 2000; ++i) {
    samples.push_back(random_sample(rng));
    encode(samples.back(), stream);
    if (rng() % 8 == 0) {
      ContecV7Encoder::encode_device_id("ID42", stream);
      ++replies;
    }
    const int kind = static_cast<int>(rng() % 3);
    if (kind == 0) {
      const auto g = v7_garbage(rng, rng() % 20);
      stream.insert(stream.end(), g.begin(), g.end());
      junk += g.size();
    } else if (kind == 1) {  // a truncated live packet: 1-8 of its 9 bytes
      std::vector<std::uint8_t> cut;
      encode(random_sample(rng), cut);
      const std::size_t keep = 1 + rng() % 8;
      stream.insert(stream.end(), cut.begin(), cut.begin() + static_cast<std::ptrdiff_t>(keep));
      junk += keep;
    }
  }
  ContecV7Decoder dec;
  RecordingSink sink(dec);
  test::feed_in_chunks(dec, stream, sink, rng, 31);
  const auto frames = frames_of(sink);
  ASSERT_EQ(frames.size(), samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) ASSERT_EQ(frames[i], expected_for(samples[i]));
  ASSERT_EQ(sink.replies.size(), replies);  // nothing invented from the junk
  for (const auto& r : sink.replies) EXPECT_EQ(r.reply.text_view(), "ID42");
  EXPECT_EQ(dec.counters().frames, samples.size() + replies);
  // A truncated packet at the very end stays pending (not yet known to be junk).
  EXPECT_LE(dec.counters().bytes_discarded, junk);
  EXPECT_GE(dec.counters().bytes_discarded + 8, junk);
}

// No checksum. What a single bit flip does to the middle live packet of three:
// - bits 0-6 of bytes 1-8: NOT CAUGHT. A flip in the high byte toggles bit 7 of one data
//   value, a flip in a data byte changes its value; the packet decodes with a wrong number.
// - bit 7 of any byte, or bits 0-6 of the type byte: CAUGHT as a live packet. It is never
//   decoded as live data, and no live reading is invented. BUT the damaged byte may now read as
//   another packet type: if that type's length fits in the bytes left (e.g. type 0x01 -> 0x03
//   "vendor", or data byte 7 -> 0x0C "stop ack"), a spurious REPLY is decoded. Framing cannot
//   tell; the driver only acts on replies it asked for.
TEST(ContecV7, SingleBitFlipsWhatFramingCanAndCannotCatch) {
  std::mt19937 rng(6);
  std::vector<V7Sample> samples;
  std::vector<std::uint8_t> clean;
  for (int i = 0; i < 3; ++i) {
    samples.push_back(random_sample(rng));
    samples.back().state.flags = {};
    encode(samples.back(), clean);
  }
  int spurious_replies = 0;
  for (std::size_t pos = 0; pos < 9; ++pos) {
    for (int bit = 0; bit < 8; ++bit) {
      auto bytes = clean;
      std::uint8_t& b = bytes[9 + pos];
      b ^= static_cast<std::uint8_t>(1u << bit);
      SCOPED_TRACE("byte " + std::to_string(pos) + " bit " + std::to_string(bit));
      ContecV7Decoder dec;
      RecordingSink sink(dec);
      dec.feed(bytes, sink);
      const auto frames = frames_of(sink);
      ASSERT_GE(frames.size(), 2u);
      EXPECT_EQ(frames.front(), expected_for(samples[0]));
      EXPECT_EQ(frames.back(), expected_for(samples[2]));
      const bool framing_hit = bit == 7 || pos == 0;
      if (!framing_hit) {
        EXPECT_EQ(frames.size(), 3u);
        EXPECT_TRUE(sink.replies.empty());
        EXPECT_EQ(dec.counters(), (DecoderCounters{3, 0, 0}));
        continue;
      }
      EXPECT_EQ(frames.size(), 2u);  // the damaged live packet is gone
      // The damaged byte, if it lost bit 7, starts a packet of its own type.
      const std::size_t len = (b & 0x80) ? 0 : known_length(b);
      if (len != 0 && len <= 9 - pos) {
        ++spurious_replies;
        EXPECT_EQ(sink.replies.size(), 1u);
        EXPECT_EQ(dec.counters(), (DecoderCounters{3, 9 - len, 0}));
      } else {
        EXPECT_TRUE(sink.replies.empty());
        EXPECT_EQ(dec.counters(), (DecoderCounters{2, 9, 0}));
      }
    }
  }
  // Type 0x01 -> 0x03 (vendor) and 0x11 (notice) at least; data bytes depend on the values.
  EXPECT_GE(spurious_replies, 2);
}

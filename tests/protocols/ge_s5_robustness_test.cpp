// GE S/5 decoder: round trip through the encoder, chunking, garbage, truncation, bit flips.

#include <gtest/gtest.h>

#include <random>

#include "protocols/ge_s5_test_support.hpp"

using namespace vigil;
using namespace vigil::test::ge;
using core::Channel;
using core::ReadingFlag;
using protocols::GeS5Decoder;
using protocols::GeS5NibpMode;
using test::RecordingSink;

namespace {

struct Sample {
  protocols::OximeterState ox;
  protocols::NibpState nibp;
  std::uint32_t time = 0;
  GeS5NibpMode mode = GeS5NibpMode::manual;
};

std::optional<int> maybe(std::mt19937& rng, int lo, int hi) {
  if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) return std::nullopt;
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

Sample random_sample(std::mt19937& rng) {
  Sample s;
  s.ox.spo2 = maybe(rng, 0, 100);
  s.ox.pulse_rate = maybe(rng, 0, 300);
  s.nibp.systolic = maybe(rng, 0, 327);  // 327.67 mmHg is the largest the field holds
  s.nibp.diastolic = maybe(rng, 0, 327);
  s.nibp.mean = maybe(rng, 0, 327);
  s.nibp.pulse_rate = maybe(rng, 0, 300);
  std::bernoulli_distribution coin(0.2);
  s.nibp.flags.set(ReadingFlag::measuring, coin(rng));
  s.nibp.flags.set(ReadingFlag::calibrating, coin(rng));
  s.nibp.flags.set(ReadingFlag::stale, coin(rng));
  s.time = std::uniform_int_distribution<std::uint32_t>()(rng);  // all byte values, incl. 7E/7D
  s.mode = static_cast<GeS5NibpMode>(std::uniform_int_distribution<int>(1, 3)(rng));
  return s;
}

std::vector<std::uint8_t> encode(const Sample& s) {
  std::vector<std::uint8_t> out;
  protocols::encode_displayed_values(s.ox, s.nibp, s.time, out, s.mode);
  return out;
}

std::optional<double> as_double(std::optional<int> v) {
  return v ? std::optional<double>(*v) : std::nullopt;
}

// The six readings of frame `seq` must be exactly what `s` says.
void expect_frame(const RecordingSink& sink, std::size_t seq, const Sample& s) {
  ASSERT_GE(sink.readings.size(), 6 * seq + 6);
  const auto nibp_flags = s.nibp.flags;
  const std::pair<Channel, std::optional<double>> expected[] = {
      {Channel::spo2, as_double(s.ox.spo2)},
      {Channel::pulse_rate, as_double(s.ox.pulse_rate)},
      {Channel::nibp_systolic, as_double(s.nibp.systolic)},
      {Channel::nibp_diastolic, as_double(s.nibp.diastolic)},
      {Channel::nibp_mean, as_double(s.nibp.mean)},
      {Channel::nibp_pulse_rate, as_double(s.nibp.pulse_rate)}};
  for (std::size_t i = 0; i < 6; ++i) {
    const auto& r = sink.readings[6 * seq + i];
    EXPECT_EQ(r.seq, seq);
    EXPECT_EQ(r.reading.channel, expected[i].first);
    EXPECT_EQ(r.reading.value, expected[i].second) << "frame " << seq << " reading " << i;
    EXPECT_EQ(r.reading.device_time_s, s.time);
    EXPECT_EQ(r.reading.flags, i < 2 ? core::ReadingFlags{} : nibp_flags);
  }
}

}  // namespace

TEST(GeS5Robustness, RoundTripThousandsOfStatesInRandomChunks) {
  std::mt19937 rng(20240521);
  std::vector<Sample> samples;
  std::vector<std::uint8_t> stream;
  for (int i = 0; i < 3000; ++i) {
    samples.push_back(random_sample(rng));
    const auto f = encode(samples.back());
    stream.insert(stream.end(), f.begin(), f.end());
  }
  for (const std::size_t max_chunk :
       {std::size_t{1}, std::size_t{7}, std::size_t{400}, std::size_t{0}}) {
    GeS5Decoder decoder;
    RecordingSink sink(decoder);
    test::feed_in_chunks(decoder, stream, sink, rng, max_chunk);
    SCOPED_TRACE(max_chunk);
    EXPECT_EQ(decoder.counters(), (protocols::DecoderCounters{3000, 0, 0}));
    ASSERT_EQ(sink.readings.size(), 6u * 3000);
    for (std::size_t i = 0; i < samples.size(); ++i) expect_frame(sink, i, samples[i]);
    EXPECT_EQ(decoder.last_nibp_mode(), samples.back().mode);
  }
}

TEST(GeS5Robustness, GarbageBetweenFramesIsCountedAndSkipped) {
  std::mt19937 rng(7);
  std::vector<Sample> samples;
  std::vector<std::uint8_t> stream;
  std::uint64_t garbage = 0;
  for (int i = 0; i < 300; ++i) {
    // Random bytes without a flag: exactly these bytes must be counted as discarded.
    const int n = std::uniform_int_distribution<int>(0, 60)(rng);
    for (int k = 0; k < n; ++k) {
      auto b = static_cast<std::uint8_t>(std::uniform_int_distribution<int>(0, 255)(rng));
      if (b == 0x7E) b = 0x00;
      stream.push_back(b);
      ++garbage;
    }
    samples.push_back(random_sample(rng));
    const auto f = encode(samples.back());
    stream.insert(stream.end(), f.begin(), f.end());
  }
  GeS5Decoder decoder;
  RecordingSink sink(decoder);
  test::feed_in_chunks(decoder, stream, sink, rng, 33);
  EXPECT_EQ(decoder.counters().frames, 300u);
  EXPECT_EQ(decoder.counters().bytes_discarded, garbage);
  for (std::size_t i = 0; i < samples.size(); ++i) expect_frame(sink, i, samples[i]);
}

TEST(GeS5Robustness, TruncatedFramesAreDroppedWithoutLosingTheNext) {
  std::mt19937 rng(11);
  std::vector<Sample> kept;
  std::vector<std::uint8_t> stream;
  for (int i = 0; i < 200; ++i) {
    const Sample s = random_sample(rng);
    auto f = encode(s);
    if (i % 3 == 1) {
      // Cut inside the frame, after its opening flag: the closing flag is lost.
      f.resize(std::uniform_int_distribution<std::size_t>(2, f.size() - 2)(rng));
    } else {
      kept.push_back(s);
    }
    stream.insert(stream.end(), f.begin(), f.end());
  }
  GeS5Decoder decoder;
  RecordingSink sink(decoder);
  test::feed_in_chunks(decoder, stream, sink, rng, 64);
  EXPECT_EQ(decoder.counters().frames, kept.size());
  EXPECT_GT(decoder.counters().bytes_discarded, 0u);
  for (std::size_t i = 0; i < kept.size(); ++i) expect_frame(sink, i, kept[i]);
}

// An 8-bit sum catches every single-bit error in the unstuffed record (it changes the sum by
// +-2^k, never 0 mod 256). It does NOT catch: two errors that cancel (+1 in one byte, -1 in
// another), bytes swapped or reordered, or a whole byte of value 0 inserted or removed; here
// r_len catches the length changes, but compensating errors would pass both checks.
TEST(GeS5Robustness, SingleBitFlipsAreCaughtAndNeverInventValues) {
  std::mt19937 rng(3);
  // Flips hit the first three frames; the fourth, untouched, closes whatever a flip left open.
  Sample s[4];
  std::vector<std::uint8_t> stream;
  std::size_t flip_end = 0;
  for (int i = 0; i < 4; ++i) {
    s[i] = random_sample(rng);
    const auto f = encode(s[i]);
    stream.insert(stream.end(), f.begin(), f.end());
    if (i == 2) flip_end = stream.size();
  }
  for (std::size_t pos = 0; pos < flip_end; ++pos) {
    for (int bit = 0; bit < 8; ++bit) {
      auto bad = stream;
      bad[pos] ^= static_cast<std::uint8_t>(1u << bit);
      GeS5Decoder decoder;
      RecordingSink sink(decoder);
      decoder.feed(bad, sink);
      const auto& c = decoder.counters();
      ASSERT_LT(c.frames, 4u) << "flip at " << pos << " bit " << bit << " went unnoticed";
      ASSERT_GT(c.bytes_discarded, 0u);
      ASSERT_EQ(sink.readings.size(), 6 * c.frames);
      // Whatever was decoded is one of the original frames, in order, values intact.
      std::size_t next = 0;
      for (std::size_t f = 0; f < c.frames; ++f) {
        const auto& first = sink.readings[6 * f].reading;
        while (next < 4 && first.device_time_s != s[next].time) ++next;
        ASSERT_LT(next, 4u);
        RecordingSink one(decoder);
        one.readings.assign(sink.readings.begin() + 6 * f, sink.readings.begin() + 6 * f + 6);
        for (auto& r : one.readings) r.seq = 0;
        expect_frame(one, 0, s[next]);
        ++next;
      }
    }
  }
}

TEST(GeS5Robustness, OverlongFrameIsDiscardedAndCounted) {
  std::vector<std::uint8_t> stream{0x7E};
  stream.insert(stream.end(), 5000, 0x11);  // no closing flag for a long time
  const auto good = frame_of(hand_built_record());
  stream.insert(stream.end(), good.begin(), good.end());
  std::mt19937 rng(5);
  GeS5Decoder decoder;
  RecordingSink sink(decoder);
  test::feed_in_chunks(decoder, stream, sink, rng, 100);
  EXPECT_EQ(decoder.oversize_frames(), 1u);
  EXPECT_EQ(decoder.counters().bytes_discarded, 5000u);
  EXPECT_EQ(decoder.counters().frames, 1u);
  EXPECT_EQ(value_of(sink, Channel::spo2), 97.0);
}

TEST(GeS5Robustness, SharedFlagsEmptyFramesAndShortFragments) {
  const auto good = frame_of(hand_built_record());
  std::vector<std::uint8_t> stream = good;
  stream.insert(stream.end(), good.begin() + 1, good.end());  // "7E f 7E f 7E": shared flag
  stream.insert(stream.end(), {0x7E, 0x7E, 0x7E});            // empty frames: ignored
  stream.insert(stream.end(), {0x01, 0x02, 0x7D, 0x7E});      // fragment with a dangling escape
  stream.insert(stream.end(), good.begin(), good.end());
  GeS5Decoder decoder;
  RecordingSink sink(decoder);
  decoder.feed(stream, sink);
  EXPECT_EQ(decoder.counters(), (protocols::DecoderCounters{3, 3, 0}));
}

TEST(GeS5Robustness, RandomNoiseNeverYieldsAFrame) {
  std::mt19937 rng(99);
  std::vector<std::uint8_t> noise(200000);
  for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
  GeS5Decoder decoder;
  RecordingSink sink(decoder);
  test::feed_in_chunks(decoder, noise, sink, rng, 50);
  EXPECT_EQ(decoder.counters().frames, 0u);
  EXPECT_TRUE(sink.readings.empty());
  EXPECT_GT(decoder.counters().bytes_discarded, 190000u);
}

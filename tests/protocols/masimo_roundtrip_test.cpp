// Masimo ASCII 1 codec: random round trips, garbage, truncation and bit flips.

#include <gtest/gtest.h>

#include "protocols/masimo_test_support.hpp"

using namespace masimo_test;

TEST(MasimoAsciiRoundTrip, RandomStatesInRandomChunksDecodeToTheSameValues) {
  std::mt19937 rng(20240611);
  std::vector<Line> lines;
  std::string stream;
  for (int i = 0; i < 3000; ++i) {
    lines.push_back(random_line(rng));
    stream += lines.back().text;
  }
  const auto want = expected_rows(lines);
  for (std::size_t max_chunk : {1, 7, 64, 0}) {
    Decoded d;
    test::feed_in_chunks(d.decoder, as_bytes(stream), d.sink, rng, max_chunk);
    EXPECT_EQ(d.decoder.counters(), (DecoderCounters{lines.size(), 0, 0}));
    EXPECT_EQ(reading_rows(d.sink), want) << "max_chunk " << max_chunk;
    EXPECT_EQ(condition_rows(d.sink), expected_battery_rows(lines));
  }
}

// Intact lines between random garbage, cut-off lines and over-long runs without a line end:
// every intact line is decoded exactly, nothing else becomes a frame, every other byte is
// counted as discarded, and the chunking does not matter.
TEST(MasimoAsciiRobustness, IntactLinesSurviveGarbageAndTruncation) {
  std::mt19937 rng(7);
  std::vector<Line> lines;
  std::string stream;
  std::size_t line_bytes = 0;
  for (int i = 0; i < 1500; ++i) {
    Line l = random_line(rng);
    const auto kind = rng() % 5;  // 4: nothing in front of the line
    if (kind == 0) stream += random_bytes(rng, rng() % 300 + 1, true) + "\r\n";
    if (kind == 1) stream += random_bytes(rng, rng() % 80 + 1, false);  // glued to the line
    if (kind == 2) stream += cut_off(random_line(rng).text, rng);
    if (kind == 3) stream += random_bytes(rng, rng() % 1000 + 257, false);  // over-long
    stream += l.text;
    line_bytes += l.text.size();
    lines.push_back(std::move(l));
  }
  const auto want = expected_rows(lines);
  for (std::size_t max_chunk : {1, 13, 0}) {
    Decoded d;
    test::feed_in_chunks(d.decoder, as_bytes(stream), d.sink, rng, max_chunk);
    EXPECT_EQ(d.decoder.counters(), (DecoderCounters{lines.size(), stream.size() - line_bytes, 0}));
    EXPECT_EQ(d.decoder.buffered_bytes(), 0u);
    EXPECT_EQ(reading_rows(d.sink), want);
    // Garbage can hold no readable ALARM field on a frame, so only battery edges appear.
    EXPECT_EQ(condition_rows(d.sink), expected_battery_rows(lines));
  }
}

// Single-bit flips. There is no checksum, so a flip that turns one digit into another digit
// inside a value (or inside the date, ALARM or EXC) gives a wrong but well-formed number: that
// cannot be caught and is allowed only for the field the flip hit. Everything else is held: a
// flip outside a field never changes its value, dashes never turn into a number, a flipped tag
// or separator only removes fields or the whole frame, a line gives at most one frame, intact
// lines decode exactly, and a line decodes the same alone as inside the stream.
TEST(MasimoAsciiRobustness, SingleBitFlipsNeverInventValuesOutsideTheHitField) {
  std::mt19937 rng(99);
  std::string stream;
  std::vector<ReadingRow> isolated;  // each line decoded alone, renumbered as in the stream
  std::uint64_t frames = 0;
  int flipped_frames = 0;
  for (int i = 0; i < 2000; ++i) {
    const Line l = random_line(rng);
    std::string text = l.text;
    const bool flip = i % 2 == 1;
    const std::size_t pos = rng() % text.size();
    if (flip) text[pos] = static_cast<char>(text[pos] ^ (1 << (rng() % 8)));
    stream += text;
    // Did the flip land in the value after " TAG=" (the date/time for "")?
    auto hit = [&](std::string_view tag) {
      if (!flip) return false;
      if (tag.empty()) return pos < 17;
      const std::size_t at = l.text.find(" " + std::string(tag) + "=");
      if (at == std::string::npos) return false;
      const std::size_t begin = at + tag.size() + 2;
      return pos >= begin && pos < l.text.find_first_of(" \r", begin);
    };
    Decoded d;
    d.feed(text);
    ASSERT_LE(d.decoder.counters().frames, 1u) << text;
    if (!flip) {
      ASSERT_EQ(reading_rows(d.sink), expected_rows(l, 0)) << text;
    }
    if (d.decoder.counters().frames == 0) continue;
    flipped_frames += flip;
    const auto want = expected_values(l);
    for (const auto& r : d.sink.readings) {
      std::size_t k = 0;
      while (k < want.size() && kOrder[k] != r.reading.channel) ++k;
      ASSERT_LT(k, want.size()) << "a channel the line does not carry: " << text;
      const auto& value = want[k];
      constexpr std::array<std::string_view, 6> kTags{"SPO2", "BPM", "PI", "SPCO", "SPMET", "PVI"};
      EXPECT_TRUE(value || !r.reading.value) << "dashes became a number: " << text;
      EXPECT_TRUE(!r.reading.value || r.reading.value == value || hit(kTags[k])) << text;
      EXPECT_TRUE(r.reading.device_time_s == l.time || hit("")) << text;
      const bool extra_flags = (r.reading.flags.bits() & ~l.state.flags.bits()) != 0;
      EXPECT_TRUE(!extra_flags || hit("ALARM") || hit("EXC")) << text;
      isolated.emplace_back(frames, r.reading.channel, r.reading.value, r.reading.flags.bits(),
                            r.reading.device_time_s);
    }
    ++frames;
  }
  EXPECT_GT(flipped_frames, 300);  // many flips land in lines that stay frames
  Decoded d;
  test::feed_in_chunks(d.decoder, as_bytes(stream), d.sink, rng, 31);
  EXPECT_EQ(d.decoder.counters().frames, frames);
  EXPECT_EQ(reading_rows(d.sink), isolated);
}

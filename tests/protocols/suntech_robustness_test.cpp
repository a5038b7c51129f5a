// SunTech Advantage NIBP codec: round trips, garbage, truncation, bit flips, command parser.

#include <gtest/gtest.h>

#include "protocols/suntech_test_support.hpp"

using namespace suntech_test;

TEST(SunTechRoundTrip, RandomRepliesSurviveAnyChunking) {
  std::mt19937 rng(20240611);
  Bytes stream;
  Model m;
  for (int i = 0; i < 5000; ++i) random_reply(rng, stream, m);
  for (std::size_t max_chunk : {std::size_t{1}, std::size_t{3}, std::size_t{17}, std::size_t{0}}) {
    SunTechDecoder d;
    RecordingSink sink(d);
    test::feed_in_chunks(d, stream, sink, rng, max_chunk);
    EXPECT_EQ(items_of(sink), m.items) << "max_chunk " << max_chunk;
    EXPECT_EQ(d.counters(), (DecoderCounters{.frames = m.frames}));
    EXPECT_EQ(d.buffered_bytes(), 0u);
  }
}

TEST(SunTechRobustness, GarbageBetweenPacketsIsSkippedAndCounted) {
  std::mt19937 rng(7);
  Bytes stream;
  Model m;
  std::uint64_t garbage = 0;
  for (int i = 0; i < 2000; ++i) {
    // Garbage without a start byte, so the expected counts are exact.
    const int n = std::uniform_int_distribution<int>(0, 9)(rng);
    for (int k = 0; k < n; ++k, ++garbage) {
      std::uint8_t b = static_cast<std::uint8_t>(rng());
      stream.push_back(b == kSunTechModuleStart ? 0x00 : b);
    }
    random_reply(rng, stream, m);
  }
  SunTechDecoder d;
  RecordingSink sink(d);
  test::feed_in_chunks(d, stream, sink, rng, 5);
  EXPECT_EQ(items_of(sink), m.items);
  EXPECT_EQ(d.counters(), (DecoderCounters{.frames = m.frames, .bytes_discarded = garbage}));
}

TEST(SunTechRobustness, TruncatedPacketDoesNotHideTheNextOne) {
  Bytes full;
  encode_bp_result(nibp(131, 77, 95, 64), 20, full);
  encode_cuff_pressure(142, full);
  encode_ack('K', full);
  Model m;
  m.bp(nibp(131, 77, 95, 64));
  m.cuff(142);
  m.ack('K');
  // Every prefix of a BP reply, then complete packets: the prefix is dropped, nothing invented.
  for (std::size_t cut = 1; cut < kSunTechBpLength; ++cut) {
    Bytes in(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(cut));
    in.insert(in.end(), full.begin(), full.end());
    DecoderCounters c;
    EXPECT_EQ(decode(in, &c), m.items) << "cut " << cut;
    EXPECT_EQ(c.frames, 3u);
    EXPECT_EQ(c.bytes_discarded, cut);
    EXPECT_LE(c.checksum_errors, 1u);
  }
}

TEST(SunTechRobustness, UnknownLengthIsNotAFrame) {
  Bytes in;
  add_packet(in, {0x3E, 0x06, 0x10, 0x20, 0x30});  // valid sum, length 6 is not a reply
  in.push_back(0x3E);
  in.push_back(0xFF);  // a LEN that would run past the end of this buffer
  encode_cuff_pressure(90, in);
  DecoderCounters c;
  Model m;
  m.cuff(90);
  EXPECT_EQ(decode(in, &c), m.items);
  EXPECT_EQ(c, (DecoderCounters{.frames = 1, .bytes_discarded = 8, .checksum_errors = 0}));
}

// A single bit flip changes the byte sum by +/-2^k, never 0 mod 256, so every flip inside a
// packet of unchanged length is a checksum error; a flip in the start or LEN byte makes the
// bytes not a packet. What a mod-256 sum cannot catch: errors that cancel (one byte +n, another
// -n), swapped bytes (a u16 with its halves exchanged), or a length flip that lands on another
// valid LEN whose shorter packet happens to sum to 0 (see CompensatingErrorsPassTheChecksum).
TEST(SunTechRobustness, SingleBitFlipsNeverDecode) {
  std::vector<Bytes> packets(1, kVector);
  for (char l : {'O', 'K', 'A', 'B'}) encode_ack(l, packets.emplace_back());
  for (int p : {0, 1, 150, 255, 256, 300}) encode_cuff_pressure(p, packets.emplace_back());
  for (const Bytes& packet : packets) {
    for (std::size_t bit = 0; bit < packet.size() * 8; ++bit) {
      Bytes in = packet;
      in[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      SunTechDecoder d;
      RecordingSink sink(d);
      d.feed(in, sink);
      EXPECT_EQ(items_of(sink), Items{}) << "bit " << bit;
      EXPECT_EQ(d.counters().frames, 0u);
      if (bit >= 16) {
        EXPECT_EQ(d.counters().checksum_errors, 1u) << "bit " << bit;
      }
      EXPECT_EQ(d.counters().bytes_discarded + d.buffered_bytes(), in.size());
    }
  }
}

TEST(SunTechRobustness, CompensatingErrorsPassTheChecksum) {
  Bytes in = kVector;
  ++in[suntech_bp::systolic];   // 116 ...
  --in[suntech_bp::diastolic];  // ... and 73: the sum is unchanged, so the packet is accepted
  const Items got = decode(in);
  ASSERT_EQ(got.readings.size(), 4u);
  EXPECT_EQ(std::get<2>(got.readings[0]), 116.0);  // documents the limit of a mod-256 sum
}

TEST(SunTechRobustness, RandomBytesKeepTheAccountingStraight) {
  std::mt19937 rng(99);
  for (int round = 0; round < 200; ++round) {
    Bytes in(std::uniform_int_distribution<std::size_t>(0, 400)(rng));
    for (auto& b : in) b = rng() % 4 == 0 ? kSunTechModuleStart : static_cast<std::uint8_t>(rng());
    SunTechDecoder whole;
    RecordingSink whole_sink(whole);
    whole.feed(in, whole_sink);
    SunTechDecoder bytewise;
    RecordingSink bytewise_sink(bytewise);
    test::feed_in_chunks(bytewise, in, bytewise_sink, rng, 1);
    EXPECT_EQ(items_of(bytewise_sink), items_of(whole_sink));
    EXPECT_EQ(bytewise.counters(), whole.counters());
    std::uint64_t frame_bytes = whole_sink.replies.size() * kSunTechAckLength;
    for (const auto& r : whole_sink.readings)
      if (r.reading.channel == Channel::cuff_pressure) frame_bytes += kSunTechCuffLength;
    frame_bytes += whole_sink.conditions.size() * kSunTechBpLength;
    EXPECT_EQ(frame_bytes + whole.counters().bytes_discarded + whole.buffered_bytes(), in.size());
  }
}

TEST(SunTechCommandParser, FindsCommandsBetweenGarbageAndCountsIt) {
  std::mt19937 rng(5);
  Bytes stream;
  std::vector<SunTechCommand> sent;
  std::uint64_t garbage = 0;
  for (int i = 0; i < 3000; ++i) {
    for (int k = std::uniform_int_distribution<int>(0, 4)(rng); k > 0; --k, ++garbage) {
      const auto b = static_cast<std::uint8_t>(rng());
      stream.push_back(b == kSunTechHostStart ? 0x00 : b);
    }
    sent.push_back(static_cast<SunTechCommand>(rng() % 6));
    encode_command(sent.back(), stream);
  }
  SunTechCommandParser parser;
  std::vector<SunTechCommand> seen;
  for (std::size_t pos = 0; pos < stream.size();) {
    const std::size_t n = std::min<std::size_t>(rng() % 7 + 1, stream.size() - pos);
    parser.feed(std::span(stream).subspan(pos, n), [&](SunTechCommand c) { seen.push_back(c); });
    pos += n;
  }
  EXPECT_EQ(seen, sent);
  EXPECT_EQ(parser.counters(),
            (SunTechParserCounters{.commands = sent.size(), .bytes_discarded = garbage}));
}

TEST(SunTechCommandParser, BadChecksumAndUnknownCommandsAreDropped) {
  SunTechCommandParser parser;
  std::vector<SunTechCommand> seen;
  auto on = [&](SunTechCommand c) { seen.push_back(c); };
  parser.feed(bytes_of({0x3A, 0x79, 0x05, 0x00, 0x49}), on);  // checksum off by one
  parser.feed(bytes_of({0x3A, 0x79, 0x07, 0x00, 0x46}), on);  // valid sum, unknown sub-command
  parser.feed(bytes_of({0x3A, 0x3A, 0x20, 0xA6}), on);        // stray start byte, then adult
  EXPECT_EQ(seen, std::vector<SunTechCommand>{SunTechCommand::start_adult});
  EXPECT_EQ(parser.counters(),
            (SunTechParserCounters{.commands = 1, .bytes_discarded = 11, .checksum_errors = 1}));
  EXPECT_EQ(parser.buffered_bytes(), 0u);
}

// SunTech Advantage codec: devices.md vectors, replies, error codes, round trips, robustness.

#include <gtest/gtest.h>

#include <numeric>
#include <optional>
#include <random>
#include <tuple>
#include <vector>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/suntech.hpp"

using namespace vigil;
using namespace vigil::protocols;
using test::bytes_of;
using test::RecordingSink;
using Bytes = std::vector<std::uint8_t>;
using core::Channel;
using core::DeviceConditionKind;

namespace {

// devices.md §7: BP result 115/74 mmHg, HR 85, MAP 88.
const Bytes kVector =
    bytes_of({0x3E, 0x18, 0x73, 0x00, 0x4A, 0x00, 0x1E, 0x01, 0x00, 0x00, 0x00, 0x00,
              0x00, 0x00, 0x31, 0x07, 0x55, 0x00, 0x58, 0x00, 0x00, 0x00, 0x00, 0xE9});

// Every item the decoder produced, flattened so whole streams compare with one EXPECT_EQ.
using ReadingRow = std::tuple<std::uint64_t, Channel, std::optional<double>, std::uint32_t>;
using ConditionRow =
    std::tuple<std::uint64_t, DeviceConditionKind, std::string, std::optional<int>>;
using ReplyRow = std::tuple<std::uint64_t, ReplyKind, int>;
struct Items {
  std::vector<ReadingRow> readings;
  std::vector<ConditionRow> conditions;
  std::vector<ReplyRow> replies;
  friend bool operator==(const Items&, const Items&) = default;
};

Items items_of(const RecordingSink& s) {
  Items out;
  for (const auto& r : s.readings)
    out.readings.emplace_back(r.seq, r.reading.channel, r.reading.value, r.reading.flags.bits());
  for (const auto& c : s.conditions)
    out.conditions.emplace_back(c.seq, c.condition.kind, c.detail, c.condition.code);
  for (const auto& r : s.replies) out.replies.emplace_back(r.seq, r.reply.kind, r.reply.code);
  return out;
}

// Decodes in one piece and again one byte at a time; the two must agree exactly.
Items decode(const Bytes& bytes, DecoderCounters* counters = nullptr) {
  SunTechDecoder d;
  RecordingSink sink(d);
  d.feed(bytes, sink);
  SunTechDecoder bytewise;
  RecordingSink bytewise_sink(bytewise);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytewise.feed({&bytes[i], 1}, bytewise_sink);
  EXPECT_EQ(items_of(bytewise_sink), items_of(sink));
  EXPECT_EQ(bytewise.counters(), d.counters());
  EXPECT_EQ(bytewise.buffered_bytes(), d.buffered_bytes());
  if (counters) *counters = d.counters();
  return items_of(sink);
}

// Appends a module packet: body plus the checksum that makes it sum to 0 mod 256.
void add_packet(Bytes& out, std::initializer_list<int> body) {
  int sum = 0;
  for (int b : body) {
    out.push_back(static_cast<std::uint8_t>(b));
    sum += b;
  }
  out.push_back(static_cast<std::uint8_t>((256 - sum % 256) % 256));
}

// NibpState without designated initialisers (GCC warns about the members left out).
NibpState nibp(std::optional<int> sys, std::optional<int> dia, std::optional<int> map,
               std::optional<int> hr, int error = 0) {
  NibpState s;
  s.systolic = sys;
  s.diastolic = dia;
  s.mean = map;
  s.pulse_rate = hr;
  s.error_code = error;
  return s;
}

const std::uint32_t kMeasuring = core::ReadingFlags{}.set(core::ReadingFlag::measuring).bits();

// The items a valid reply must decode to; also the model for the random round trips.
struct Model {
  Items items;
  std::uint64_t frames = 0;
  void ack(char letter) {
    items.replies.emplace_back(frames++,
                               letter == 'K' ? ReplyKind::measurement_done : ReplyKind::ack,
                               static_cast<int>(letter));
  }
  void cuff(int mmHg) {
    items.readings.emplace_back(frames++, Channel::cuff_pressure, mmHg, kMeasuring);
  }
  void bp(const NibpState& s) {
    const std::uint64_t seq = frames++;
    const bool ok = s.error_code == 0;
    auto v = [&](const std::optional<int>& x) {
      return ok ? std::optional<double>(x.value_or(0)) : std::nullopt;
    };
    items.readings.emplace_back(seq, Channel::nibp_systolic, v(s.systolic), 0u);
    items.readings.emplace_back(seq, Channel::nibp_diastolic, v(s.diastolic), 0u);
    items.readings.emplace_back(seq, Channel::nibp_mean, v(s.mean), 0u);
    items.readings.emplace_back(seq, Channel::nibp_pulse_rate, v(s.pulse_rate), 0u);
    if (ok) {
      items.conditions.emplace_back(seq, DeviceConditionKind::nibp_done, "", std::nullopt);
    } else {
      items.conditions.emplace_back(seq, DeviceConditionKind::nibp_failed,
                                    std::string(suntech_error_name(s.error_code)), s.error_code);
    }
  }
};

// A random valid module reply, appended to `out` and recorded in `model`.
void random_reply(std::mt19937& rng, Bytes& out, Model& model) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  static constexpr std::array<int, 15> kErrors{0,  0,  1,  2,  3,  4,  85, 86,
                                               87, 88, 89, 90, 91, 97, 99};
  switch (pick(0, 2)) {
    case 0: {
      const char letter = "OKAB"[pick(0, 3)];
      encode_ack(letter, out);
      model.ack(letter);
      break;
    }
    case 1: {
      const int p = pick(0, 320);
      encode_cuff_pressure(p, out);
      model.cuff(p);
      break;
    }
    default: {
      NibpState s;
      s.error_code =
          pick(0, 3) == 0
              ? pick(0, 255)
              : kErrors[static_cast<std::size_t>(pick(0, static_cast<int>(kErrors.size()) - 1))];
      if (pick(0, 9) != 0) s.systolic = pick(60, 260);
      if (pick(0, 9) != 0) s.diastolic = pick(30, 160);
      if (pick(0, 9) != 0) s.mean = pick(40, 200);
      if (pick(0, 9) != 0) s.pulse_rate = pick(25, 250);
      encode_bp_result(s, pick(0, 255), out);
      model.bp(s);
      break;
    }
  }
}

}  // namespace

TEST(SunTechVectors, DevicesMdBpResultDecodes) {
  EXPECT_EQ(std::accumulate(kVector.begin(), kVector.end(), 0u) % 256u, 0u);
  DecoderCounters c;
  const Items got = decode(kVector, &c);
  Model m;
  m.bp(nibp(115, 74, 88, 85));
  EXPECT_EQ(got, m.items);
  EXPECT_EQ(c, (DecoderCounters{.frames = 1, .bytes_discarded = 0, .checksum_errors = 0}));
}

TEST(SunTechVectors, EncoderPutsFieldsWhereTheVectorHasThem) {
  Bytes out;
  encode_bp_result(nibp(115, 74, 88, 85), 30, out);
  ASSERT_EQ(out.size(), kVector.size());
  Bytes expected = kVector;
  expected[suntech_bp::status] = 0;  // the encoder writes status and test codes as 0
  expected[14] = expected[15] = 0;
  expected[23] = static_cast<std::uint8_t>(kVector[23] + 0x01 + 0x31 + 0x07);
  EXPECT_EQ(out, expected);
}

TEST(SunTechVectors, HostCommandsByteForByte) {
  const std::vector<std::pair<SunTechCommand, Bytes>> cases{
      {SunTechCommand::start_adult, bytes_of({0x3A, 0x20, 0xA6})},
      {SunTechCommand::start_pediatric, bytes_of({0x3A, 0x87, 0x3F})},
      {SunTechCommand::start_neonatal, bytes_of({0x3A, 0x28, 0x9E})},
      {SunTechCommand::abort, bytes_of({0x3A, 0x79, 0x01, 0x00, 0x4C})},
      {SunTechCommand::get_cuff_pressure, bytes_of({0x3A, 0x79, 0x05, 0x00, 0x48})},
      {SunTechCommand::get_bp_data, bytes_of({0x3A, 0x79, 0x03, 0x00, 0x4A})},
  };
  for (const auto& [cmd, bytes] : cases) {
    Bytes out;
    encode_command(cmd, out);
    EXPECT_EQ(out, bytes) << suntech_command_name(cmd);
    SunTechCommandParser parser;
    std::vector<SunTechCommand> seen;
    parser.feed(bytes, [&](SunTechCommand c) { seen.push_back(c); });
    EXPECT_EQ(seen, std::vector<SunTechCommand>{cmd}) << suntech_command_name(cmd);
  }
}

TEST(SunTechReplies, AckLettersAndMeasurementDone) {
  Bytes in;
  for (char l : {'O', 'K', 'A', 'B'}) encode_ack(l, in);
  EXPECT_EQ(Bytes(in.begin(), in.begin() + 4), bytes_of({0x3E, 0x04, 'O', 0x6F}));
  Model m;
  for (char l : {'O', 'K', 'A', 'B'}) m.ack(l);
  EXPECT_EQ(decode(in), m.items);
}

TEST(SunTechReplies, UnknownAckLetterIsNotAFrame) {
  Bytes in;
  encode_ack('Z', in);
  DecoderCounters c;
  EXPECT_EQ(decode(in, &c), Items{});
  EXPECT_EQ(c, (DecoderCounters{.frames = 0, .bytes_discarded = 4, .checksum_errors = 0}));
}

TEST(SunTechReplies, CuffPressureIsAMeasuringReading) {
  Bytes in;
  add_packet(in, {0x3E, 0x05, 0x96, 0x00});  // 150 mmHg, written by hand
  encode_cuff_pressure(0x012C, in);          // 300 mmHg: the high byte counts
  EXPECT_EQ(Bytes(in.begin() + 5, in.end()), bytes_of({0x3E, 0x05, 0x2C, 0x01, 0x90}));
  Model m;
  m.cuff(150);
  m.cuff(300);
  EXPECT_EQ(decode(in), m.items);
}

TEST(SunTechErrors, EachCodeHasItsNameAndNoValues) {
  const std::vector<std::pair<int, std::string_view>> table{
      {1, "weak signal"},         {2, "erratic signal"},  {3, "out of range"},
      {4, "measurement timeout"}, {85, "blocked valve"},  {86, "user abort"},
      {87, "loose cuff"},         {88, "safety timeout"}, {89, "overpressure"},
      {90, "hardware error"},     {91, "no permission"},  {97, "transducer out of range"},
      {99, "EEPROM failure"}};
  for (const auto& [code, name] : table) {
    EXPECT_EQ(suntech_error_name(code), name);
    EXPECT_TRUE(suntech_error_known(code));
    Bytes in;
    // Leftover numbers in a failed reply must not come out as values.
    encode_bp_result(nibp(120, 80, 93, 70, code), 12, in);
    const Items got = decode(in);
    ASSERT_EQ(got.readings.size(), 4u);
    for (const auto& r : got.readings) EXPECT_EQ(std::get<2>(r), std::nullopt) << code;
    EXPECT_EQ(got.conditions, (std::vector<ConditionRow>{
                                  {0, DeviceConditionKind::nibp_failed, std::string(name), code}}));
  }
}

TEST(SunTechErrors, UnknownCodeKeepsItsNumber) {
  EXPECT_EQ(suntech_error_name(42), "unknown error");
  EXPECT_FALSE(suntech_error_known(42));
  EXPECT_FALSE(suntech_error_known(0));
  Bytes in;
  encode_bp_result(nibp(120, {}, {}, {}, 42), 0, in);
  EXPECT_EQ(
      decode(in).conditions,
      (std::vector<ConditionRow>{{0, DeviceConditionKind::nibp_failed, "unknown error", 42}}));
}

TEST(SunTechEncoder, AbsentValuesAreZeroAndOutOfRangeIsClamped) {
  Bytes in;
  encode_bp_result(nibp({}, {}, {}, {}, 300), 999, in);
  ASSERT_EQ(in.size(), kSunTechBpLength);
  EXPECT_EQ(in[suntech_bp::systolic], 0);
  EXPECT_EQ(in[suntech_bp::beats], 0xFF);
  EXPECT_EQ(in[suntech_bp::error_code], 0xFF);
  Bytes cuff;
  encode_cuff_pressure(-5, cuff);
  encode_cuff_pressure(70000, cuff);
  EXPECT_EQ(cuff, bytes_of({0x3E, 0x05, 0, 0, 0xBD, 0x3E, 0x05, 0xFF, 0xFF, 0xBF}));
}

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

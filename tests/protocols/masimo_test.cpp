// Masimo ASCII 1 codec: devices.md lines, field rules, encoder layout, round trips, robustness.

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/masimo.hpp"

using namespace vigil;
using namespace vigil::protocols;
using core::Channel;
using core::DeviceConditionKind;
using core::ReadingFlag;
using core::ReadingFlags;
using test::RecordingSink;

namespace {

// devices.md §3 / §7. The R7 line there has a placeholder date; a real one is put in.
constexpr std::string_view kRad8 =
    "02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-% "
    "DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800";
constexpr std::int64_t kRad8Time = 1456181265;  // 2016-02-22 22:47:45 UTC
constexpr std::string_view kR7 =
    "02/22/16 22:47:45 SN=0123456789 SPO2=098% BPM=240 PI=20.00% SPCO=01.0% SPMET=00.5% "
    "DESAT=01 PIDELTA=-02 PVI=027 ALARM=0000 EXC=000820";
constexpr std::string_view kR5 = "09/15/10 15:10:29 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800";
constexpr std::int64_t kR5Time = 1284563429;  // 2010-09-15 15:10:29 UTC

// A decoder with its recording sink.
struct Decoded {
  MasimoAsciiDecoder decoder;
  RecordingSink sink{decoder};
  void feed(std::string_view s) {
    decoder.feed({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}, sink);
  }
};

// Every item flattened, so whole streams compare with one EXPECT_EQ.
using ReadingRow = std::tuple<std::uint64_t, Channel, std::optional<double>, std::uint32_t,
                              std::optional<std::int64_t>>;
using ConditionRow = std::tuple<std::uint64_t, DeviceConditionKind, bool, std::string>;
std::vector<ReadingRow> reading_rows(const RecordingSink& s) {
  std::vector<ReadingRow> out;
  for (const auto& r : s.readings) {
    out.emplace_back(r.seq, r.reading.channel, r.reading.value, r.reading.flags.bits(),
                     r.reading.device_time_s);
  }
  return out;
}
std::vector<ConditionRow> condition_rows(const RecordingSink& s) {
  std::vector<ConditionRow> out;
  for (const auto& c : s.conditions) {
    out.emplace_back(c.seq, c.condition.kind, c.condition.active, c.detail);
  }
  return out;
}

ReadingFlags flags_of(std::initializer_list<ReadingFlag> list) {
  ReadingFlags f;
  for (auto x : list) f.set(x);
  return f;
}

// The decoder's channel order; Radical-5, Rad-8 and Radical-7 lines carry the first 3, 5, 6.
constexpr std::array<Channel, 6> kOrder{
    Channel::spo2, Channel::pulse_rate, Channel::perfusion_index,
    Channel::spco, Channel::spmet,      Channel::pvi};
using Values = std::vector<std::optional<double>>;

// Rows of one frame: the first values.size() channels with the same seq, flags and time.
std::vector<ReadingRow> rows(std::uint64_t seq, std::uint32_t flags, std::int64_t time,
                             const Values& values) {
  std::vector<ReadingRow> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.emplace_back(seq, kOrder[i], values[i], flags, time);
  }
  return out;
}

// The Rad-8 line with other ALARM / EXC values.
std::string rad8_with(std::uint32_t alarm, std::uint32_t exc) {
  char tail[64];
  std::snprintf(tail, sizeof tail, " ALARM=%04X EXC=%06X\r\n", alarm, exc);
  return std::string(kRad8.substr(0, kRad8.find(" ALARM="))) + tail;
}

// What one encoded line should decode to.
struct Line {
  OximeterState state;
  MasimoLineFormat format;
  std::int64_t time;
  std::string text;
};

constexpr std::array<ReadingFlag, 10> kMappableFlags{
    ReadingFlag::sensor_off,          ReadingFlag::sensor_fault,
    ReadingFlag::low_perfusion,       ReadingFlag::searching,
    ReadingFlag::interference,        ReadingFlag::low_signal_quality,
    ReadingFlag::sensor_disconnected, ReadingFlag::calibrating,
    ReadingFlag::device_alarm,        ReadingFlag::device_alarm_silenced};

Line random_line(std::mt19937& rng) {
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Line l;
  l.format = static_cast<MasimoLineFormat>(pick(0, 2));
  // Values already on the wire's grid, so the round trip must be exact.
  if (chance(0.85)) l.state.spo2 = pick(0, 100);
  if (chance(0.85)) l.state.pulse_rate = pick(0, 350);
  if (chance(0.85)) l.state.perfusion_index = pick(0, 9999) / 100.0;
  if (chance(0.85)) l.state.spco = pick(0, 999) / 10.0;
  if (chance(0.85)) l.state.spmet = pick(0, 999) / 10.0;
  if (chance(0.85)) l.state.pvi = pick(0, 100);
  for (ReadingFlag f : kMappableFlags) l.state.flags.set(f, chance(0.1));
  l.state.low_battery = chance(0.05);
  // 2000-01-01 .. 2099-12-31: the device's two-digit year.
  l.time = std::uniform_int_distribution<std::int64_t>(946684800, 4102444799)(rng);
  MasimoAsciiEncoder(l.format, static_cast<std::uint64_t>(pick(0, 1 << 30)))
      .encode_line(l.state, l.time, 0, 0, l.text);
  return l;
}

std::optional<double> opt(std::optional<int> v) {
  return v ? std::optional<double>(*v) : std::nullopt;
}

Values expected_values(const Line& l) {
  const OximeterState& s = l.state;
  Values all{opt(s.spo2), opt(s.pulse_rate), s.perfusion_index, s.spco, s.spmet, opt(s.pvi)};
  all.resize(l.format == MasimoLineFormat::radical5 ? 3
             : l.format == MasimoLineFormat::rad8   ? 5
                                                    : 6);
  return all;
}

// The rows a clean decode of `l` as frame `seq` gives.
std::vector<ReadingRow> expected_rows(const Line& l, std::uint64_t seq) {
  return rows(seq, l.state.flags.bits(), l.time, expected_values(l));
}

// Low-battery conditions a clean decode of `lines` gives.
std::vector<ConditionRow> expected_battery_rows(const std::vector<Line>& lines) {
  std::vector<ConditionRow> out;
  bool low = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].state.low_battery != low) {
      low = lines[i].state.low_battery;
      out.emplace_back(i, DeviceConditionKind::low_battery, low, "low_battery");
    }
  }
  return out;
}

std::string random_bytes(std::mt19937& rng, std::size_t n, bool newlines_allowed) {
  std::string out;
  while (out.size() < n) {
    const char c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    if (newlines_allowed || (c != '\r' && c != '\n')) out.push_back(c);
  }
  return out;
}

std::span<const std::uint8_t> as_bytes(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// The rows a clean decode of a whole stream of `lines` gives.
std::vector<ReadingRow> expected_rows(const std::vector<Line>& lines) {
  std::vector<ReadingRow> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (auto& row : expected_rows(lines[i], i)) out.push_back(row);
  }
  return out;
}

// A line cut before its line end.
std::string cut_off(const std::string& line, std::mt19937& rng) {
  return line.substr(0, rng() % (line.size() - 2));
}

}  // namespace

TEST(MasimoAsciiDecoder, Rad8VectorFromDevicesMd) {
  Decoded d;
  d.feed(std::string(kRad8) + "\r\n");
  EXPECT_EQ(d.decoder.counters(), (DecoderCounters{1, 0, 0}));
  const auto want = rows(0, 0, kRad8Time, {98.0, 97.0, 3.6, std::nullopt, std::nullopt});
  EXPECT_EQ(reading_rows(d.sink), want);  // no PVI field, no PVI reading; EXC 800 is no flag
  EXPECT_TRUE(d.sink.conditions.empty());
  EXPECT_EQ(d.decoder.protocol(), "masimo-ascii");
}

TEST(MasimoAsciiDecoder, Radical7AndRadical5ExampleLines) {
  Decoded d;
  d.feed(std::string(kR7) + "\r\n" + std::string(kR5) + "\r\n");
  const auto off = flags_of({ReadingFlag::sensor_off}).bits();  // EXC 820: sensor off + SET
  const auto silenced = flags_of({ReadingFlag::device_alarm_silenced}).bits();  // ALARM 20
  auto want = rows(0, off, kRad8Time, {98.0, 240.0, 20.0, 1.0, 0.5, 27.0});
  for (auto& row : rows(1, silenced, kR5Time, {97.0, 64.0, 11.82})) want.push_back(row);
  EXPECT_EQ(reading_rows(d.sink), want);
  EXPECT_TRUE(d.sink.conditions.empty());  // silenced is a flag, not a condition
  EXPECT_EQ(d.decoder.counters(), (DecoderCounters{2, 0, 0}));
}

TEST(MasimoAsciiDecoder, DashesMalformedAndOutOfRangeValuesAreAbsent) {
  Decoded d;
  d.feed(
      "01/01/20 00:00:00 SPO2=---% BPM=--- PI=--.--% SPCO=--.-% SPMET=--.-% PVI=--- "
      "ALARM=0000 EXC=000001\r\n"
      "01/01/20 00:00:01 SPO2=9x8% BPM=150 PI=3..6% SPCO=% SPMET=-1.0% PVI=101\r\n"
      "01/01/20 00:00:02 SPO2=150% BPM=999 PI=.5% SPCO=1.% SPMET=+--\r\n");
  EXPECT_EQ(d.decoder.counters(), (DecoderCounters{3, 0, 0}));  // malformed lines still frames
  const auto v = d.sink.values(Channel::pulse_rate);
  EXPECT_EQ(v, (std::vector<std::optional<double>>{std::nullopt, 150.0, std::nullopt}));
  for (const auto& r : d.sink.readings) {
    if (r.reading.channel != Channel::pulse_rate || r.seq != 1) {
      EXPECT_FALSE(r.reading.value)
          << "seq " << r.seq << " " << core::channel_name(r.reading.channel);
    }
  }
  EXPECT_EQ(d.sink.readings.size(), 6u + 6u + 5u);
  EXPECT_EQ(d.sink.readings[0].reading.flags, flags_of({ReadingFlag::sensor_off}));
  EXPECT_TRUE(d.sink.readings[6].reading.flags.empty());  // no ALARM / EXC field: no flags
}

TEST(MasimoAsciiDecoder, AcceptsEveryLineEnding) {
  for (std::string_view ending : {"\r\n", "\n\r", "\r", "\n"}) {
    Decoded d;
    std::string stream;
    for (int i = 0; i < 3; ++i) stream += std::string(kRad8) + std::string(ending);
    d.feed(stream);
    EXPECT_EQ(d.decoder.counters(), (DecoderCounters{3, 0, 0})) << ending.size();
    EXPECT_EQ(d.sink.values(Channel::spo2), (std::vector<std::optional<double>>(3, 98.0)));
  }
}

TEST(MasimoAsciiDecoder, ExcBitsMapToFlags) {
  using F = ReadingFlag;
  // clang-format off
  const std::vector<std::pair<std::uint32_t, ReadingFlags>> table{
      {0x1, flags_of({F::sensor_off})},      {0x2, flags_of({F::sensor_fault})},
      {0x4, flags_of({F::low_perfusion})},   {0x8, flags_of({F::searching})},
      {0x10, flags_of({F::interference})},   {0x20, flags_of({F::sensor_off})},
      {0x40, flags_of({F::interference})},   {0x80, flags_of({F::sensor_fault})},
      {0x100, flags_of({F::sensor_fault})},  {0x400, flags_of({F::low_signal_quality})},
      {0x800, {}},                           {0x1000, flags_of({F::sensor_disconnected})},
      {0x2000, flags_of({F::sensor_fault})}, {0x10000, flags_of({F::sensor_fault})},
      {0x20000, flags_of({F::calibrating})}, {0x40000, flags_of({F::sensor_fault})},
      {0x80000, {}},                         {0x1008, flags_of({F::sensor_disconnected, F::searching})}};
  // clang-format on
  for (const auto& [bits, flags] : table) {
    Decoded d;
    d.feed(rad8_with(0, bits));
    ASSERT_EQ(d.sink.readings.size(), 5u);
    for (const auto& r : d.sink.readings) EXPECT_EQ(r.reading.flags, flags) << std::hex << bits;
  }
}

TEST(MasimoAsciiDecoder, AlarmBitsGiveFlagsAndConditionsOnChange) {
  Decoded d;
  for (std::uint32_t alarm : {0x0000u, 0x0012u, 0x0012u, 0x0030u, 0x1000u, 0x0000u}) {
    d.feed(rad8_with(alarm, 0x800));
  }
  const std::vector<ConditionRow> want{
      {1, DeviceConditionKind::device_alarm, true, "spo2_low"},
      {3, DeviceConditionKind::device_alarm, false, "spo2_low"},
      {4, DeviceConditionKind::device_alarm, true, "desaturation"},
      {5, DeviceConditionKind::device_alarm, false, "desaturation"}};
  EXPECT_EQ(condition_rows(d.sink), want);
  EXPECT_EQ(d.sink.conditions[0].condition.code, 0x2);
  const auto flags_at = [&](std::uint64_t seq) { return d.sink.readings[seq * 5].reading.flags; };
  EXPECT_EQ(flags_at(1), flags_of({ReadingFlag::device_alarm}));
  EXPECT_EQ(flags_at(3), flags_of({ReadingFlag::device_alarm, ReadingFlag::device_alarm_silenced}));
  EXPECT_TRUE(flags_at(4).empty());
}

TEST(MasimoAsciiDecoder, LowBatteryIsReportedOnItsEdgesOnly) {
  Decoded d;
  for (const char* alarm : {"0000", "0040", "0050", "00G0", "0040", "0000", "0000"}) {
    d.feed(std::string(kRad8.substr(0, kRad8.find("ALARM="))) + "ALARM=" + alarm +
           " EXC=000800\r\n");
  }
  // "00G0" is unreadable: it says nothing, so the battery state stays low across it.
  const std::vector<ConditionRow> want{{1, DeviceConditionKind::low_battery, true, "low_battery"},
                                       {5, DeviceConditionKind::low_battery, false, "low_battery"}};
  EXPECT_EQ(condition_rows(d.sink), want);
  EXPECT_EQ(d.decoder.counters().frames, 7u);
}

TEST(MasimoAsciiDecoder, LinesWithoutDateSpo2OrBpmAreDiscarded) {
  Decoded d;
  const std::string no_bpm = "02/22/16 22:47:45 SPO2=098% PI=03.60%\r\n";
  const std::string no_date = "SPO2=098% BPM=097 ALARM=0000 EXC=000800\r\n";
  const std::string bad_date = "13/22/16 22:47:45 SPO2=098% BPM=097\r\n";
  const std::string bad_day = "02/30/16 22:47:45 SPO2=098% BPM=097\r\n";
  const std::string bad_time = "02/22/16 24:00:00 SPO2=098% BPM=097\r\n";
  const std::string stream = "hello\r\n" + no_bpm + no_date + bad_date + bad_day + bad_time +
                             "\r\n" + std::string(kRad8) + "\r\n";
  d.feed(stream);
  EXPECT_EQ(d.decoder.counters().frames, 1u);
  EXPECT_EQ(d.decoder.counters().bytes_discarded, stream.size() - kRad8.size() - 2);
  EXPECT_EQ(d.sink.readings.front().seq, 0u);
}

TEST(MasimoAsciiDecoder, RecoversAfterGarbageTruncatedAndOverlongLines) {
  Decoded d;
  const std::string line = std::string(kR7) + "\r\n";
  const std::string garbage = "\x01\xff junk 12/";
  const std::string overlong(1000, 'A');
  const std::string truncated = line.substr(0, line.size() - 8);  // with the next: > 256 bytes
  d.feed(garbage + line + overlong + "\r\n" + line + overlong + line + truncated + line);
  EXPECT_EQ(d.decoder.counters().frames, 4u);
  EXPECT_EQ(d.decoder.counters().bytes_discarded,
            garbage.size() + 2 * overlong.size() + 2 + truncated.size());
  EXPECT_EQ(d.decoder.buffered_bytes(), 0u);
  EXPECT_EQ(d.sink.values(Channel::pvi), (std::vector<std::optional<double>>(4, 27.0)));
  for (const auto& r : d.sink.readings) EXPECT_EQ(r.reading.device_time_s, kRad8Time);
}

TEST(MasimoAsciiEncoder, WritesTheDevicesMdLinesByteForByte) {
  std::string out;
  OximeterState s;
  s.spo2 = 98;
  s.pulse_rate = 97;
  s.perfusion_index = 3.6;
  MasimoAsciiEncoder(MasimoLineFormat::rad8, 56661).encode_line(s, kRad8Time, 0, 0x800, out);
  EXPECT_EQ(out, std::string(kRad8) + "\r\n");

  s.spo2 = 97;
  s.pulse_rate = 64;
  s.perfusion_index = 11.82;
  s.spco = 5.0;  // the Radical-5 line has no SpCO field
  std::vector<std::uint8_t> bytes;
  MasimoAsciiEncoder(MasimoLineFormat::radical5).encode_line(s, kR5Time, 0x20, 0x800, bytes);
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()), std::string(kR5) + "\r\n");

  s = {98, 240, 20.0, 1.0, 0.5, 27, {}, false};
  out.clear();
  MasimoAsciiEncoder(MasimoLineFormat::radical7, 123456789)
      .encode_line(s, kRad8Time, 0, 0x820, out);
  std::string want(kR7);
  want.replace(want.find("DESAT=01 PIDELTA=-02"), 20, "DESAT=-- PIDELTA=+--");  // not in state
  EXPECT_EQ(out, want + "\r\n");
}

TEST(MasimoAsciiEncoder, DashesAbsentValuesAndMergesStateFlags) {
  OximeterState s;
  s.flags.set(ReadingFlag::sensor_off).set(ReadingFlag::device_alarm);
  s.low_battery = true;
  std::string out;
  MasimoAsciiEncoder(MasimoLineFormat::radical7, 7).encode_line(s, 946684800, 0x2, 0x1, out);
  EXPECT_EQ(out,
            "01/01/00 00:00:00 SN=0000000007 SPO2=---% BPM=--- PI=--.--% SPCO=--.-% "
            "SPMET=--.-% DESAT=-- PIDELTA=+-- PVI=--- ALARM=0052 EXC=000021\r\n");
  Decoded d;
  d.feed(out);
  ASSERT_EQ(d.sink.readings.size(), 6u);
  for (const auto& r : d.sink.readings) {
    EXPECT_FALSE(r.reading.value);
    EXPECT_EQ(r.reading.flags, s.flags);
  }
  EXPECT_EQ(d.sink.conditions.size(), 2u);  // spo2_low and low_battery raised
}

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

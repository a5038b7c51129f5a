// Masimo ASCII 1 codec: docs/devices.md lines, field rules, ALARM and EXC bits, encoder layout.

#include <gtest/gtest.h>

#include "protocols/masimo_test_support.hpp"

using namespace masimo_test;

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

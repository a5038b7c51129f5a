#pragma once
// Shared by the Masimo ASCII tests: the docs/devices.md lines, a decoder with its sink, flattened
// rows for whole-stream comparisons, random lines and their expected readings.

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/masimo.hpp"

namespace masimo_test {

using namespace vigil;
using namespace vigil::protocols;
using core::Channel;
using core::DeviceConditionKind;
using core::ReadingFlag;
using core::ReadingFlags;
using test::RecordingSink;

// docs/devices.md. The R7 line there has a placeholder date; a real one is put in.
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
inline std::vector<ReadingRow> reading_rows(const RecordingSink& s) {
  std::vector<ReadingRow> out;
  for (const auto& r : s.readings) {
    out.emplace_back(r.seq, r.reading.channel, r.reading.value, r.reading.flags.bits(),
                     r.reading.device_time_s);
  }
  return out;
}
inline std::vector<ConditionRow> condition_rows(const RecordingSink& s) {
  std::vector<ConditionRow> out;
  for (const auto& c : s.conditions) {
    out.emplace_back(c.seq, c.condition.kind, c.condition.active, c.detail);
  }
  return out;
}

inline ReadingFlags flags_of(std::initializer_list<ReadingFlag> list) {
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
inline std::vector<ReadingRow> rows(std::uint64_t seq, std::uint32_t flags, std::int64_t time,
                                    const Values& values) {
  std::vector<ReadingRow> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.emplace_back(seq, kOrder[i], values[i], flags, time);
  }
  return out;
}

// The Rad-8 line with other ALARM / EXC values.
inline std::string rad8_with(std::uint32_t alarm, std::uint32_t exc) {
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

inline Line random_line(std::mt19937& rng) {
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

inline std::optional<double> opt(std::optional<int> v) {
  return v ? std::optional<double>(*v) : std::nullopt;
}

inline Values expected_values(const Line& l) {
  const OximeterState& s = l.state;
  Values all{opt(s.spo2), opt(s.pulse_rate), s.perfusion_index, s.spco, s.spmet, opt(s.pvi)};
  all.resize(l.format == MasimoLineFormat::radical5 ? 3
             : l.format == MasimoLineFormat::rad8   ? 5
                                                    : 6);
  return all;
}

// The rows a clean decode of `l` as frame `seq` gives.
inline std::vector<ReadingRow> expected_rows(const Line& l, std::uint64_t seq) {
  return rows(seq, l.state.flags.bits(), l.time, expected_values(l));
}

// Low-battery conditions a clean decode of `lines` gives.
inline std::vector<ConditionRow> expected_battery_rows(const std::vector<Line>& lines) {
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

inline std::string random_bytes(std::mt19937& rng, std::size_t n, bool newlines_allowed) {
  std::string out;
  while (out.size() < n) {
    const char c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    if (newlines_allowed || (c != '\r' && c != '\n')) out.push_back(c);
  }
  return out;
}

inline std::span<const std::uint8_t> as_bytes(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// The rows a clean decode of a whole stream of `lines` gives.
inline std::vector<ReadingRow> expected_rows(const std::vector<Line>& lines) {
  std::vector<ReadingRow> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (auto& row : expected_rows(lines[i], i)) out.push_back(row);
  }
  return out;
}

// A line cut before its line end.
inline std::string cut_off(const std::string& line, std::mt19937& rng) {
  return line.substr(0, rng() % (line.size() - 2));
}

}  // namespace masimo_test

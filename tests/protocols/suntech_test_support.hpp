#pragma once
// Shared by the SunTech tests: packet builders, a decoder with its sink, random replies.

#include <gtest/gtest.h>

#include <numeric>
#include <optional>
#include <random>
#include <tuple>
#include <vector>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/suntech.hpp"

namespace suntech_test {

using namespace vigil;
using namespace vigil::protocols;
using test::bytes_of;
using test::RecordingSink;
using Bytes = std::vector<std::uint8_t>;
using core::Channel;
using core::DeviceConditionKind;

// docs/devices.md: BP result 115/74 mmHg, HR 85, MAP 88.
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

inline Items items_of(const RecordingSink& s) {
  Items out;
  for (const auto& r : s.readings)
    out.readings.emplace_back(r.seq, r.reading.channel, r.reading.value, r.reading.flags.bits());
  for (const auto& c : s.conditions)
    out.conditions.emplace_back(c.seq, c.condition.kind, c.detail, c.condition.code);
  for (const auto& r : s.replies) out.replies.emplace_back(r.seq, r.reply.kind, r.reply.code);
  return out;
}

// Decodes in one piece and again one byte at a time; the two must agree exactly.
inline Items decode(const Bytes& bytes, DecoderCounters* counters = nullptr) {
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
inline void add_packet(Bytes& out, std::initializer_list<int> body) {
  int sum = 0;
  for (int b : body) {
    out.push_back(static_cast<std::uint8_t>(b));
    sum += b;
  }
  out.push_back(static_cast<std::uint8_t>((256 - sum % 256) % 256));
}

// NibpState without designated initialisers (GCC warns about the members left out).
inline NibpState nibp(std::optional<int> sys, std::optional<int> dia, std::optional<int> map,
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
inline void random_reply(std::mt19937& rng, Bytes& out, Model& model) {
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

}  // namespace suntech_test

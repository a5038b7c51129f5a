// Shared by the fuzz targets of the protocols without a checksum (Contec legacy and V7, Nonin
// DF8, Masimo ASCII): their live device sessions decode with value confirmation on
// (value_confirmation.hpp). On any bytes, a confirming decoder must
//   - frame exactly as without confirmation (same counters: confirmation only holds items back),
//   - give the same items fed in chunks as fed whole,
//   - pass on only readings the plain decoder passes on too, in the same order (a subsequence:
//     it never invents or alters a value), and
//   - report no more condition changes than the plain decoder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "fuzz_harness.hpp"
#include "vigil/protocols/decoder.hpp"

namespace vigil::fuzz {

struct DecodedItems : protocols::DecoderSink {
  struct Item {
    core::Channel channel;
    bool has_value;
    double value;
    std::uint32_t flags;
    friend bool operator==(const Item&, const Item&) = default;
  };
  void on_reading(const core::Reading& r) override {
    readings.push_back({r.channel, r.value.has_value(), r.value.value_or(0.0), r.flags.bits()});
  }
  void on_condition(const core::DeviceCondition& c) override {
    conditions.push_back(static_cast<int>(c.kind) * 2 + (c.active ? 1 : 0));
  }
  std::vector<Item> readings;
  std::vector<int> conditions;
};

// `make()` returns a new decoder of the protocol under test.
template <typename MakeDecoder>
void check_confirmation(MakeDecoder make, std::span<const std::uint8_t> bytes, std::size_t chunk) {
  auto plain = make();
  auto chunked = make();
  auto whole = make();
  chunked.set_confirmation(true);
  whole.set_confirmation(true);
  DecodedItems p, c, w;
  plain.feed(bytes, p);
  feed_chunked_and_whole(bytes, chunk, chunked, c, whole, w);

  require(whole.counters() == plain.counters() && chunked.counters() == plain.counters());
  require(c.readings == w.readings && c.conditions == w.conditions);
  std::size_t at = 0;
  for (const auto& item : w.readings) {
    while (at < p.readings.size() && !(p.readings[at] == item)) ++at;
    require(at < p.readings.size());
    ++at;
  }
  require(w.conditions.size() <= p.conditions.size());
}

}  // namespace vigil::fuzz

// libFuzzer target for the SunTech codec: the module decoder and the host-command parser.
// The first byte picks the chunk size; the rest is the stream. Invariants checked (abort on
// violation): chunking never changes the output or counters; every byte is accounted for
// (in a frame, discarded, or buffered); a failed BP result carries no values.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "vigil/protocols/suntech.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;

#define FUZZ_CHECK(cond)       \
  do {                         \
    if (!(cond)) std::abort(); \
  } while (0)

// Folds every item into a running digest and counts the bytes of the frames behind them.
class DigestSink : public DecoderSink {
 public:
  void on_reading(const core::Reading& r) override {
    mix(static_cast<std::uint64_t>(r.channel));
    mix(r.flags.bits());
    mix(r.value ? static_cast<std::uint64_t>(*r.value) + 1 : 0);
    if (r.channel == core::Channel::cuff_pressure) {
      frame_bytes += kSunTechCuffLength;
      FUZZ_CHECK(r.value.has_value());
    }
    if (r.value) FUZZ_CHECK(*r.value >= 0 && *r.value <= 65535);
    last_bp_had_value = r.value.has_value();
  }
  void on_condition(const core::DeviceCondition& c) override {
    mix(static_cast<std::uint64_t>(c.kind));
    mix(c.code ? static_cast<std::uint64_t>(*c.code) + 1 : 0);
    mix(c.detail.size());
    frame_bytes += kSunTechBpLength;
    if (c.kind == core::DeviceConditionKind::nibp_failed) {
      FUZZ_CHECK(c.code.has_value() && *c.code != 0 && !c.detail.empty());
      FUZZ_CHECK(!last_bp_had_value);
    } else {
      FUZZ_CHECK(c.kind == core::DeviceConditionKind::nibp_done && last_bp_had_value);
    }
  }
  void on_reply(const DeviceReply& r) override {
    mix(static_cast<std::uint64_t>(r.kind));
    mix(static_cast<std::uint64_t>(r.code));
    frame_bytes += kSunTechAckLength;
  }

  std::uint64_t digest = 1469598103934665603ull;
  std::uint64_t frame_bytes = 0;

 private:
  void mix(std::uint64_t v) { digest = (digest ^ v) * 1099511628211ull; }
  bool last_bp_had_value = false;
};

std::size_t command_length(SunTechCommand c) {
  switch (c) {
    case SunTechCommand::start_adult:
    case SunTechCommand::start_pediatric:
    case SunTechCommand::start_neonatal:
      return 3;
    default:
      return 5;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = data[0] % 32 + 1;
  const std::span<const std::uint8_t> stream(data + 1, size - 1);

  SunTechDecoder whole;
  DigestSink whole_sink;
  whole.feed(stream, whole_sink);

  SunTechDecoder chunked;
  DigestSink chunked_sink;
  for (std::size_t pos = 0; pos < stream.size(); pos += chunk) {
    chunked.feed(stream.subspan(pos, std::min(chunk, stream.size() - pos)), chunked_sink);
  }
  FUZZ_CHECK(whole.counters() == chunked.counters());
  FUZZ_CHECK(whole_sink.digest == chunked_sink.digest);
  FUZZ_CHECK(whole.buffered_bytes() == chunked.buffered_bytes());
  FUZZ_CHECK(whole.buffered_bytes() < kSunTechBpLength);
  FUZZ_CHECK(whole_sink.frame_bytes + whole.counters().bytes_discarded + whole.buffered_bytes() ==
             stream.size());
  FUZZ_CHECK(whole.counters().checksum_errors <= whole.counters().bytes_discarded);

  // The device-side parser on the same bytes, byte by byte against chunked.
  SunTechCommandParser a;
  SunTechCommandParser b;
  std::size_t command_bytes = 0;
  std::uint64_t digest_a = 0;
  std::uint64_t digest_b = 0;
  a.feed(stream, [&](SunTechCommand c) {
    command_bytes += command_length(c);
    digest_a = digest_a * 7 + static_cast<std::uint64_t>(c) + 1;
  });
  for (std::size_t pos = 0; pos < stream.size(); pos += chunk) {
    b.feed(stream.subspan(pos, std::min(chunk, stream.size() - pos)),
           [&](SunTechCommand c) { digest_b = digest_b * 7 + static_cast<std::uint64_t>(c) + 1; });
  }
  FUZZ_CHECK(a.counters() == b.counters() && digest_a == digest_b);
  FUZZ_CHECK(command_bytes + a.counters().bytes_discarded + a.buffered_bytes() == stream.size());
  return 0;
}

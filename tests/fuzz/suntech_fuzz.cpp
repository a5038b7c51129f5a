// libFuzzer target for the SunTech codec: the module decoder and the host-command parser.
// The first byte picks the chunk size; the rest is the stream. Invariants checked (abort on
// violation): chunking never changes the output or counters; every byte is accounted for
// (in a frame, discarded, or buffered); a failed BP result carries no values.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "fuzz_harness.hpp"
#include "vigil/protocols/suntech.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;
using fuzz::require;

// Folds every item into a running digest and counts the bytes of the frames behind them.
class DigestSink : public DecoderSink {
 public:
  void on_reading(const core::Reading& r) override {
    mix(static_cast<std::uint64_t>(r.channel));
    mix(r.flags.bits());
    mix(r.value ? static_cast<std::uint64_t>(*r.value) + 1 : 0);
    if (r.channel == core::Channel::cuff_pressure) {
      frame_bytes += kSunTechCuffLength;
      require(r.value.has_value());
    }
    if (r.value) require(*r.value >= 0 && *r.value <= 65535);
    last_bp_had_value = r.value.has_value();
  }
  void on_condition(const core::DeviceCondition& c) override {
    mix(static_cast<std::uint64_t>(c.kind));
    mix(c.code ? static_cast<std::uint64_t>(*c.code) + 1 : 0);
    mix(c.detail.size());
    frame_bytes += kSunTechBpLength;
    if (c.kind == core::DeviceConditionKind::nibp_failed) {
      require(c.code.has_value() && *c.code != 0 && !c.detail.empty());
      require(!last_bp_had_value);
    } else {
      require(c.kind == core::DeviceConditionKind::nibp_done && last_bp_had_value);
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
  const std::size_t chunk = fuzz::chunk_size(data, 32);
  const auto stream = fuzz::stream_of(data, size);

  SunTechDecoder whole;
  DigestSink whole_sink;
  SunTechDecoder chunked;
  DigestSink chunked_sink;
  fuzz::feed_chunked_and_whole(stream, chunk, chunked, chunked_sink, whole, whole_sink);
  require(whole.counters() == chunked.counters());
  require(whole_sink.digest == chunked_sink.digest);
  require(whole.buffered_bytes() == chunked.buffered_bytes());
  require(whole.buffered_bytes() < kSunTechBpLength);
  require(whole_sink.frame_bytes + whole.counters().bytes_discarded + whole.buffered_bytes() ==
          stream.size());
  require(whole.counters().checksum_errors <= whole.counters().bytes_discarded);

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
  fuzz::for_each_chunk(stream, chunk, [&](auto part) {
    b.feed(part,
           [&](SunTechCommand c) { digest_b = digest_b * 7 + static_cast<std::uint64_t>(c) + 1; });
  });
  require(a.counters() == b.counters() && digest_a == digest_b);
  require(command_bytes + a.counters().bytes_discarded + a.buffered_bytes() == stream.size());
  return 0;
}

// libFuzzer target for the GE S/5 decoder and request parser.
// Invariants: no crash or sanitizer report; chunking (from the first byte) never changes the
// result; items only follow a counted frame; values are finite and within the int16 field.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "fuzz_harness.hpp"
#include "vigil/protocols/ge_s5.hpp"

namespace {

using namespace vigil;

struct Item {
  std::uint64_t seq;
  core::Channel channel;
  bool has_value;
  double value;
  std::uint32_t flags;
  bool operator==(const Item&) const = default;
};

class CheckingSink : public protocols::DecoderSink {
 public:
  explicit CheckingSink(const protocols::Decoder& d) : decoder_(d) {}
  void on_reading(const core::Reading& r) override {
    const std::uint64_t frames = decoder_.counters().frames;
    if (frames == 0) std::abort();  // an item before any frame was counted
    if (r.value && (!std::isfinite(*r.value) || std::fabs(*r.value) > 32767.0)) std::abort();
    items.push_back(
        {frames - 1, r.channel, r.value.has_value(), r.value.value_or(0.0), r.flags.bits()});
  }
  void on_condition(const core::DeviceCondition&) override {}
  std::vector<Item> items;

 private:
  const protocols::Decoder& decoder_;
};

using fuzz::require;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = fuzz::chunk_size(data, 64);
  const auto input = fuzz::stream_of(data, size);

  protocols::GeS5Decoder whole;
  CheckingSink whole_sink(whole);
  whole.feed(input, whole_sink);

  protocols::GeS5Decoder chunked;
  CheckingSink chunked_sink(chunked);
  protocols::GeS5RequestParser parser_whole;
  protocols::GeS5RequestParser parser_chunked;
  (void)parser_whole.feed(input);
  fuzz::for_each_chunk(input, chunk, [&](auto part) {
    const auto before = chunked.counters();
    chunked.feed(part, chunked_sink);
    const auto& after = chunked.counters();
    require(after.frames >= before.frames && after.bytes_discarded >= before.bytes_discarded &&
            after.checksum_errors >= before.checksum_errors);
    (void)parser_chunked.feed(part);
  });

  require(whole.counters() == chunked.counters());
  require(whole_sink.items == chunked_sink.items);
  require(whole.last_nibp_mode() == chunked.last_nibp_mode());
  require(whole.counters().bytes_discarded <= input.size());
  require(whole_sink.items.size() % 6 == 0);
  require(parser_whole.counters() == parser_chunked.counters());
  return 0;
}

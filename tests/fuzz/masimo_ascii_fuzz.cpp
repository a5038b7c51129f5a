// libFuzzer target for the Masimo ASCII 1 decoder. The first byte sets the chunk size; the rest
// is fed in those chunks and once whole. Invariants (a violation traps):
//  - chunking does not change anything the decoder reports (items, order, counters);
//  - values are absent or inside the channel's valid range, every reading has a device time;
//  - counters add up: no checksum errors, frame bytes + discarded + buffered = input size;
//  - after any input, a line end followed by a good line decodes that line exactly.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "confirmation_check.hpp"
#include "fuzz_harness.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/protocols/masimo.hpp"

using namespace vigil;
using namespace vigil::protocols;
using fuzz::require;

namespace {

// Folds every item into a hash, and checks each item as it arrives.
class CheckingSink : public DecoderSink {
 public:
  explicit CheckingSink(const Decoder& decoder) : decoder_(decoder) {}

  void on_reading(const core::Reading& r) override {
    require(decoder_.counters().frames > 0 && r.device_time_s.has_value());
    const auto& info = core::channel_info(r.channel);
    if (r.value) {
      require(std::isfinite(*r.value) && *r.value >= info.min_valid && *r.value <= info.max_valid);
    }
    mix(decoder_.counters().frames);
    mix(static_cast<std::uint64_t>(r.channel));
    mix(r.value ? static_cast<std::uint64_t>(*r.value * 100 + 1) : 0);
    mix(r.flags.bits());
    mix(static_cast<std::uint64_t>(*r.device_time_s));
    last = r;
    ++readings;
  }
  void on_condition(const core::DeviceCondition& c) override {
    require(c.kind == core::DeviceConditionKind::low_battery ||
            c.kind == core::DeviceConditionKind::device_alarm);
    require(!c.detail.empty() && c.code.has_value());
    mix(decoder_.counters().frames);
    mix(static_cast<std::uint64_t>(*c.code) * 2 + (c.active ? 1 : 0));
  }

  std::uint64_t hash = 0;
  std::uint64_t readings = 0;
  core::Reading last;

 private:
  void mix(std::uint64_t v) { hash = (hash ^ v) * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL; }
  const Decoder& decoder_;
};

void feed(MasimoAsciiDecoder& d, std::string_view s, DecoderSink& sink) {
  d.feed({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = fuzz::chunk_size(data, 64);
  const auto input = fuzz::stream_of(data, size);

  MasimoAsciiDecoder chunked;
  MasimoAsciiDecoder whole;
  CheckingSink chunked_sink(chunked);
  CheckingSink whole_sink(whole);
  fuzz::feed_chunked_and_whole(input, chunk, chunked, chunked_sink, whole, whole_sink);
  require(chunked.counters() == whole.counters());
  require(chunked.buffered_bytes() == whole.buffered_bytes());
  require(chunked_sink.hash == whole_sink.hash && chunked_sink.readings == whole_sink.readings);

  const auto& c = whole.counters();
  require(c.checksum_errors == 0);
  require(whole.buffered_bytes() <= MasimoAsciiDecoder::max_line_length);
  require(c.bytes_discarded + whole.buffered_bytes() <= input.size());
  // The shortest frame: "MM/DD/YY HH:MM:SS SPO2= BPM=" and a line end, 29 bytes.
  require(c.frames * 29 <= input.size() - c.bytes_discarded - whole.buffered_bytes());
  require(whole_sink.readings <= c.frames * 6);

  vigil::fuzz::check_confirmation([] { return MasimoAsciiDecoder{}; }, input, chunk);

  // Resynchronisation: end whatever is pending, then one good line must decode exactly.
  OximeterState state;
  state.spo2 = data[0] % 101;
  state.pulse_rate = static_cast<int>(size % 351);
  feed(whole, "\n", whole_sink);
  const std::uint64_t frames_before = whole.counters().frames;
  std::string line;
  MasimoAsciiEncoder(MasimoLineFormat::radical5).encode_line(state, 1456181265, 0, 0, line);
  feed(whole, line, whole_sink);
  require(whole.counters().frames == frames_before + 1);
  require(whole.buffered_bytes() == 0);
  require(whole_sink.last.channel == core::Channel::perfusion_index && !whole_sink.last.value);
  require(whole_sink.last.device_time_s == 1456181265 && whole_sink.last.flags.empty());
  return 0;
}

// libFuzzer: the Contec legacy decoder on arbitrary bytes. Byte 0 picks the chunk size; the rest
// is fed once in those chunks and once whole, and both runs must agree.

#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "confirmation_check.hpp"
#include "fuzz_harness.hpp"
#include "vigil/protocols/contec.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;
using fuzz::require;

bool in_range(const std::optional<double>& v, double lo, double hi) {
  return !v || (*v >= lo && *v <= hi);
}

class CheckingSink : public DecoderSink {
 public:
  explicit CheckingSink(const Decoder& d) : decoder_(d) {}
  void on_reading(const core::Reading& r) override {
    require(decoder_.counters().frames >= 1);
    switch (r.channel) {
      case core::Channel::pleth:
        require(in_range(r.value, 0, 127));
        break;
      case core::Channel::pulse_rate:
        require(in_range(r.value, 0, 254));
        break;
      case core::Channel::spo2:
        require(in_range(r.value, 0, 100));
        break;
      default:
        require(false);
    }
    values.push_back(r.value ? *r.value : -1.0);
    flags.push_back(r.flags.bits());
  }
  void on_condition(const core::DeviceCondition& c) override {
    require(c.kind == core::DeviceConditionKind::sensor_fault);
    ++conditions;
  }
  void on_reply(const DeviceReply&) override { require(false); }  // the legacy stream has none

  std::vector<double> values;
  std::vector<std::uint32_t> flags;
  int conditions = 0;

 private:
  const Decoder& decoder_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = fuzz::chunk_size(data, 16);
  const auto bytes = fuzz::stream_of(data, size);

  ContecLegacyDecoder chunked, whole;
  CheckingSink a(chunked), b(whole);
  fuzz::feed_chunked_and_whole(bytes, chunk, chunked, a, whole, b);

  const auto& c = chunked.counters();
  require(c == whole.counters());
  require(a.values == b.values && a.flags == b.flags && a.conditions == b.conditions);
  require(c.checksum_errors == 0);
  require(a.values.size() == 3 * c.frames);
  // Every byte is decoded, discarded, or pending in an unfinished frame (< 5 bytes).
  const std::uint64_t used = 5 * c.frames + c.bytes_discarded;
  require(used <= bytes.size() && bytes.size() - used < 5);
  if (c.frames > 0) {
    const auto s = chunked.last_signal();
    require(s && s->strength >= 0 && s->strength <= 15 && s->bar_graph >= 0 && s->bar_graph <= 15);
  }
  vigil::fuzz::check_confirmation([] { return ContecLegacyDecoder{}; }, bytes, chunk);
  return 0;
}

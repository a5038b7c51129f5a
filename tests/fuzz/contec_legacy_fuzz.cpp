// libFuzzer: the Contec legacy decoder on arbitrary bytes. Byte 0 picks the chunk size; the rest
// is fed once in those chunks and once whole, and both runs must agree.

#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "confirmation_check.hpp"
#include "vigil/protocols/contec.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;

void check(bool ok) {
  if (!ok) std::abort();
}

bool in_range(const std::optional<double>& v, double lo, double hi) {
  return !v || (*v >= lo && *v <= hi);
}

class CheckingSink : public DecoderSink {
 public:
  explicit CheckingSink(const Decoder& d) : decoder_(d) {}
  void on_reading(const core::Reading& r) override {
    check(decoder_.counters().frames >= 1);
    switch (r.channel) {
      case core::Channel::pleth:
        check(in_range(r.value, 0, 127));
        break;
      case core::Channel::pulse_rate:
        check(in_range(r.value, 0, 254));
        break;
      case core::Channel::spo2:
        check(in_range(r.value, 0, 100));
        break;
      default:
        check(false);
    }
    values.push_back(r.value ? *r.value : -1.0);
    flags.push_back(r.flags.bits());
  }
  void on_condition(const core::DeviceCondition& c) override {
    check(c.kind == core::DeviceConditionKind::sensor_fault);
    ++conditions;
  }
  void on_reply(const DeviceReply&) override { check(false); }  // the legacy stream has none

  std::vector<double> values;
  std::vector<std::uint32_t> flags;
  int conditions = 0;

 private:
  const Decoder& decoder_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 16;
  const std::span<const std::uint8_t> bytes(data + 1, size - 1);

  ContecLegacyDecoder chunked, whole;
  CheckingSink a(chunked), b(whole);
  for (std::size_t pos = 0; pos < bytes.size(); pos += chunk) {
    chunked.feed(bytes.subspan(pos, std::min(chunk, bytes.size() - pos)), a);
  }
  whole.feed(bytes, b);

  const auto& c = chunked.counters();
  check(c == whole.counters());
  check(a.values == b.values && a.flags == b.flags && a.conditions == b.conditions);
  check(c.checksum_errors == 0);
  check(a.values.size() == 3 * c.frames);
  // Every byte is decoded, discarded, or pending in an unfinished frame (< 5 bytes).
  const std::uint64_t used = 5 * c.frames + c.bytes_discarded;
  check(used <= bytes.size() && bytes.size() - used < 5);
  if (c.frames > 0) {
    const auto s = chunked.last_signal();
    check(s && s->strength >= 0 && s->strength <= 15 && s->bar_graph >= 0 && s->bar_graph <= 15);
  }
  vigil::fuzz::check_confirmation([] { return ContecLegacyDecoder{}; }, bytes, chunk);
  return 0;
}

// libFuzzer: the Contec V7 decoder and host-command parser on arbitrary bytes. Byte 0 picks the
// chunk size; the rest is fed once in those chunks and once whole, and both runs must agree.

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
      case core::Channel::perfusion_index:
        require(in_range(r.value, 0, 22));
        break;
      default:
        require(false);
    }
    // Probe error freezes the pleth: it must never come out as a number.
    if (r.channel == core::Channel::pleth && r.flags.has(core::ReadingFlag::sensor_off)) {
      require(!r.value);
    }
    values.push_back(r.value ? *r.value : -1.0);
    flags.push_back(r.flags.bits());
  }
  void on_condition(const core::DeviceCondition& c) override {
    require(c.kind == core::DeviceConditionKind::sensor_off);
    ++conditions;
  }
  void on_reply(const DeviceReply& r) override {
    require(r.text_length <= r.text.size());
    require(r.kind != ReplyKind::measurement_done);
    replies.push_back(static_cast<int>(r.kind) * 1000 + r.code);
  }

  std::vector<double> values;
  std::vector<std::uint32_t> flags;
  std::vector<int> replies;
  int conditions = 0;

 private:
  const Decoder& decoder_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = fuzz::chunk_size(data, 16);
  const auto bytes = fuzz::stream_of(data, size);

  ContecV7Decoder chunked, whole;
  CheckingSink a(chunked), b(whole);
  fuzz::feed_chunked_and_whole(bytes, chunk, chunked, a, whole, b);

  const auto& c = chunked.counters();
  require(c == whole.counters());
  require(a.values == b.values && a.flags == b.flags && a.replies == b.replies &&
          a.conditions == b.conditions);
  require(c.checksum_errors == 0);
  require(a.values.size() % 4 == 0 && a.values.size() / 4 + a.replies.size() == c.frames);
  // Packets are 2-9 bytes; anything else was discarded or is pending (< 9 bytes).
  require(2 * c.frames + c.bytes_discarded <= bytes.size());
  require(9 * c.frames + c.bytes_discarded + 9 > bytes.size());

  ContecV7CommandParser parser;
  std::uint64_t commands = 0;
  for (auto byte : bytes) {
    if (auto p = parser.push(byte)) {
      ++commands;
      require(!p->command || static_cast<std::uint8_t>(*p->command) == p->code);
    }
  }
  require(commands == parser.packets());
  require(9 * commands + parser.bytes_discarded() <= bytes.size());
  vigil::fuzz::check_confirmation([] { return ContecV7Decoder{}; }, bytes, chunk);
  return 0;
}

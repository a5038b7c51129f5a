// libFuzzer: the Contec V7 decoder and host-command parser on arbitrary bytes. Byte 0 picks the
// chunk size; the rest is fed once in those chunks and once whole, and both runs must agree.

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
      case core::Channel::perfusion_index:
        check(in_range(r.value, 0, 22));
        break;
      default:
        check(false);
    }
    // Probe error freezes the pleth: it must never come out as a number.
    if (r.channel == core::Channel::pleth && r.flags.has(core::ReadingFlag::sensor_off)) {
      check(!r.value);
    }
    values.push_back(r.value ? *r.value : -1.0);
    flags.push_back(r.flags.bits());
  }
  void on_condition(const core::DeviceCondition& c) override {
    check(c.kind == core::DeviceConditionKind::sensor_off);
    ++conditions;
  }
  void on_reply(const DeviceReply& r) override {
    check(r.text_length <= r.text.size());
    check(r.kind != ReplyKind::measurement_done);
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
  const std::size_t chunk = 1 + data[0] % 16;
  const std::span<const std::uint8_t> bytes(data + 1, size - 1);

  ContecV7Decoder chunked, whole;
  CheckingSink a(chunked), b(whole);
  for (std::size_t pos = 0; pos < bytes.size(); pos += chunk) {
    chunked.feed(bytes.subspan(pos, std::min(chunk, bytes.size() - pos)), a);
  }
  whole.feed(bytes, b);

  const auto& c = chunked.counters();
  check(c == whole.counters());
  check(a.values == b.values && a.flags == b.flags && a.replies == b.replies &&
        a.conditions == b.conditions);
  check(c.checksum_errors == 0);
  check(a.values.size() % 4 == 0 && a.values.size() / 4 + a.replies.size() == c.frames);
  // Packets are 2-9 bytes; anything else was discarded or is pending (< 9 bytes).
  check(2 * c.frames + c.bytes_discarded <= bytes.size());
  check(9 * c.frames + c.bytes_discarded + 9 > bytes.size());

  ContecV7CommandParser parser;
  std::uint64_t commands = 0;
  for (auto byte : bytes) {
    if (auto p = parser.push(byte)) {
      ++commands;
      check(!p->command || static_cast<std::uint8_t>(*p->command) == p->code);
    }
  }
  check(commands == parser.packets());
  check(9 * commands + parser.bytes_discarded() <= bytes.size());
  vigil::fuzz::check_confirmation([] { return ContecV7Decoder{}; }, bytes, chunk);
  return 0;
}

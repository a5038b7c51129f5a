// libFuzzer target for the Nonin DF8 decoder: any bytes, any chunking (derived from the
// first byte) must give the same items as one feed, keep values in range and account for
// every byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "vigil/core/channel.hpp"
#include "vigil/protocols/nonin.hpp"

namespace {

using vigil::core::Channel;
using vigil::protocols::NoninDecoder;
using vigil::protocols::NoninFormat;

constexpr NoninFormat kFormat = NoninFormat::df8;

void require(bool ok) {
  if (!ok) std::abort();
}

// Checks each item and folds it into a digest, so two runs can be compared without storing.
class CheckingSink : public vigil::protocols::DecoderSink {
 public:
  void on_reading(const vigil::core::Reading& r) override {
    const Channel c = r.channel;
    require(c == Channel::pleth || c == Channel::spo2 || c == Channel::pulse_rate);
    require(kFormat != NoninFormat::df8 || c != Channel::pleth);
    if (r.value) {
      const double v = *r.value;
      require(v == static_cast<double>(static_cast<long>(v)));
      const double max = c == Channel::spo2            ? 100.0
                         : c == Channel::pulse_rate    ? 350.0
                         : kFormat == NoninFormat::df2 ? 255.0
                                                       : 65535.0;
      require(v >= 0.0 && v <= max);
    }
    mix(static_cast<std::uint64_t>(c));
    mix(r.value ? static_cast<std::uint64_t>(*r.value) + 1 : 0);
    mix(r.flags.bits());
  }
  void on_condition(const vigil::core::DeviceCondition& c) override {
    require(c.kind == vigil::core::DeviceConditionKind::low_battery);
    require(c.active != low_battery_);  // reported on change only
    low_battery_ = c.active;
    mix(1000 + static_cast<std::uint64_t>(c.active));
  }
  std::uint64_t digest = 0;

 private:
  void mix(std::uint64_t v) { digest = (digest ^ v) * 0x100000001B3ull; }
  bool low_battery_ = false;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> bytes(data + 1, size - 1);
  const std::size_t frame = kFormat == NoninFormat::df8 ? 4 : 5;

  NoninDecoder chunked(kFormat);
  CheckingSink a;
  std::uint32_t seed = data[0];
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    seed = seed * 1103515245u + 12345u;
    std::size_t n = 1 + (seed >> 16) % (1 + (data[0] & 0x1F));
    if (n > bytes.size() - pos) n = bytes.size() - pos;
    chunked.feed(bytes.subspan(pos, n), a);
    pos += n;
  }

  NoninDecoder whole(kFormat);
  CheckingSink b;
  whole.feed(bytes, b);

  require(a.digest == b.digest);
  require(chunked.counters() == whole.counters());
  require(chunked.buffered_bytes() == whole.buffered_bytes());
  const auto& c = whole.counters();
  require(c.frames * frame + c.bytes_discarded + whole.buffered_bytes() == bytes.size());
  require(whole.buffered_bytes() < 2 * frame);
  require(kFormat != NoninFormat::df8 || c.checksum_errors == 0);
  if (auto fw = whole.firmware_revision()) require(*fw >= 0 && *fw <= 127);
  if (auto s = whole.last_display().spo2) require(*s >= 0 && *s <= 100);
  if (auto p = whole.last_display().pulse_rate) require(*p >= 0 && *p <= 350);
  return 0;
}

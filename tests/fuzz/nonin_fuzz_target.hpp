// Shared body of the Nonin libFuzzer targets (one per data format): any bytes, any chunking
// (derived from the first byte) must give the same items as one feed, keep values in range and
// account for every byte. DF2/DF7: SpO2 and rate come only as a confirmed packet (rate then SpO2,
// at one frame, at least a packet after the previous one, with any low battery edge at that frame);
// finish() adds at most the trailing packet, once.
#pragma once
// Each target defines VIGIL_NONIN_FUZZ_FORMAT (df2, df7 or df8) before including this file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "confirmation_check.hpp"
#include "fuzz_harness.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/protocols/nonin.hpp"

namespace {

using vigil::core::Channel;
using vigil::protocols::NoninDecoder;
using vigil::protocols::NoninFormat;

constexpr NoninFormat kFormat = NoninFormat::VIGIL_NONIN_FUZZ_FORMAT;

constexpr bool kPackets = kFormat != NoninFormat::df8;

using vigil::fuzz::require;

// Checks each item and folds it into a digest, so two runs can be compared without storing.
class CheckingSink : public vigil::protocols::DecoderSink {
 public:
  explicit CheckingSink(const NoninDecoder& decoder) : decoder_(decoder) {}
  void on_reading(const vigil::core::Reading& r) override {
    const Channel c = r.channel;
    const std::uint64_t seq = decoder_.counters().frames - 1;
    require(c == Channel::pleth || c == Channel::spo2 || c == Channel::pulse_rate);
    require(kPackets || c != Channel::pleth);
    if (r.value) {
      const double v = *r.value;
      require(v == static_cast<double>(static_cast<long>(v)));
      const double max = c == Channel::spo2            ? 100.0
                         : c == Channel::pulse_rate    ? 350.0
                         : kFormat == NoninFormat::df2 ? 255.0
                                                       : 65535.0;
      require(v >= 0.0 && v <= max);
    }
    if (kPackets) {
      require(!finished_);  // a second finish() emits nothing
      if (c == Channel::pleth) {
        require(!finishing);
        ++pleth;
      } else if (c == Channel::pulse_rate) {
        // A packet is 25 frames; confirming it takes a 26th.
        if (!finishing) require(seq >= 25 && (packets == 0 || seq >= last_packet_ + 25));
        ++packets;
        last_packet_ = seq;
      } else {
        require(previous_ == Channel::pulse_rate && seq == last_packet_);
      }
    }
    previous_ = c;
    mix(static_cast<std::uint64_t>(c));
    mix(r.value ? static_cast<std::uint64_t>(*r.value) + 1 : 0);
    mix(r.flags.bits());
  }
  void on_condition(const vigil::core::DeviceCondition& c) override {
    require(c.kind == vigil::core::DeviceConditionKind::low_battery);
    require(c.active != low_battery_);  // reported on change only
    if (kPackets) {
      require(!finished_ && previous_ == Channel::spo2);
      require(decoder_.counters().frames - 1 == last_packet_);
    }
    low_battery_ = c.active;
    mix(1000 + static_cast<std::uint64_t>(c.active));
  }
  void finish(NoninDecoder& d) {
    finishing = true;
    d.finish(*this);
    finished_ = true;
  }
  std::uint64_t digest = 0;
  std::uint64_t pleth = 0;
  std::uint64_t packets = 0;
  bool finishing = false;

 private:
  void mix(std::uint64_t v) { digest = (digest ^ v) * 0x100000001B3ull; }
  const NoninDecoder& decoder_;
  bool low_battery_ = false;
  bool finished_ = false;
  Channel previous_ = Channel::pleth;
  std::uint64_t last_packet_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> bytes(data + 1, size - 1);
  const std::size_t frame = kPackets ? 5 : 4;

  NoninDecoder chunked(kFormat);
  CheckingSink a(chunked);
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
  CheckingSink b(whole);
  whole.feed(bytes, b);

  require(a.digest == b.digest);
  require(chunked.counters() == whole.counters());
  require(chunked.buffered_bytes() == whole.buffered_bytes());
  require(chunked.packets_dropped() == whole.packets_dropped());
  const auto& c = whole.counters();
  require(c.frames * frame + c.bytes_discarded + whole.buffered_bytes() == bytes.size());
  require(whole.buffered_bytes() < 2 * frame);
  if (kPackets) {
    require(b.pleth == c.frames);
    // Every packet is confirmed, dropped or still open: each spans at least one frame.
    require(b.packets + whole.packets_dropped() <= c.frames);
  } else {
    require(c.checksum_errors == 0 && whole.packets_dropped() == 0);
  }

  vigil::fuzz::check_confirmation([] { return NoninDecoder(kFormat); }, bytes, 1 + data[0] % 16);

  const std::uint64_t confirmed = b.packets;
  a.finish(chunked);
  b.finish(whole);
  require(a.digest == b.digest);
  require(b.packets <= confirmed + 1);
  const std::uint64_t digest = b.digest;
  b.finish(whole);  // already consumed: aborts in the sink if anything comes out
  require(b.digest == digest);
  if (auto fw = whole.firmware_revision()) require(*fw >= 0 && *fw <= 127);
  if (auto s = whole.last_display().spo2) require(*s >= 0 && *s <= 100);
  if (auto p = whole.last_display().pulse_rate) require(*p >= 0 && *p <= 350);
  return 0;
}

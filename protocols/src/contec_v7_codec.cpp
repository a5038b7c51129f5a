// Contec V7.0 9-byte protocol: decoder (live and reply packets) and live-packet encoder.
//
// Packet: type (bit 7 = 0), high byte (bit 7 = 1, bit k = bit 7 of byte k + 2), then data bytes
// sent as 0x80 | d. No checksum: framing by bit 7 and the known type lengths is the only check.
// Live 0x01 data (after restore): [0] b0-3 signal, b4 searching too long, b5 low SpO2, b6 beep,
// b7 probe error; [1] pleth, b7 searching; [2] b0-3 bar graph, b4 PI invalid; [3] PR;
// [4] SpO2; [5..6] PI x 100, little endian.

#include <algorithm>
#include <cmath>
#include <cstring>

#include "contec_readings.hpp"
#include "contec_v7_wire.hpp"
#include "vigil/protocols/contec.hpp"

namespace vigil::protocols {

namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;

constexpr std::uint8_t kLiveType = 0x01;
constexpr std::size_t kLiveLength = 9;
constexpr int kMaxValidSpo2 = 100;

// True when the 8 bytes after p[0] all have bit 7 set (a whole live packet's framing).
inline bool high_bits_set(const std::uint8_t* p) {
  std::uint64_t w;
  std::memcpy(&w, p + 1, sizeof w);
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  return (w & kHigh) == kHigh;
}

}  // namespace

std::size_t contec_v7_packet_length(std::uint8_t type) {
  switch (type) {
    case 0x01:  // live
      return 9;
    case 0x02:  // model text (UNVERIFIED length)
    case 0x03:  // vendor text (UNVERIFIED length)
    case 0x04:  // device id text (UNVERIFIED length)
    case 0x11:  // notice (UNVERIFIED length)
      return 9;
    case 0x0B:  // unknown command, reason (UNVERIFIED length)
    case 0x0E:  // PI support flag (UNVERIFIED length)
      return 3;
    case 0x0C:  // stop ack `0C 80`
      return 2;
    default:
      return 0;
  }
}

std::optional<int> ContecV7Decoder::last_signal_strength() const {
  if (!last_signal_) return std::nullopt;
  return last_signal_->strength;
}

void ContecV7Decoder::feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) {
  const std::uint8_t* p = bytes.data();
  const std::uint8_t* const end = p + bytes.size();
  while (p != end) {
    // Fast path: a whole live packet straight from the input, no copy.
    if (len_ == 0 && end - p >= static_cast<std::ptrdiff_t>(kLiveLength) && p[0] == kLiveType &&
        high_bits_set(p)) {
      ++counters_.frames;
      decode_live(p, sink);
      p += kLiveLength;
      continue;
    }
    const std::uint8_t b = *p++;
    if ((b & 0x80u) == 0) {
      // Only a type byte has bit 7 clear: an unfinished packet before it is dropped.
      counters_.bytes_discarded += len_;
      len_ = 0;
      need_ = contec_v7_packet_length(b);
      if (need_ == 0) {
        ++counters_.bytes_discarded;  // unknown type
        continue;
      }
      buf_[len_++] = b;
    } else if (len_ == 0) {
      ++counters_.bytes_discarded;  // not inside a packet
      continue;
    } else {
      buf_[len_++] = b;
    }
    if (len_ == need_) {
      len_ = 0;
      dispatch(buf_.data(), need_, sink);
    }
  }
}

void ContecV7Decoder::dispatch(const std::uint8_t* packet, std::size_t length, DecoderSink& sink) {
  ++counters_.frames;  // before any item of this packet reaches the sink
  if (packet[0] == kLiveType) {
    decode_live(packet, sink);
    return;
  }
  std::array<std::uint8_t, kContecV7MaxPacketLength - 2> data{};
  contec_v7::unpack(packet, length, data.data());
  DeviceReply reply;
  if (contec_v7::decode_reply(packet[0], std::span(data.data(), length - 2), reply)) {
    sink.on_reply(reply);
  }
}

void ContecV7Decoder::decode_live(const std::uint8_t* packet, DecoderSink& sink) {
  std::array<std::uint8_t, 7> d;
  contec_v7::unpack(packet, kLiveLength, d.data());
  const unsigned status = d[0];
  const int pulse = d[3];
  const int spo2 = d[4];
  const int pi = d[5] | (d[6] << 8);
  const bool probe_error = (status & 0x80u) != 0;
  const bool pi_invalid = (d[2] & 0x10u) != 0;
  const int signal = static_cast<int>(status & 0x0Fu);
  last_signal_ = ContecSignal{signal, static_cast<int>(d[2] & 0x0Fu)};

  ReadingFlags flags;
  flags.set(ReadingFlag::searching_too_long, (status & 0x10u) != 0)
      .set(ReadingFlag::spo2_dropping, (status & 0x20u) != 0)
      .set(ReadingFlag::pulse_beep, (status & 0x40u) != 0)
      .set(ReadingFlag::sensor_off, probe_error)
      .set(ReadingFlag::searching, (d[1] & 0x80u) != 0)
      .set(ReadingFlag::low_signal_quality, signal == 0);

  probe_error_.update(probe_error, sink, confirm_);

  // On probe error the device freezes the pleth at 0x40: not a measurement.
  const auto pleth = probe_error ? std::nullopt : std::optional<int>(d[1] & 0x7Fu);
  emit_contec_oximetry(
      sink, flags, pleth,
      pulse == kContecV7PulseUnavailable ? std::nullopt : std::optional<int>(pulse),
      spo2 == kContecV7Spo2Unavailable ? std::nullopt : std::optional<int>(spo2), kMaxValidSpo2,
      confirm_, pulse_rate_, spo2_);

  core::Reading r;
  r.flags = flags;
  r.channel = Channel::perfusion_index;
  if (pi_invalid || pi == kContecV7PiUnavailable) {
    r.value.reset();
  } else if (pi > kContecV7PiMaxRaw) {
    r.value.reset();
    r.flags.set(ReadingFlag::value_out_of_range);
  } else {
    r.value = pi / 100.0;
  }
  if (!confirm_ || perfusion_index_.accept(r.value)) sink.on_reading(r);
}

void ContecV7Encoder::encode_live(const OximeterState& state, int pleth, int signal,
                                  std::vector<std::uint8_t>& out) {
  // The bar graph (0-15) rises and falls with the pulse wave.
  encode_live(state, pleth, signal, std::clamp(pleth, 0, 127) >> 3, out);
}

void ContecV7Encoder::encode_live(const OximeterState& state, int pleth, int signal, int bar_graph,
                                  std::vector<std::uint8_t>& out) {
  const auto& fl = state.flags;
  const bool probe_error = fl.has(ReadingFlag::sensor_off);
  unsigned status = static_cast<unsigned>(std::clamp(signal, 0, 8));
  if (fl.has(ReadingFlag::searching_too_long)) status |= 0x10u;
  if (fl.has(ReadingFlag::spo2_dropping)) status |= 0x20u;
  if (fl.has(ReadingFlag::pulse_beep)) status |= 0x40u;
  if (probe_error) status |= 0x80u;

  unsigned wave = probe_error ? static_cast<unsigned>(kContecV7ProbeErrorPleth)
                              : static_cast<unsigned>(std::clamp(pleth, 0, 127));
  if (fl.has(ReadingFlag::searching)) wave |= 0x80u;

  unsigned bar = static_cast<unsigned>(std::clamp(bar_graph, 0, 15));
  unsigned pi = kContecV7PiUnavailable;
  if (state.perfusion_index) {
    pi = static_cast<unsigned>(
        std::clamp(std::lround(*state.perfusion_index * 100.0), 0L, long{kContecV7PiMaxRaw}));
  } else {
    bar |= 0x10u;  // PI invalid
  }
  // Values that collide with a sentinel are clamped below it.
  const unsigned pulse =
      state.pulse_rate
          ? static_cast<unsigned>(std::clamp(*state.pulse_rate, 0, kContecV7PulseUnavailable - 1))
          : static_cast<unsigned>(kContecV7PulseUnavailable);
  const unsigned spo2 = state.spo2
                            ? static_cast<unsigned>(std::clamp(*state.spo2, 0, kMaxValidSpo2))
                            : static_cast<unsigned>(kContecV7Spo2Unavailable);

  const std::array<std::uint8_t, 7> data{
      static_cast<std::uint8_t>(status), static_cast<std::uint8_t>(wave),
      static_cast<std::uint8_t>(bar),    static_cast<std::uint8_t>(pulse),
      static_cast<std::uint8_t>(spo2),   static_cast<std::uint8_t>(pi & 0xFFu),
      static_cast<std::uint8_t>(pi >> 8)};
  contec_v7::append_packet(kLiveType, data, out);
}

}  // namespace vigil::protocols

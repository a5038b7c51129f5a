// Contec legacy 5-byte stream (V5.1 document): decoder and simulator encoder.
//
// Byte 1: b0-3 signal, b4 searching too long, b5 SpO2 dropping, b6 beep, b7 = 1 (sync)
// Byte 2: pleth 0-127
// Byte 3: b0-3 bar graph, b4 probe error, b5 searching, b6 = PR bit 7
// Byte 4: PR bits 0-6
// Byte 5: SpO2
// No checksum: framing (bit 7 only in byte 1) is the only error detection.

#include <algorithm>

#include "contec_readings.hpp"
#include "vigil/protocols/contec.hpp"

namespace vigil::protocols {

namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;

constexpr std::uint8_t kSync = 0x80;
constexpr int kMaxValidSpo2 = 100;

}  // namespace

std::optional<int> ContecLegacyDecoder::last_signal_strength() const {
  if (!last_signal_) return std::nullopt;
  return last_signal_->strength;
}

void ContecLegacyDecoder::feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) {
  const std::uint8_t* p = bytes.data();
  const std::uint8_t* const end = p + bytes.size();
  while (p != end) {
    // Fast path: a whole, well-framed frame straight from the input, no copy.
    if (len_ == 0 && end - p >= static_cast<std::ptrdiff_t>(kFrameLength) && (p[0] & kSync) &&
        ((p[1] | p[2] | p[3] | p[4]) & kSync) == 0) {
      decode_frame(p, sink);
      p += kFrameLength;
      continue;
    }
    const std::uint8_t b = *p++;
    if (b & kSync) {
      // A sync byte always starts a frame; an unfinished one before it is dropped.
      counters_.bytes_discarded += len_;
      buf_[0] = b;
      len_ = 1;
    } else if (len_ == 0) {
      ++counters_.bytes_discarded;  // not inside a frame
    } else {
      buf_[len_++] = b;
      if (len_ == kFrameLength) {
        len_ = 0;
        decode_frame(buf_.data(), sink);
      }
    }
  }
}

void ContecLegacyDecoder::decode_frame(const std::uint8_t* f, DecoderSink& sink) {
  const unsigned status = f[0];
  const unsigned pleth = f[1];
  const unsigned b3 = f[2];
  const int pulse = static_cast<int>(f[3] | ((b3 & 0x40u) << 1));
  const int spo2 = f[4];

  const bool probe_error = (b3 & 0x10u) != 0;
  const bool searching = (b3 & 0x20u) != 0;
  const int signal = static_cast<int>(status & 0x0Fu);
  last_signal_ = ContecSignal{signal, static_cast<int>(b3 & 0x0Fu)};

  ReadingFlags flags;
  flags.set(ReadingFlag::searching_too_long, (status & 0x10u) != 0)
      .set(ReadingFlag::spo2_dropping, (status & 0x20u) != 0)
      .set(ReadingFlag::pulse_beep, (status & 0x40u) != 0)
      .set(ReadingFlag::sensor_fault, probe_error)
      .set(ReadingFlag::searching, searching)
      .set(ReadingFlag::low_signal_quality, signal == 0);

  const bool zero_absent = kContecLegacyZeroIsAbsentWhileSearching && (probe_error || searching);

  ++counters_.frames;  // before any item of this frame reaches the sink

  probe_error_.update(probe_error, sink, confirm_);

  const bool pulse_absent = pulse == kContecLegacyPulseUnavailable || (pulse == 0 && zero_absent);
  const bool spo2_absent = spo2 == kContecLegacySpo2Unavailable || (spo2 == 0 && zero_absent);
  emit_contec_oximetry(sink, flags, static_cast<int>(pleth),
                       pulse_absent ? std::nullopt : std::optional<int>(pulse),
                       spo2_absent ? std::nullopt : std::optional<int>(spo2), kMaxValidSpo2,
                       confirm_, pulse_rate_, spo2_);
}

void ContecLegacyEncoder::encode(const OximeterState& state, int pleth, int signal,
                                 std::vector<std::uint8_t>& out) {
  // The bar graph (0-15) rises and falls with the pulse wave.
  encode(state, pleth, signal, std::clamp(pleth, 0, 127) >> 3, out);
}

void ContecLegacyEncoder::encode(const OximeterState& state, int pleth, int signal, int bar_graph,
                                 std::vector<std::uint8_t>& out) {
  const auto& fl = state.flags;
  const unsigned sig = static_cast<unsigned>(std::clamp(signal, 0, 8));
  const unsigned bar = static_cast<unsigned>(std::clamp(bar_graph, 0, 15));
  // Values that collide with a sentinel are clamped below it.
  const unsigned pulse = state.pulse_rate
                             ? static_cast<unsigned>(std::clamp(*state.pulse_rate, 0,
                                                                kContecLegacyPulseUnavailable - 1))
                             : static_cast<unsigned>(kContecLegacyPulseUnavailable);
  const unsigned spo2 = state.spo2
                            ? static_cast<unsigned>(std::clamp(*state.spo2, 0, kMaxValidSpo2))
                            : static_cast<unsigned>(kContecLegacySpo2Unavailable);
  const bool probe_error = fl.has(ReadingFlag::sensor_fault) || fl.has(ReadingFlag::sensor_off);

  unsigned b1 = kSync | sig;
  if (fl.has(ReadingFlag::searching_too_long)) b1 |= 0x10u;
  if (fl.has(ReadingFlag::spo2_dropping)) b1 |= 0x20u;
  if (fl.has(ReadingFlag::pulse_beep)) b1 |= 0x40u;
  unsigned b3 = bar | ((pulse >> 1) & 0x40u);
  if (probe_error) b3 |= 0x10u;
  if (fl.has(ReadingFlag::searching)) b3 |= 0x20u;

  out.push_back(static_cast<std::uint8_t>(b1));
  out.push_back(static_cast<std::uint8_t>(std::clamp(pleth, 0, 127)));
  out.push_back(static_cast<std::uint8_t>(b3));
  out.push_back(static_cast<std::uint8_t>(pulse & 0x7Fu));
  out.push_back(static_cast<std::uint8_t>(spo2));
}

}  // namespace vigil::protocols

#include <algorithm>
#include <cstring>

#include "vigil/core/channel.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::protocols {
namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;
using namespace nonin;

// docs/devices.md gives FLOAT as 0..127, so bit 7 is treated as a fixed 0: it makes a false lock on
// noise four times rarer. If a device turns out to send FLOAT >= 128, set this to false.
constexpr bool kFloatBit7IsZero = true;

constexpr std::uint32_t bit(ReadingFlag f) { return 1u << static_cast<unsigned>(f); }

constexpr std::uint32_t status_bits(unsigned s) {
  std::uint32_t b = 0;
  if (s & kStatusSnsd) b |= bit(ReadingFlag::sensor_disconnected);
  if (s & kStatusArtf) b |= bit(ReadingFlag::artifact);
  if (s & kStatusOot) b |= bit(ReadingFlag::out_of_track);
  if (s & kStatusSnsa) b |= bit(ReadingFlag::sensor_off);
  if ((s & kStatusPerfusionMask) == kStatusPerfusionRed) b |= bit(ReadingFlag::low_perfusion);
  return b;
}

// One table lookup per frame instead of five bit tests.
constexpr std::array<std::uint32_t, 256> kStatusTable = [] {
  std::array<std::uint32_t, 256> t{};
  for (unsigned s = 0; s < t.size(); ++s) t[s] = status_bits(s);
  return t;
}();

bool float_ok(std::uint8_t b) { return !kFloatBit7IsZero || (b & 0x80) == 0; }

std::uint8_t sum4(const std::uint8_t* p) {
  return static_cast<std::uint8_t>(p[0] + p[1] + p[2] + p[3]);
}

int rate_of(std::uint8_t msb, std::uint8_t lsb) { return ((msb & 0x03) << 7) | (lsb & 0x7F); }

// A device value as the station sees it: the sentinel and impossible values are absent.
std::optional<int> value_of(int raw, int missing, Channel c) {
  if (raw == missing || raw > static_cast<int>(core::channel_info(c).max_valid)) {
    return std::nullopt;
  }
  return raw;
}

void emit(DecoderSink& sink, Channel c, int raw, int missing, ReadingFlags flags) {
  core::Reading r;
  r.channel = c;
  if (auto v = value_of(raw, missing, c)) {
    r.value = *v;
  } else if (raw != missing) {
    flags.set(ReadingFlag::value_out_of_range);
  }
  r.flags = flags;
  sink.on_reading(r);
}

}  // namespace

core::ReadingFlags nonin_status_flags(std::uint8_t status) {
  return ReadingFlags::from_bits(kStatusTable[status]);
}

NoninDecoder::NoninDecoder(NoninFormat format)
    : format_(format), frame_size_(format == NoninFormat::df8 ? kDf8FrameSize : kFrameSize) {}

bool NoninDecoder::fixed_bits_ok(const std::uint8_t* p) const {
  switch (format_) {
    case NoninFormat::df2:
      return p[0] == 0x01 && (p[1] & 0x80) != 0 && float_ok(p[3]);
    case NoninFormat::df7:
      return (p[0] & 0x80) != 0 && float_ok(p[3]);
    case NoninFormat::df8:
      return (p[0] & 0x80) != 0 && ((p[1] | p[2] | p[3]) & 0x80) == 0;
  }
  return false;
}

// DF8 has no checksum: a flipped data bit (rate, SpO2, flags) or four bytes of noise with the
// right top bits pass. Only the top bits and the two-frame confirmation after a loss of lock
// guard it; a real DF8 stream has bit 7 set in byte 1 only, so alignment itself is unambiguous.
bool NoninDecoder::valid(const std::uint8_t* p) const {
  if (!fixed_bits_ok(p)) return false;
  return format_ == NoninFormat::df8 || sum4(p) == p[4];
}

// Whatever broke the lock also broke the packet in progress.
void NoninDecoder::lose_lock() {
  locked_ = false;
  if (position_ != 0) ++packets_dropped_;
  position_ = 0;
}

// Looks at the bytes at the current stream position and returns how many it consumed (a frame
// or one discarded byte), or 0 when it needs more bytes to decide. The decision depends only on
// the bytes, never on how many happen to be available, so every chunking gives the same result.
std::size_t NoninDecoder::step(const std::uint8_t* p, std::size_t n, DecoderSink& sink) {
  const std::size_t fs = frame_size_;
  if (n < fs) return 0;
  if (locked_) {
    if (valid(p)) {
      format_ == NoninFormat::df8 ? decode_df8(p, sink) : decode_frame(p, sink);
      return fs;
    }
    if (format_ != NoninFormat::df8 && fixed_bits_ok(p)) ++counters_.checksum_errors;
    lose_lock();
    ++counters_.bytes_discarded;
    return 1;
  }
  if (!valid(p)) {
    ++counters_.bytes_discarded;
    return 1;
  }
  if (n < 2 * fs) return 0;
  if (!valid(p + fs)) {
    ++counters_.bytes_discarded;
    return 1;
  }
  locked_ = true;
  format_ == NoninFormat::df8 ? decode_df8(p, sink) : decode_frame(p, sink);
  return fs;
}

void NoninDecoder::feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) {
  const std::uint8_t* p = bytes.data();
  std::size_t n = bytes.size();
  // Bytes held from earlier calls: top them up with new input and step until the held bytes are
  // used up. New bytes copied but not consumed are "un-copied" (the input is not advanced).
  while (pending_length_ > 0 && n > 0) {
    const std::size_t old = pending_length_;
    const std::size_t take = std::min(kMaxPending - old, n);
    std::memcpy(pending_.data() + old, p, take);
    const std::size_t used = step(pending_.data(), old + take, sink);
    if (used == 0) {  // only when old + take < kMaxPending, i.e. all input taken
      pending_length_ = old + take;
      p += take;
      n -= take;
    } else if (used >= old) {
      p += used - old;
      n -= used - old;
      pending_length_ = 0;
    } else {
      std::memmove(pending_.data(), pending_.data() + used, old - used);
      pending_length_ = old - used;
    }
  }
  if (pending_length_ > 0) return;
  // Hot path: straight from the caller's buffer.
  while (const std::size_t used = step(p, n, sink)) {
    p += used;
    n -= used;
  }
  if (n > 0) std::memcpy(pending_.data(), p, n);
  pending_length_ = n;
}

void NoninDecoder::decode_frame(const std::uint8_t* p, DecoderSink& sink) {
  const bool df2 = format_ == NoninFormat::df2;
  const std::uint8_t status = df2 ? p[1] : p[0];
  const int pleth = df2 ? p[2] : (p[1] << 8) | p[2];

  ++counters_.frames;
  if (status & kStatusSync) {
    if (position_ == kFramesPerPacket) {
      emit_packet(kFramesPerPacket, sink);  // confirmed: SYNC exactly at position 26
    } else if (position_ != 0) {
      ++packets_dropped_;  // early SYNC: a frame of the packet was lost
    }
    position_ = 1;
  } else if (position_ == kFramesPerPacket) {
    ++packets_dropped_;  // late SYNC: a frame was inserted, or the next SYNC frame was lost
    position_ = 0;
  } else if (position_ != 0) {
    ++position_;
  }
  floats_[static_cast<std::size_t>(position_)] = static_cast<std::uint8_t>(p[3] & 0x7F);
  statuses_[static_cast<std::size_t>(position_)] = status;

  core::Reading r;
  r.channel = Channel::pleth;
  r.value = pleth;
  r.flags = ReadingFlags::from_bits(kStatusTable[status]);
  sink.on_reading(r);
}

void NoninDecoder::finish(DecoderSink& sink) {
  if (format_ == NoninFormat::df8 || position_ == 0) return;
  emit_packet(position_, sink);
  position_ = 0;
}

// Values of frames 1..`frames` of the current packet (all of them once confirmed).
void NoninDecoder::emit_packet(int frames, DecoderSink& sink) {
  const auto& f = floats_;
  auto flags_of = [&](int frame) {
    return ReadingFlags::from_bits(kStatusTable[statuses_[static_cast<std::size_t>(frame)]]);
  };
  if (frames >= kFrameHrLsb) {
    emit(sink, Channel::pulse_rate, rate_of(f[kFrameHrMsb], f[kFrameHrLsb]), kMissingPulseRate,
         flags_of(kFrameHrLsb));
  }
  const bool stat2 = frames >= kFrameStat2;
  if (frames >= kFrameSpo2) {
    ReadingFlags flags = flags_of(kFrameSpo2);
    flags.set(ReadingFlag::smartpoint, stat2 && (f[kFrameStat2] & kStat2SmartPoint) != 0);
    emit(sink, Channel::spo2, f[kFrameSpo2], kMissingSpo2, flags);
  }
  if (frames >= kFrameFirmware) firmware_ = f[kFrameFirmware];
  if (stat2) low_battery_.update((f[kFrameStat2] & kStat2LowBattery) != 0, sink);
  if (frames >= kFrameSpo2Display) {
    display_.spo2 = value_of(f[kFrameSpo2Display], kMissingSpo2, Channel::spo2);
  }
  if (frames >= kFrameHrDisplayLsb) {
    display_.pulse_rate = value_of(rate_of(f[kFrameHrDisplayMsb], f[kFrameHrDisplayLsb]),
                                   kMissingPulseRate, Channel::pulse_rate);
  }
  // Timer, fast / beat-to-beat / extended values and reserved frames: not used.
}

void NoninDecoder::decode_df8(const std::uint8_t* p, DecoderSink& sink) {
  ++counters_.frames;
  ReadingFlags flags;
  flags.set(ReadingFlag::out_of_track, (p[0] & 0x20) != 0)
      .set(ReadingFlag::low_perfusion, (p[0] & 0x10) != 0)
      .set(ReadingFlag::artifact, (p[0] & 0x04) != 0)
      .set(ReadingFlag::sensor_off, (p[3] & 0x08) != 0);
  const int rate = rate_of(p[0], p[1]);  // HR8 HR7 are b1 bits 1 and 0
  const int spo2 = p[2] & 0x7F;
  display_.spo2 = value_of(spo2, kMissingSpo2, Channel::spo2);
  display_.pulse_rate = value_of(rate, kMissingPulseRate, Channel::pulse_rate);

  ReadingFlags spo2_flags = flags;
  spo2_flags.set(ReadingFlag::smartpoint, (p[3] & 0x20) != 0);
  if (!confirm_ || df8_spo2_.accept(display_.spo2)) {
    emit(sink, Channel::spo2, spo2, kMissingSpo2, spo2_flags);
  }
  if (!confirm_ || df8_pulse_rate_.accept(display_.pulse_rate)) {
    emit(sink, Channel::pulse_rate, rate, kMissingPulseRate, flags);
  }
  df8_low_battery_.update((p[3] & 0x01) != 0, sink, confirm_);
}

}  // namespace vigil::protocols

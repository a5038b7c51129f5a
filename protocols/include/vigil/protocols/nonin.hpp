#pragma once
// Nonin serial data formats 2, 7 and 8 (9560 Bluetooth spec; OEM III per Pufferfish; see
// docs/devices.md). 9600 8N1.
//
// DF2 / DF7: 5-byte frames, 75 frames/s, 25 frames per packet (3 packets/s).
//   DF2: 01 STATUS PLETH(8 bit) FLOAT CHK      DF7: STATUS PLETH_MSB PLETH_LSB FLOAT CHK
//   CHK = sum of the first four bytes mod 256. STATUS bit 7 is 1; FLOAT is 0..127 (bit 7 = 0).
//   STATUS bit 0 (SYNC) marks frame 1 of a packet; FLOAT means something different per frame.
// DF8: 4-byte frame, once per second, no checksum:
//   b1: 1 R OOT LPRF MPRF ARTF HR8 HR7   b2: HR-D low 7 bits   b3: SpO2-D
//   b4: 0 R SPA R SNSA R R LOWBAT

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading_flags.hpp"
#include "vigil/protocols/condition_edge.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/device_state.hpp"
#include "vigil/protocols/protocol_family.hpp"
#include "vigil/protocols/value_confirmation.hpp"

namespace vigil::protocols {

enum class NoninFormat : std::uint8_t { df2, df7, df8 };

// The format's name is its protocol family's name.
constexpr std::string_view nonin_protocol_name(NoninFormat v) {
  switch (v) {
    case NoninFormat::df2:
      return protocol_name(ProtocolFamily::nonin_df2);
    case NoninFormat::df7:
      return protocol_name(ProtocolFamily::nonin_df7);
    case NoninFormat::df8:
      return protocol_name(ProtocolFamily::nonin_df8);
  }
  return {};
}
constexpr std::string_view enum_name(NoninFormat v) { return nonin_protocol_name(v); }

namespace nonin {
inline constexpr std::size_t kFrameSize = 5;     // DF2 / DF7 bytes per frame
inline constexpr std::size_t kDf8FrameSize = 4;  // DF8 bytes per frame
inline constexpr int kFramesPerPacket = 25;      // DF2 / DF7
inline constexpr int kMissingPulseRate = 511;    // device sentinel for "no value"
inline constexpr int kMissingSpo2 = 127;         // device sentinel for "no value"
inline constexpr int kMaxPulseRateCode = 510;    // largest 9-bit rate that is not the sentinel

// 1-based frame numbers inside a DF2/DF7 packet and what their FLOAT byte carries.
inline constexpr int kFrameHrMsb = 1;  // also the frame with STATUS SYNC set
inline constexpr int kFrameHrLsb = 2;
inline constexpr int kFrameSpo2 = 3;
inline constexpr int kFrameFirmware = 4;
inline constexpr int kFrameTimerMsb = 6;  // 3 Hz timer, 7 + 7 bits
inline constexpr int kFrameTimerLsb = 7;
inline constexpr int kFrameStat2 = 8;  // b5 SmartPoint, b0 low battery
inline constexpr int kFrameSpo2Display = 9;
inline constexpr int kFrameSpo2Fast = 10;
inline constexpr int kFrameSpo2BeatToBeat = 11;
inline constexpr int kFrameExtHrMsb = 14;  // E-HR (8-beat average)
inline constexpr int kFrameExtHrLsb = 15;
inline constexpr int kFrameExtSpo2 = 16;
inline constexpr int kFrameExtSpo2Display = 17;
inline constexpr int kFrameHrDisplayMsb = 20;
inline constexpr int kFrameHrDisplayLsb = 21;
inline constexpr int kFrameExtHrDisplayMsb = 22;
inline constexpr int kFrameExtHrDisplayLsb = 23;

// STATUS byte (DF2/DF7).
inline constexpr std::uint8_t kStatusAlways = 0x80;
inline constexpr std::uint8_t kStatusSnsd = 0x40;  // OEM III sensor disconnect (9560: reserved)
inline constexpr std::uint8_t kStatusArtf = 0x20;
inline constexpr std::uint8_t kStatusOot = 0x10;
inline constexpr std::uint8_t kStatusSnsa = 0x08;
inline constexpr std::uint8_t kStatusPerfusionMask = 0x06;  // b2 red, b1 green, both = yellow
inline constexpr std::uint8_t kStatusPerfusionRed = 0x04;
inline constexpr std::uint8_t kStatusPerfusionGreen = 0x02;
inline constexpr std::uint8_t kStatusSync = 0x01;
// STAT2 (FLOAT of frame 8).
inline constexpr std::uint8_t kStat2SmartPoint = 0x20;
inline constexpr std::uint8_t kStat2LowBattery = 0x01;
}  // namespace nonin

// Display ("-D") values: averaged by the device, updated every 1.5 s, held for 10 s after the
// finger comes out. Kept for the screen; they are not emitted as Readings for DF2/DF7.
struct NoninDisplayValues {
  std::optional<int> spo2;        // %, SpO2-D (DF2/DF7 frame 9, DF8 byte 3)
  std::optional<int> pulse_rate;  // bpm, HR-D (DF2/DF7 frames 20/21, DF8)
};

// Emits, for DF2/DF7:
//  every frame        -> Reading pleth (device units: DF2 0..255, DF7 0..65535), flags of the
//                        frame's STATUS, at once
//  a confirmed packet -> Reading pulse_rate (bpm, frames 1+2, flags of frame 2), then Reading
//                        spo2 (%, frame 3, flags of frame 3 plus smartpoint from the same
//                        packet's STAT2), then DeviceCondition low_battery when STAT2's bit
//                        changed; display values and firmware revision are updated
// for DF8, every frame: Reading spo2 (SpO2-D), Reading pulse_rate (HR-D), low_battery on change.
// 511 / 127 become absent values. A rate or saturation outside the channel range is reported
// absent with value_out_of_range (a device never sends one, so the frame is suspect).
//
// Packet confirmation (DF2/DF7): FLOAT meanings depend on the frame's position in the packet,
// and the loss (or duplication) of exactly whole frames leaves the framing intact, so a packet's
// positions are trusted only once it is confirmed: all 25 frames arrived valid and back to back
// from its SYNC frame, and the next frame is a SYNC frame exactly at position 26. Its values are
// emitted while that SYNC frame is fed (seq = that frame's index), before its pleth. A packet
// with an early or late next SYNC, or broken by a bad frame or lost lock, is dropped whole: its
// values are not emitted (no value is invented) and packets_dropped() counts it. A lost SYNC
// frame also drops the packet before it (a late SYNC, as after an extra frame), and the frames
// after it give pleth only until the next SYNC. Frames before the first SYNC give pleth only.
// Cost: SpO2 and rate arrive one packet (1/3 s) later.
//
// Framing: a frame is accepted when its fixed bits (and, DF2/DF7, its checksum) are right. While
// locked, frames follow each other back to back; after any bad frame (and at start) the decoder
// hunts byte by byte and re-locks on a frame only when the frame after it is valid too, so a
// pattern in noise is rarely taken for a frame. checksum_errors counts frames at an expected
// frame boundary whose fixed bits are right but whose checksum is wrong. Not detectable: a frame
// lost together with a frame inserted in the same packet. No allocation after construction.
class NoninDecoder final : public Decoder {
 public:
  explicit NoninDecoder(NoninFormat format);

  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return nonin_protocol_name(format_); }
  NoninFormat format() const { return format_; }

  // OFFLINE ONLY, at the end of a complete capture (file decode): emits the values of the
  // trailing packet that has no confirming SYNC yet but whose frames so far are all valid and
  // back to back from its SYNC frame: rate if frames 1-2 arrived, SpO2 if frame 3 (smartpoint
  // only if frame 8 arrived), low_battery if frame 8 (display values and firmware likewise), with
  // seq = the last decoded frame. Nothing marks these values unconfirmed, so never call it on a
  // live stream: a lost frame there would pass unnoticed. Held-back bytes (buffered_bytes()) are
  // not decoded. No-op for DF8 and when there is no such packet; the packet is consumed, so a
  // second call emits nothing.
  void finish(DecoderSink& sink) override;

  // DF2/DF7 packets started by a SYNC frame and then dropped unconfirmed (see above).
  std::uint64_t packets_dropped() const { return packets_dropped_; }
  // Last confirmed display values (DF8: last frame).
  const NoninDisplayValues& last_display() const { return display_; }
  // Firmware revision from frame 4 of the last confirmed packet (DF2/DF7); absent until then.
  std::optional<int> firmware_revision() const { return firmware_; }
  // Bytes held back because they may start a frame. Every byte fed is exactly one of: part of a
  // decoded frame, counted in bytes_discarded, or buffered here.
  std::size_t buffered_bytes() const { return pending_length_; }

 private:
  // Longest look-ahead: a candidate frame plus the frame confirming it.
  static constexpr std::size_t kMaxPending = 2 * nonin::kFrameSize;

  std::size_t step(const std::uint8_t* p, std::size_t n, DecoderSink& sink);
  bool valid(const std::uint8_t* p) const;
  bool fixed_bits_ok(const std::uint8_t* p) const;
  void lose_lock();
  void decode_frame(const std::uint8_t* p, DecoderSink& sink);
  void decode_df8(const std::uint8_t* p, DecoderSink& sink);
  void emit_packet(int frames, DecoderSink& sink);

  NoninFormat format_;
  std::size_t frame_size_;
  bool locked_ = false;
  int position_ = 0;  // 1..25 of the last decoded frame in the current packet; 0 = unknown
  // FLOAT (bit 7 cleared) and STATUS of frame i of the current packet at index i; index 0 takes
  // the writes of frames with unknown position.
  std::array<std::uint8_t, nonin::kFramesPerPacket + 1> floats_{};
  std::array<std::uint8_t, nonin::kFramesPerPacket + 1> statuses_{};
  std::uint64_t packets_dropped_ = 0;
  ConditionEdge low_battery_{core::DeviceConditionKind::low_battery};
  // DF8 has no checksum: values and the battery bit are confirmed (value_confirmation.hpp).
  ConditionEdge df8_low_battery_{core::DeviceConditionKind::low_battery, {}, 2};
  ValueConfirmation df8_spo2_{2};        // %: a larger jump waits for the next frame (1 s)
  ValueConfirmation df8_pulse_rate_{5};  // bpm
  NoninDisplayValues display_;
  std::optional<int> firmware_;
  std::array<std::uint8_t, kMaxPending> pending_{};
  std::size_t pending_length_ = 0;
};

// Produces the bytes a Nonin device sends, for simulators and tests. Packet values (rate, SpO2,
// display values, STAT2) are latched at frame 1 so the two halves of a rate always match;
// STATUS flags follow the state passed with each frame. Display values equal the recording
// values (the device's averaging and 10 s hold are not simulated).
class NoninEncoder {
 public:
  explicit NoninEncoder(NoninFormat format);

  // DF2/DF7: appends one 5-byte frame. `pleth` in device units, clamped to 0..255 for DF2.
  void encode_frame(const OximeterState& state, std::uint16_t pleth,
                    std::vector<std::uint8_t>& out);
  // DF8: appends one 4-byte frame.
  void encode_df8(const OximeterState& state, std::vector<std::uint8_t>& out);

  NoninFormat format() const { return format_; }
  // 1-based number of the frame the next encode_frame call writes (DF2/DF7).
  int next_frame() const { return frame_; }
  // FLOAT of frame 4; 0..127.
  void set_firmware_revision(int revision);

 private:
  std::uint8_t float_byte(int frame) const;

  NoninFormat format_;
  int frame_ = 1;
  int firmware_ = 0x31;
  int timer_ = 0;  // 3 Hz timer, 14 bits, advances once per packet
  // Latched at frame 1.
  int hr_ = nonin::kMissingPulseRate;
  int spo2_ = nonin::kMissingSpo2;
  std::uint8_t stat2_ = 0;
};

// STATUS byte (without SYNC) for `flags`: sensor_disconnected, artifact, out_of_track,
// sensor_off, low_perfusion (red); otherwise perfusion bits 00.
std::uint8_t nonin_status_byte(core::ReadingFlags flags);
// ReadingFlags for a DF2/DF7 STATUS byte (perfusion red -> low_perfusion).
core::ReadingFlags nonin_status_flags(std::uint8_t status);

}  // namespace vigil::protocols

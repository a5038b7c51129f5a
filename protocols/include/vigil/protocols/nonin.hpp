#pragma once
// Nonin serial data formats 2, 7 and 8 (9560 Bluetooth spec; OEM III per Pufferfish; see
// devices.md §1). 9600 8N1.
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

#include "vigil/core/reading_flags.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/device_state.hpp"

namespace vigil::protocols {

enum class NoninFormat : std::uint8_t { df2, df7, df8 };

// CLI name: "nonin-df2", "nonin-df7", "nonin-df8".
std::string_view nonin_protocol_name(NoninFormat format);

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
//                        frame's STATUS
//  frame 2            -> Reading pulse_rate (bpm) from frames 1+2, flags of frame 2
//  frame 3            -> Reading spo2 (%), flags of frame 3 plus smartpoint from the latest
//                        STAT2 (frame 8 comes later, so this is the previous packet's STAT2)
//  frame 8            -> DeviceCondition low_battery when STAT2's bit changes
// for DF8, every frame: Reading spo2 (SpO2-D), Reading pulse_rate (HR-D), low_battery on change.
// 511 / 127 become absent values. A rate or saturation outside the channel range is reported
// absent with value_out_of_range (a device never sends one, so the frame is suspect).
//
// Framing: a frame is accepted when its fixed bits (and, DF2/DF7, its checksum) are right. While
// locked, frames follow each other back to back; after any bad frame (and at start) the decoder
// hunts byte by byte and re-locks on a frame only when the frame after it is valid too, so a
// pattern in noise is rarely taken for a frame. Packet position is known only from a SYNC frame
// onwards in an unbroken run; until then frames give pleth only, and no value is assembled from
// frames on both sides of a gap. checksum_errors counts frames at an expected frame boundary
// whose fixed bits are right but whose checksum is wrong.
// Not detectable: the loss of exactly whole frames at a frame boundary (the framing stays intact
// and frames carry no counter besides SYNC), which shifts the FLOAT meanings for the rest of that
// packet; the early SYNC that follows re-aligns. No allocation after construction.
class NoninDecoder final : public Decoder {
 public:
  explicit NoninDecoder(NoninFormat format);

  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return nonin_protocol_name(format_); }
  NoninFormat format() const { return format_; }

  const NoninDisplayValues& last_display() const { return display_; }
  // Firmware revision from frame 4 (DF2/DF7); absent until seen.
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
  void on_float(int frame, std::uint8_t value, core::ReadingFlags flags, DecoderSink& sink);
  void update_low_battery(bool low, DecoderSink& sink);

  NoninFormat format_;
  std::size_t frame_size_;
  bool locked_ = false;
  int position_ = 0;  // 1..25 of the last decoded frame; 0 = unknown
  std::optional<std::uint8_t> hr_msb_;
  std::optional<std::uint8_t> hr_display_msb_;
  bool smartpoint_ = false;  // from the latest STAT2 of the current unbroken run
  bool low_battery_ = false;
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

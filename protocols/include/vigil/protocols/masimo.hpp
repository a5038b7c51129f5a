#pragma once
// Masimo ASCII 1 (Radical-5/-7, Rad-8): one text line per second, 9600 8N1, CR LF.
//
//   MM/DD/YY HH:MM:SS [SN=0123456789] SPO2=098% BPM=097 PI=03.60% [SPCO=01.0% SPMET=00.5%
//   DESAT=01 PIDELTA=-02] [PVI=027] ALARM=0000 EXC=000800
//
// Fields are parsed by TAG= because units differ in which fields they send; an unavailable value
// is dashes in the same width ("---", "--.--", "--.-", "+--"). No checksum. See docs/devices.md.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/reading_flags.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/device_state.hpp"
#include "vigil/protocols/protocol_family.hpp"
#include "vigil/protocols/value_confirmation.hpp"

namespace vigil::protocols {

// ALARM field bits (hex on the wire). Source: docs/devices.md (poxrad_discrete.h, the only
// source for these; unverified on Rad-97/Root).
namespace masimo_alarm {
inline constexpr std::uint32_t spo2_high = 0x1;
inline constexpr std::uint32_t spo2_low = 0x2;
inline constexpr std::uint32_t pulse_rate_high = 0x4;
inline constexpr std::uint32_t pulse_rate_low = 0x8;
inline constexpr std::uint32_t active = 0x10;    // -> ReadingFlag::device_alarm
inline constexpr std::uint32_t silenced = 0x20;  // -> ReadingFlag::device_alarm_silenced
inline constexpr std::uint32_t low_battery = 0x40;
inline constexpr std::uint32_t spco_high = 0x100;
inline constexpr std::uint32_t spco_low = 0x200;
inline constexpr std::uint32_t spmet_high = 0x400;
inline constexpr std::uint32_t spmet_low = 0x800;
inline constexpr std::uint32_t desaturation = 0x1000;
inline constexpr std::uint32_t pi_delta = 0x2000;
}  // namespace masimo_alarm

// EXC field bits (hex on the wire), docs/devices.md.
namespace masimo_exc {
inline constexpr std::uint32_t no_sensor = 0x1;
inline constexpr std::uint32_t defective_sensor = 0x2;
inline constexpr std::uint32_t low_perfusion = 0x4;
inline constexpr std::uint32_t pulse_search = 0x8;
inline constexpr std::uint32_t interference = 0x10;
inline constexpr std::uint32_t sensor_off = 0x20;
inline constexpr std::uint32_t ambient_light = 0x40;
inline constexpr std::uint32_t unrecognized_sensor = 0x80;
inline constexpr std::uint32_t incompatible_sensor = 0x100;
inline constexpr std::uint32_t low_siq = 0x400;
inline constexpr std::uint32_t set = 0x800;  // Masimo SET processing: informational
inline constexpr std::uint32_t no_cable = 0x1000;
inline constexpr std::uint32_t cable_faults = 0x2000 | 0x4000 | 0x8000 | 0x10000;
inline constexpr std::uint32_t calibrating = 0x20000;
inline constexpr std::uint32_t sensor_expired = 0x40000;
}  // namespace masimo_exc

// Reading flags implied by the EXC and ALARM fields of one line.
core::ReadingFlags masimo_exc_flags(std::uint32_t exc_bits);
core::ReadingFlags masimo_alarm_flags(std::uint32_t alarm_bits);
// The inverse, for simulators: the EXC / ALARM bits that make the decoder report `flags`
// (flags with no Masimo bit, e.g. artifact, are dropped).
std::uint32_t masimo_exc_bits_for(core::ReadingFlags flags);
std::uint32_t masimo_alarm_bits_for(core::ReadingFlags flags);

// Decodes Masimo ASCII 1 lines. Per frame it emits one Reading per numeric field on the line,
// in this order: spo2 (%), pulse_rate (bpm), perfusion_index (%), spco (%), spmet (%), pvi (%);
// each carries device_time_s (the line's clock read as UTC, years 2000+YY) and the flags of the
// line's EXC and ALARM fields. Dashes, malformed numbers and values outside the channel's valid
// range give a Reading with no value. Then, when an ALARM bit changed since the last line that
// had a readable ALARM field: DeviceCondition low_battery (bit 40) or device_alarm (other alarm
// bits; detail "spo2_high", "spo2_low", "pulse_rate_high", ... , code = the bit).
//
// A line is a frame when it holds a valid date/time and the tags SPO2= and BPM=. Bytes before
// the last date/time on a line (garbage, a truncated line) are discarded, so a good line glued
// to rubbish is still read. The line buffer is fixed (max_line_length): when it fills up, the
// bytes before the last date/time in it (or all but a possible partial date) are discarded.
// Any chunking gives the same result; no allocation after construction.
class MasimoAsciiDecoder final : public Decoder {
 public:
  static constexpr std::size_t max_line_length = 256;  // bytes, without the terminator

  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return protocol_name(ProtocolFamily::masimo_ascii); }

  // Bytes of an unfinished line. Every byte fed is exactly one of: part of a frame line (with
  // its terminator), counted in bytes_discarded, or buffered here.
  std::size_t buffered_bytes() const { return length_; }

 private:
  void append(const std::uint8_t* data, std::size_t n);
  void make_room();
  void end_line(char terminator, DecoderSink& sink);
  bool decode_line(std::string_view line, DecoderSink& sink);
  void report_alarm_changes(std::uint32_t alarm_bits, DecoderSink& sink);

  std::array<char, max_line_length> line_{};
  std::size_t length_ = 0;
  char pair_terminator_ = 0;  // CR after LF (or LF after CR) that still belongs to the last line
  bool last_line_was_frame_ = false;
  std::uint32_t alarm_bits_ = 0;           // condition bits last reported
  std::uint32_t previous_alarm_bits_ = 0;  // the previous line's bits (confirmation)
  // One line a second and no checksum: with confirmation on, a value further than this from
  // the last one passed on waits for the next line (value_confirmation.hpp). SpO2 %, pulse
  // rate bpm, PI %, SpCO %, SpMet %, PVI %.
  std::array<ValueConfirmation, 6> confirmations_{ValueConfirmation{2},   ValueConfirmation{5},
                                                  ValueConfirmation{1},   ValueConfirmation{1},
                                                  ValueConfirmation{0.5}, ValueConfirmation{5}};
};

// Which unit's line layout the encoder writes.
enum class MasimoLineFormat : std::uint8_t {
  radical7,  // SN, SPO2, BPM, PI, SPCO, SPMET, DESAT, PIDELTA, PVI, ALARM (4 hex), EXC (6 hex)
  rad8,      // as radical7 without PVI
  radical5,  // SPO2, BPM, PI, ALARM, EXC; hex without zero padding (unverified width)
};

// Writes the lines a Masimo unit sends, for simulators and tests.
class MasimoAsciiEncoder {
 public:
  explicit MasimoAsciiEncoder(MasimoLineFormat format = MasimoLineFormat::rad8,
                              std::uint64_t serial_number = 0)
      : format_(format), serial_number_(serial_number) {}

  // Appends one line with its CR LF. unix_time_s is written as MM/DD/YY HH:MM:SS in UTC (the
  // year modulo 100). alarm_bits and exc_bits are ORed with the bits implied by state.flags and
  // state.low_battery. Absent values become dashes; values are rounded to the field's
  // precision (SpO2, BPM, PVI: 1; PI: 0.01 %; SpCO, SpMet: 0.1 %) and clamped to what its
  // width can show. DESAT and PIDELTA are always sent as unavailable.
  void encode_line(const OximeterState& state, std::int64_t unix_time_s, std::uint32_t alarm_bits,
                   std::uint32_t exc_bits, std::vector<std::uint8_t>& out) const;
  void encode_line(const OximeterState& state, std::int64_t unix_time_s, std::uint32_t alarm_bits,
                   std::uint32_t exc_bits, std::string& out) const;

  MasimoLineFormat format() const { return format_; }

 private:
  std::size_t write_line(const OximeterState& state, std::int64_t unix_time_s,
                         std::uint32_t alarm_bits, std::uint32_t exc_bits, char* out) const;

  MasimoLineFormat format_;
  std::uint64_t serial_number_;  // 10 decimal digits on the wire
};

}  // namespace vigil::protocols

#pragma once
// GE Datex-Ohmeda S/5 Computer Interface (AS/3, CS/3, S/5, CARESCAPE B450/650/850).
//
// Frame: 7E + stuffed(record || checksum) + 7E; 7E -> 7D 5E, 7D -> 7D 5D (the checksum byte is
// stuffed too); checksum = 8-bit sum of the unstuffed record. Records are little-endian, packed:
// a 40-byte header, then subrecords located by the header's sr_desc list. Only the basic
// "displayed values" subrecord is decoded here (SpO2 and NIBP groups).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/device_state.hpp"
#include "vigil/protocols/protocol_family.hpp"

namespace vigil::protocols {

namespace ge_s5 {
inline constexpr std::uint8_t kFlag = 0x7E;    // frame start / end
inline constexpr std::uint8_t kEscape = 0x7D;  // next byte is XOR 0x20
inline constexpr std::uint8_t kEscapeXor = 0x20;

inline constexpr std::size_t kHeaderBytes = 40;
inline constexpr std::size_t kMaxRecordBytes = 1500;  // longer frames are discarded and counted
inline constexpr std::size_t kMaxSubrecords = 8;
inline constexpr std::uint8_t kSubrecordListEnd = 0xFF;

inline constexpr std::uint16_t kMainTypePhdb = 0;  // physiological database record
inline constexpr std::uint16_t kMainTypeWave = 1;
inline constexpr std::uint8_t kSrTypeDisplayed = 1;  // displayed-values subrecord / request type
inline constexpr std::uint8_t kSrTypeRequest = 0;    // sr_desc type used in a host request

// Displayed-values subrecord: time u32 + 270 bytes class data + marker + reserved + cl_drilvl_subt.
inline constexpr std::size_t kDisplayedBytes = 278;
inline constexpr std::size_t kClassDataOffset = 4;  // within the subrecord
inline constexpr std::size_t kClassDataBytes = 270;
inline constexpr std::size_t kClassWordOffset = 276;  // cl_drilvl_subt within the subrecord
inline constexpr std::uint16_t kClassMask = 0x0F00;   // class in bits 8-11; 0 = basic
inline constexpr std::size_t kGroupHeaderBytes = 6;   // u32 status + u16 label
inline constexpr std::size_t kNibpGroupOffset = 72;   // within the class data
inline constexpr std::size_t kSpo2GroupOffset = 118;  // within the class data
inline constexpr std::size_t kDisplayedRecordBytes = kHeaderBytes + kDisplayedBytes;  // 318

inline constexpr std::uint32_t kGroupExists = 1u << 0;
inline constexpr std::uint32_t kGroupActive = 1u << 1;
inline constexpr std::uint16_t kNibpLabelAuto = 1u << 3;
inline constexpr std::uint16_t kNibpLabelStat = 1u << 4;
inline constexpr std::uint16_t kNibpLabelMeasuring = 1u << 5;
inline constexpr std::uint16_t kNibpLabelStasis = 1u << 6;
inline constexpr std::uint16_t kNibpLabelCalibrating = 1u << 7;
inline constexpr std::uint16_t kNibpLabelOlderThan60s = 1u << 8;

// Values <= kSentinelMax are special (-32767 invalid, -32766 not updated, -32765 discontinuity,
// -32764 under range, -32763 over range, -32762 not calibrated).
inline constexpr std::int16_t kSentinelMax = -32001;
inline constexpr std::int16_t kInvalid = -32767;
inline constexpr std::int16_t kUnderRange = -32764;
inline constexpr std::int16_t kOverRange = -32763;

// dri_level written into records and requests we send. UNVERIFIED which level a monitor
// requires in a request: VSCapture sends the request with 9, 8 and 7 in turn, icu_devices uses 0.
// If a monitor ignores our requests, try 9 here first.
inline constexpr std::uint8_t kRequestDriLevel = 0;
// dri_level our simulated monitor claims in its records (9 = DRI level '05).
inline constexpr std::uint8_t kSimulatedDriLevel = 9;

// 8-bit sum of the bytes (the S/5 checksum of an unstuffed record).
std::uint8_t checksum(std::span<const std::uint8_t> record);
// Appends 7E + stuffed(record || checksum(record)) + 7E to out.
void append_frame(std::span<const std::uint8_t> record, std::vector<std::uint8_t>& out);
}  // namespace ge_s5

// NIBP measurement mode from the NIBP group label (bits 3 AUTO, 4 STAT; neither = manual).
enum class GeS5NibpMode : std::uint8_t { unknown, manual, automatic, stat };

// Incremental unstuffing into a fixed buffer; shared by the decoder and the request parser.
// Calls handler.on_record(record) for every frame whose checksum is right; the handler returns
// false when the record is malformed, and its raw bytes are then counted as discarded.
// Every closing 7E also opens the next frame, so both "7E f 7E 7E f 7E" and "7E f 7E f 7E" work.
class GeS5Deframer {
 public:
  class Handler {
   public:
    virtual bool on_record(std::span<const std::uint8_t> record) = 0;

   protected:
    ~Handler() = default;
  };

  // Updates counters.bytes_discarded and counters.checksum_errors (never frames: the handler
  // counts what it accepts). Flag bytes (7E) are never counted as discarded.
  void feed(std::span<const std::uint8_t> bytes, DecoderCounters& counters, Handler& handler);
  std::uint64_t oversize_frames() const { return oversize_frames_; }

 private:
  void close_frame(DecoderCounters& counters, Handler& handler);

  std::array<std::uint8_t, ge_s5::kMaxRecordBytes + 1> buf_{};  // record + checksum
  std::size_t len_ = 0;                                         // unstuffed bytes in buf_
  std::size_t raw_len_ = 0;  // stuffed bytes of the current frame (flags excluded)
  bool in_frame_ = false;    // false: hunting for 7E (start-up or after an over-long frame)
  bool escaped_ = false;
  std::uint64_t oversize_frames_ = 0;
};

// Decodes PHDB displayed-values records into readings:
//   spo2 (%), pulse_rate (bpm) from the SpO2 group; nibp_systolic/diastolic/mean (mmHg) and
//   nibp_pulse_rate (bpm) from the NIBP group.
// Every basic displayed-values subrecord yields these six readings (the station de-duplicates);
// a value is absent when it is a sentinel or its group does not exist or is not active. Under /
// over range also sets value_out_of_range. NIBP readings carry measuring / calibrating / stale
// (data older than 60 s) from the NIBP label. device_time_s = the header's r_time (Unix s).
// Records are accepted only when r_len equals the unstuffed record length and every sr_desc
// offset of a displayed-values subrecord fits inside r_len; others count as discarded bytes.
class GeS5Decoder final : public Decoder, private GeS5Deframer::Handler {
 public:
  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return protocol_name(ProtocolFamily::ge_s5); }

  // Mode of the last NIBP group seen that exists and is active.
  GeS5NibpMode last_nibp_mode() const { return nibp_mode_; }
  std::uint64_t oversize_frames() const { return deframer_.oversize_frames(); }
  // Frames with a right checksum but a bad header or subrecord bounds.
  std::uint64_t malformed_records() const { return malformed_; }

 private:
  bool on_record(std::span<const std::uint8_t> record) override;

  GeS5Deframer deframer_;
  DecoderSink* sink_ = nullptr;  // valid only during feed()
  GeS5NibpMode nibp_mode_ = GeS5NibpMode::unknown;
  std::uint64_t malformed_ = 0;
};

// Appends one framed displayed-values record (318-byte record, one basic subrecord) as a
// monitor sends it. Absent values become -32767; values that do not fit the field become the
// over/under-range sentinel. Groups exist; a group is active when it has a value or a flag.
// NIBP flags measuring / calibrating / stale map to label bits 5 / 7 / 8. Not encoded: the
// oximeter's flags, PI, SpCO, SpMet, PVI, battery, and NibpState::error_code (the basic
// displayed values carry none of them).
void encode_displayed_values(const OximeterState& oximeter, const NibpState& nibp,
                             std::uint32_t unix_time, std::vector<std::uint8_t>& out,
                             GeS5NibpMode mode = GeS5NibpMode::manual);

// Appends the host's framed 49-byte request for displayed values (basic class).
// interval_s: >= 5 every N seconds, -1 once, 0 cancel (clamped to the int16 field).
void encode_displayed_values_request(int interval_s, std::vector<std::uint8_t>& out);

// Device side (simulators): recognises displayed-values requests in the host's byte stream.
class GeS5RequestParser final : private GeS5Deframer::Handler {
 public:
  // Returns the interval (s; -1 once, 0 cancel) of the last displayed-values request completed
  // in these bytes, or nullopt. Never throws; any chunking gives the same result.
  std::optional<int> feed(std::span<const std::uint8_t> bytes);
  // frames = well-formed records (r_len equals the record length), requests or not;
  // bytes_discarded / checksum_errors as for a decoder.
  const DecoderCounters& counters() const { return counters_; }

 private:
  bool on_record(std::span<const std::uint8_t> record) override;

  GeS5Deframer deframer_;
  DecoderCounters counters_;
  std::optional<int> last_;
};

}  // namespace vigil::protocols

#pragma once
// SunTech Advantage NIBP module (9600 8N1): module-reply decoder, host-command encoder, and the
// device-side pieces a simulator needs (host-command parser, module-reply encoders).
//
// Host packet:   3A cmd [data] cks
// Module packet: 3E LEN(total bytes, including 3E and cks) data... cks
// In both, cks makes the sum of all bytes of the packet 0 mod 256.
// Module replies: ack (LEN 4), cuff pressure (LEN 5), BP data (LEN 24). See docs/devices.md.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigil/core/enum_names.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/device_state.hpp"
#include "vigil/protocols/protocol_family.hpp"

namespace vigil::protocols {

inline constexpr std::uint8_t kSunTechHostStart = 0x3A;
inline constexpr std::uint8_t kSunTechModuleStart = 0x3E;
inline constexpr std::size_t kSunTechAckLength = 4;
inline constexpr std::size_t kSunTechCuffLength = 5;
inline constexpr std::size_t kSunTechBpLength = 24;

// Byte offsets inside the 24-byte BP data reply, checked against the docs/devices.md vector
// (3E 18 73 00 4A 00 1E 01 ... 55 00 58 00 00 00 00 E9 = 115/74, HR 85, MAP 88).
namespace suntech_bp {
inline constexpr std::size_t systolic = 2;    // u16 LE, mmHg
inline constexpr std::size_t diastolic = 4;   // u16 LE, mmHg
inline constexpr std::size_t beats = 6;       // u8, heart beats counted during the measurement
inline constexpr std::size_t status = 7;      // u8, module BP status (not interpreted)
inline constexpr std::size_t test_codes = 8;  // 8 bytes, not interpreted
// HR is read as u16 LE (byte 17 is 0 in the only vector; a u8 reading would give the same
// result for every physiological rate). Unverified: if byte 17 turns out to be something else,
// change the decoder's read of this field only.
inline constexpr std::size_t heart_rate = 16;  // bpm
inline constexpr std::size_t mean = 18;        // u16 LE, mmHg
inline constexpr std::size_t error_code = 20;  // u8, 0 = success
}  // namespace suntech_bp

enum class SunTechCommand : std::uint8_t {
  start_adult,        // 3A 20 A6
  start_pediatric,    // 3A 87 3F
  start_neonatal,     // 3A 28 9E
  abort,              // 3A 79 01 00 4C
  get_cuff_pressure,  // 3A 79 05 00 48 -> 3E 05 lo hi cks
  get_bp_data,        // 3A 79 03 00 4A -> 24-byte BP data reply
};

constexpr std::string_view suntech_command_name(SunTechCommand v) {
  switch (v) {
    case SunTechCommand::start_adult:
      return "start_adult";
    case SunTechCommand::start_pediatric:
      return "start_pediatric";
    case SunTechCommand::start_neonatal:
      return "start_neonatal";
    case SunTechCommand::abort:
      return "abort";
    case SunTechCommand::get_cuff_pressure:
      return "get_cuff_pressure";
    case SunTechCommand::get_bp_data:
      return "get_bp_data";
  }
  return {};
}
constexpr std::string_view enum_name(SunTechCommand v) { return suntech_command_name(v); }

// Static name of a module error code ("loose cuff", ...); "unknown error" for codes not listed.
std::string_view suntech_error_name(int code);
// True when `code` has a name of its own in the table above.
bool suntech_error_known(int code);

// Decodes module packets. Emits:
//  ack 'O'/'A'/'B'  -> DeviceReply{ack, code = letter}; 'K' -> DeviceReply{measurement_done}
//  cuff pressure    -> Reading cuff_pressure (mmHg), flag measuring
//  BP data, error 0 -> Readings nibp_systolic, nibp_diastolic, nibp_mean (mmHg),
//                      nibp_pulse_rate (bpm), then DeviceCondition nibp_done
//  BP data, error N -> the same four Readings with no value, then DeviceCondition nibp_failed
//                      (detail = suntech_error_name(N), code = N)
// A start byte followed by an unknown LEN, a bad checksum or an unknown ack letter is not a
// frame: the 3E is dropped (counted) and the search restarts at the next byte, so a good packet
// hidden behind a truncated one is still found. No allocation after construction.
class SunTechDecoder final : public Decoder {
 public:
  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return protocol_name(ProtocolFamily::suntech); }

  // Bytes held back because they may start a packet that has not fully arrived yet. Every byte
  // fed is exactly one of: in a decoded frame, counted in bytes_discarded, or buffered here.
  std::size_t buffered_bytes() const { return pending_length_; }

 private:
  enum class Step : std::uint8_t { need_more, skip, frame };
  Step examine(const std::uint8_t* p, std::size_t n);
  void consume_pending(const std::uint8_t*& p, std::size_t& n, DecoderSink& sink);
  void drop_pending_front(std::size_t count);
  void emit(const std::uint8_t* frame, DecoderSink& sink);

  std::array<std::uint8_t, kSunTechBpLength> pending_{};
  std::size_t pending_length_ = 0;
};

// ---- Host side -------------------------------------------------------------------------------

// Appends the host packet for `command` to `out`.
void encode_command(SunTechCommand command, std::vector<std::uint8_t>& out);

// ---- Device side (simulator) -----------------------------------------------------------------

struct SunTechParserCounters {
  std::uint64_t commands = 0;         // host packets recognised
  std::uint64_t bytes_discarded = 0;  // bytes dropped while resynchronising
  std::uint64_t checksum_errors = 0;  // packets of a known command with a bad checksum
  friend bool operator==(const SunTechParserCounters&, const SunTechParserCounters&) = default;
};

// Recognises host packets in a byte stream, one byte at a time (so any chunking gives the same
// result). Never throws; garbage, unknown commands and bad checksums are counted and skipped.
class SunTechCommandParser {
 public:
  // Returns the command completed by this byte, if any.
  std::optional<SunTechCommand> push(std::uint8_t byte);

  // Calls on_command(SunTechCommand) for each command found in `bytes`.
  template <typename OnCommand>
  void feed(std::span<const std::uint8_t> bytes, OnCommand&& on_command) {
    for (std::uint8_t b : bytes) {
      if (auto c = push(b)) on_command(*c);
    }
  }

  const SunTechParserCounters& counters() const { return counters_; }
  std::size_t buffered_bytes() const { return length_; }

 private:
  static constexpr std::size_t kLongest = 5;
  std::array<std::uint8_t, kLongest> buffer_{};
  std::size_t length_ = 0;
  SunTechParserCounters counters_;
};

// Module replies, appended to `out` exactly as the module sends them.
// Any letter is written; the decoder only accepts 'O', 'K', 'A' and 'B'.
void encode_ack(char letter, std::vector<std::uint8_t>& out);
// Cuff pressure in mmHg, clamped to 0..65535.
void encode_cuff_pressure(int mmHg, std::vector<std::uint8_t>& out);
// BP data reply: values in mmHg / bpm, absent values written as 0 (the protocol has no
// "absent" marker, so a success reply with an absent value decodes as 0), error code from
// state.error_code (0..255), `beats` (0..255) the number of heart beats counted. Status and test
// codes are written as 0.
void encode_bp_result(const NibpState& state, int beats, std::vector<std::uint8_t>& out);

}  // namespace vigil::protocols

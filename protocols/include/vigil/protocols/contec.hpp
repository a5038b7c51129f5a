#pragma once
// Contec CMS50 pulse oximeters: the legacy 5-byte stream (CLI name "contec-legacy") and the V7.0
// 9-byte packet protocol ("contec-v7"). Decoders for the host side; encoders and a host-command
// parser for simulators. Facts: docs/devices.md, the Contec sections.
//
// Units of the emitted readings: spo2 %, pulse_rate bpm, pleth device units 0-127,
// perfusion_index % (V7 sends PI x 100). No allocation per byte or per frame.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigil/core/enum_names.hpp"
#include "vigil/protocols/condition_edge.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/device_state.hpp"
#include "vigil/protocols/protocol_family.hpp"
#include "vigil/protocols/value_confirmation.hpp"

namespace vigil::protocols {

inline constexpr std::string_view kContecLegacyProtocolName =
    protocol_name(ProtocolFamily::contec_legacy);
inline constexpr std::string_view kContecV7ProtocolName = protocol_name(ProtocolFamily::contec_v7);

// --- Legacy sentinels: UNVERIFIED. The V5.1 document does not define "no value"; these follow
// the V7 convention (SpO2 0x7F) and a saturated 8-bit PR. Correct them here if a capture shows
// otherwise; the encoder and the tests follow these constants.
inline constexpr int kContecLegacySpo2Unavailable = 127;   // % byte value meaning "no SpO2"
inline constexpr int kContecLegacyPulseUnavailable = 255;  // bpm value meaning "no pulse"
// UNVERIFIED: legacy units are reported to send 0 while searching or with a probe error; when
// true, a 0 SpO2 / PR in such a frame is absent rather than a measured zero.
inline constexpr bool kContecLegacyZeroIsAbsentWhileSearching = true;

// --- V7 sentinels (documented in the V7.0 PDF).
inline constexpr int kContecV7PulseUnavailable = 0xFF;  // bpm
inline constexpr int kContecV7Spo2Unavailable = 0x7F;   // %
inline constexpr int kContecV7PiUnavailable = 0xFFFF;   // PI x 100
inline constexpr int kContecV7PiMaxRaw = 2200;          // 22.00 %
inline constexpr int kContecV7ProbeErrorPleth = 0x40;   // pleth is frozen here on probe error
inline constexpr std::uint8_t kContecV7CommandPacketType = 0x7D;
inline constexpr std::size_t kContecV7MaxPacketLength = 9;  // type + high byte + 7 data bytes

// V7 device packet types the decoder knows, with their total length in bytes (type and high
// byte included); 0 for an unknown type. Reply lengths other than 0x0C are UNVERIFIED.
std::size_t contec_v7_packet_length(std::uint8_t type);

// Signal strength 0-8 and the pulse bar graph 0-15 of the most recent live frame.
struct ContecSignal {
  int strength = 0;
  int bar_graph = 0;
};

// Host side, legacy 5-byte stream. Sync: bit 7 is set only in byte 1 of a frame.
// Per frame: readings pleth, pulse_rate, spo2. Probe error raises/clears a sensor_fault
// condition (edge-triggered) and flags the readings sensor_fault.
class ContecLegacyDecoder : public Decoder {
 public:
  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return kContecLegacyProtocolName; }
  std::optional<ContecSignal> last_signal() const { return last_signal_; }
  std::optional<int> last_signal_strength() const;  // 0-8; absent before the first frame

  static constexpr std::size_t kFrameLength = 5;

 private:
  void decode_frame(const std::uint8_t* frame, DecoderSink& sink);

  std::array<std::uint8_t, kFrameLength> buf_{};
  std::size_t len_ = 0;
  // No checksum: values and the probe-error bit are confirmed (value_confirmation.hpp); the
  // device repeats them 60 times a second, so a real change shows one frame later.
  ConditionEdge probe_error_{core::DeviceConditionKind::sensor_fault, "probe error", 2};
  ValueConfirmation spo2_;
  ValueConfirmation pulse_rate_;
  std::optional<ContecSignal> last_signal_;
};

// Host side, V7.0 packets. Live packets (0x01) give pleth, pulse_rate, spo2, perfusion_index;
// probe error (finger out) makes pleth absent, flags sensor_off and raises/clears a sensor_off
// condition (edge-triggered). Reply packets go to DecoderSink::on_reply:
//   0x0C stop ack -> ack, code 0xA2      0x04/0x02/0x03 -> device_id/model/vendor with text
//   0x0E -> capability "pi_support", code 1 = supported    0x11 -> capability "notice", code
//   0x0B -> nak, code = reason (05 = unknown command)
// Every packet (live or reply) counts as one frame.
class ContecV7Decoder : public Decoder {
 public:
  void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) override;
  std::string_view protocol() const override { return kContecV7ProtocolName; }
  std::optional<ContecSignal> last_signal() const { return last_signal_; }
  std::optional<int> last_signal_strength() const;  // 0-8; absent before the first live frame

 private:
  void dispatch(const std::uint8_t* packet, std::size_t length, DecoderSink& sink);
  void decode_live(const std::uint8_t* packet, DecoderSink& sink);

  std::array<std::uint8_t, kContecV7MaxPacketLength> buf_{};
  std::size_t len_ = 0;
  std::size_t need_ = 0;
  // No checksum: as the legacy decoder, values and the probe-error bit are confirmed.
  ConditionEdge probe_error_{core::DeviceConditionKind::sensor_off, "finger out", 2};
  ValueConfirmation spo2_;
  ValueConfirmation pulse_rate_;
  ValueConfirmation perfusion_index_;
  std::optional<ContecSignal> last_signal_;
};

// V7 host commands; the enumerator value is the command code.
enum class ContecCommand : std::uint8_t {
  start_live = 0xA1,
  stop_live = 0xA2,   // reply 0x0C
  model = 0xA8,       // reply 0x02
  vendor = 0xA9,      // reply 0x03
  device_id = 0xAA,   // reply 0x04
  pi_support = 0xAC,  // reply 0x0E
  keep_alive = 0xAF,  // every 5 s, or the stream stops after ~30 s
  notice = 0xB0,      // reply 0x11
};

std::optional<ContecCommand> contec_command_from_code(std::uint8_t code);
constexpr std::string_view contec_command_name(ContecCommand v) {
  switch (v) {
    case ContecCommand::start_live:
      return "start_live";
    case ContecCommand::stop_live:
      return "stop_live";
    case ContecCommand::model:
      return "model";
    case ContecCommand::vendor:
      return "vendor";
    case ContecCommand::device_id:
      return "device_id";
    case ContecCommand::pi_support:
      return "pi_support";
    case ContecCommand::keep_alive:
      return "keep_alive";
    case ContecCommand::notice:
      return "notice";
  }
  return {};
}
constexpr std::string_view enum_name(ContecCommand v) { return contec_command_name(v); }

// Reason code in the "unknown command" reply (0x0B).
inline constexpr int kContecV7UnknownCommandReason = 0x05;

// Simulator side: the legacy device's bytes.
struct ContecLegacyEncoder {
  // Appends one 5-byte frame. pleth 0-127, signal 0-8 (clamped); bar graph follows the pleth.
  // Flags used: searching_too_long, spo2_dropping, pulse_beep, searching, and sensor_fault or
  // sensor_off (both sent as "probe error"). Absent values become the legacy sentinels.
  static void encode(const OximeterState& state, int pleth, int signal,
                     std::vector<std::uint8_t>& out);
  static void encode(const OximeterState& state, int pleth, int signal, int bar_graph,
                     std::vector<std::uint8_t>& out);
};

// Simulator side (device bytes) and host commands for the V7.0 protocol.
struct ContecV7Encoder {
  // Appends one 9-byte live packet. pleth 0-127, signal 0-8 (clamped); bar graph follows the
  // pleth. sensor_off -> probe error (pleth sent as 0x40, as the device does); spo2_dropping ->
  // "low SpO2"; PI in % (sent x 100, 0-2200). Absent values become the V7 sentinels.
  static void encode_live(const OximeterState& state, int pleth, int signal,
                          std::vector<std::uint8_t>& out);
  static void encode_live(const OximeterState& state, int pleth, int signal, int bar_graph,
                          std::vector<std::uint8_t>& out);

  // Device replies (layouts other than stop ack UNVERIFIED; see contec_v7_replies.cpp).
  // Text longer than 7 characters is cut.
  static void encode_stop_ack(std::vector<std::uint8_t>& out);
  static void encode_device_id(std::string_view text, std::vector<std::uint8_t>& out);
  static void encode_model(std::string_view text, std::vector<std::uint8_t>& out);
  static void encode_vendor(std::string_view text, std::vector<std::uint8_t>& out);
  static void encode_pi_support(bool supported, std::vector<std::uint8_t>& out);
  static void encode_notice(int code, std::vector<std::uint8_t>& out);
  static void encode_unknown_command(std::vector<std::uint8_t>& out,
                                     int reason = kContecV7UnknownCommandReason);

  // Host -> device: `7D 81 CC 80 80 80 80 80 80` (parameters zero).
  static void encode_command(ContecCommand command, std::vector<std::uint8_t>& out);
};

// One host command packet as the device saw it.
struct ContecV7CommandPacket {
  std::uint8_t code = 0;                 // raw command code after bit-7 restore
  std::optional<ContecCommand> command;  // absent for a code this codec does not know
  std::array<std::uint8_t, 6> params{};  // parameters after bit-7 restore
};

// Simulator side: finds host command packets (type 0x7D, 9 bytes) in a byte stream.
// Incremental (any chunking), never throws; bytes that do not form a packet are discarded.
class ContecV7CommandParser {
 public:
  // Returns the command completed by this byte, if any.
  std::optional<ContecV7CommandPacket> push(std::uint8_t byte);
  std::uint64_t bytes_discarded() const { return bytes_discarded_; }
  std::uint64_t packets() const { return packets_; }

 private:
  std::array<std::uint8_t, kContecV7MaxPacketLength> buf_{};
  std::size_t len_ = 0;
  std::uint64_t bytes_discarded_ = 0;
  std::uint64_t packets_ = 0;
};

}  // namespace vigil::protocols

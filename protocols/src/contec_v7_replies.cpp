// Contec V7.0 host commands and device replies: reply layouts (decode and encode), the host
// command encoder and the device-side command parser.

#include <algorithm>

#include "contec_v7_wire.hpp"
#include "vigil/protocols/contec.hpp"

namespace vigil::protocols {

namespace {

constexpr std::uint8_t kModelType = 0x02;
constexpr std::uint8_t kVendorType = 0x03;
constexpr std::uint8_t kDeviceIdType = 0x04;
constexpr std::uint8_t kUnknownCommandType = 0x0B;
constexpr std::uint8_t kStopAckType = 0x0C;
constexpr std::uint8_t kPiSupportType = 0x0E;
constexpr std::uint8_t kNoticeType = 0x11;
constexpr std::size_t kTextBytes = 7;  // data bytes of a 9-byte packet

void set_text(DeviceReply& reply, std::span<const std::uint8_t> bytes) {
  std::size_t n = 0;
  while (n < bytes.size() && n < reply.text.size() && bytes[n] != 0) {
    reply.text[n] = static_cast<char>(bytes[n]);
    ++n;
  }
  reply.text_length = n;
}

void set_text(DeviceReply& reply, std::string_view s) {
  const std::size_t n = std::min(s.size(), reply.text.size());
  std::copy_n(s.begin(), n, reply.text.begin());
  reply.text_length = n;
}

void append_text_packet(std::uint8_t type, std::string_view text, std::vector<std::uint8_t>& out) {
  std::array<std::uint8_t, kTextBytes> data{};  // NUL padded
  for (std::size_t i = 0; i < data.size() && i < text.size(); ++i) {
    data[i] = static_cast<std::uint8_t>(text[i]);
  }
  contec_v7::append_packet(type, data, out);
}

}  // namespace

// The one place that knows reply payload layouts. UNVERIFIED (docs/devices.md names the reply types
// but not their payloads), except the stop ack `0C 80`:
//   0x02/0x03/0x04 model/vendor/device id: 7 data bytes of ASCII text, NUL padded
//   0x0E PI support: 1 data byte, non-zero = supported -> capability "pi_support", code = byte
//   0x11 notice: 7 data bytes, the first is the notice code -> capability "notice", code
//   0x0B unknown command: 1 data byte, the reason (05) -> nak, code = reason
//   0x0C stop ack: no data -> ack, code = 0xA2 (the command acknowledged)
bool contec_v7::decode_reply(std::uint8_t type, std::span<const std::uint8_t> data,
                             DeviceReply& reply) {
  switch (type) {
    case kStopAckType:
      reply.kind = ReplyKind::ack;
      reply.code = static_cast<int>(ContecCommand::stop_live);
      return true;
    case kModelType:
      reply.kind = ReplyKind::model;
      set_text(reply, data);
      return true;
    case kVendorType:
      reply.kind = ReplyKind::vendor;
      set_text(reply, data);
      return true;
    case kDeviceIdType:
      reply.kind = ReplyKind::device_id;
      set_text(reply, data);
      return true;
    case kPiSupportType:
      reply.kind = ReplyKind::capability;
      reply.code = data.empty() ? 0 : data[0];
      set_text(reply, std::string_view("pi_support"));
      return true;
    case kNoticeType:
      reply.kind = ReplyKind::capability;
      reply.code = data.empty() ? 0 : data[0];
      set_text(reply, std::string_view("notice"));
      return true;
    case kUnknownCommandType:
      reply.kind = ReplyKind::nak;
      reply.code = data.empty() ? 0 : data[0];
      return true;
    default:
      return false;
  }
}

void ContecV7Encoder::encode_stop_ack(std::vector<std::uint8_t>& out) {
  contec_v7::append_packet(kStopAckType, {}, out);
}

void ContecV7Encoder::encode_device_id(std::string_view text, std::vector<std::uint8_t>& out) {
  append_text_packet(kDeviceIdType, text, out);
}

void ContecV7Encoder::encode_model(std::string_view text, std::vector<std::uint8_t>& out) {
  append_text_packet(kModelType, text, out);
}

void ContecV7Encoder::encode_vendor(std::string_view text, std::vector<std::uint8_t>& out) {
  append_text_packet(kVendorType, text, out);
}

void ContecV7Encoder::encode_pi_support(bool supported, std::vector<std::uint8_t>& out) {
  const std::array<std::uint8_t, 1> data{static_cast<std::uint8_t>(supported ? 1 : 0)};
  contec_v7::append_packet(kPiSupportType, data, out);
}

void ContecV7Encoder::encode_notice(int code, std::vector<std::uint8_t>& out) {
  std::array<std::uint8_t, kTextBytes> data{};
  data[0] = static_cast<std::uint8_t>(code);
  contec_v7::append_packet(kNoticeType, data, out);
}

void ContecV7Encoder::encode_unknown_command(std::vector<std::uint8_t>& out, int reason) {
  const std::array<std::uint8_t, 1> data{static_cast<std::uint8_t>(reason)};
  contec_v7::append_packet(kUnknownCommandType, data, out);
}

void ContecV7Encoder::encode_command(ContecCommand command, std::vector<std::uint8_t>& out) {
  const std::array<std::uint8_t, 7> data{static_cast<std::uint8_t>(command), 0, 0, 0, 0, 0, 0};
  contec_v7::append_packet(kContecV7CommandPacketType, data, out);
}

std::optional<ContecCommand> contec_command_from_code(std::uint8_t code) {
  switch (static_cast<ContecCommand>(code)) {
    case ContecCommand::start_live:
    case ContecCommand::stop_live:
    case ContecCommand::model:
    case ContecCommand::vendor:
    case ContecCommand::device_id:
    case ContecCommand::pi_support:
    case ContecCommand::keep_alive:
    case ContecCommand::notice:
      return static_cast<ContecCommand>(code);
  }
  return std::nullopt;
}

std::optional<ContecV7CommandPacket> ContecV7CommandParser::push(std::uint8_t byte) {
  if ((byte & 0x80u) == 0) {
    // A type byte: whatever was pending is dropped; only command packets are of interest.
    bytes_discarded_ += len_;
    len_ = 0;
    if (byte == kContecV7CommandPacketType) {
      buf_[len_++] = byte;
    } else {
      ++bytes_discarded_;
    }
    return std::nullopt;
  }
  if (len_ == 0) {
    ++bytes_discarded_;
    return std::nullopt;
  }
  buf_[len_++] = byte;
  if (len_ < buf_.size()) return std::nullopt;
  len_ = 0;
  ++packets_;
  std::array<std::uint8_t, kContecV7MaxPacketLength - 2> data{};
  contec_v7::unpack(buf_.data(), buf_.size(), data.data());
  ContecV7CommandPacket packet;
  packet.code = data[0];
  packet.command = contec_command_from_code(data[0]);
  std::copy(data.begin() + 1, data.end(), packet.params.begin());
  return packet;
}

}  // namespace vigil::protocols

#pragma once
// The contract every device decoder keeps: bytes in (any chunking), readings and conditions out.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "vigil/core/device_condition.hpp"
#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::protocols {

struct DecoderCounters {
  std::uint64_t frames = 0;           // frames / packets / lines decoded
  std::uint64_t bytes_discarded = 0;  // bytes dropped while resynchronising
  std::uint64_t checksum_errors = 0;  // frames with a bad checksum (0 where there is none)
  friend bool operator==(const DecoderCounters&, const DecoderCounters&) = default;
};

// A reply to a host command (acknowledgement, identity, ...). Fixed storage: no allocation.
enum class ReplyKind : std::uint8_t {
  ack,               // command accepted (SunTech 'O'/'A'/'B', Nonin ACK, Contec stop)
  nak,               // command refused (Nonin NAK, Contec "unknown command")
  measurement_done,  // SunTech 'K': the measurement finished, fetch the result
  device_id,         // Contec device identifier
  model,             // Contec model text
  vendor,            // Contec vendor text
  capability,        // Contec PI support, notice
};

constexpr std::string_view reply_kind_name(ReplyKind v) {
  switch (v) {
    case ReplyKind::ack:
      return "ack";
    case ReplyKind::nak:
      return "nak";
    case ReplyKind::measurement_done:
      return "measurement_done";
    case ReplyKind::device_id:
      return "device_id";
    case ReplyKind::model:
      return "model";
    case ReplyKind::vendor:
      return "vendor";
    case ReplyKind::capability:
      return "capability";
  }
  return {};
}
constexpr std::string_view enum_name(ReplyKind v) { return reply_kind_name(v); }

struct DeviceReply {
  ReplyKind kind = ReplyKind::ack;
  int code = 0;  // protocol-specific byte (e.g. the SunTech ack letter)
  std::array<char, 32> text{};
  std::size_t text_length = 0;
  std::string_view text_view() const { return {text.data(), text_length}; }
};

class DecoderSink {
 public:
  virtual ~DecoderSink() = default;
  virtual void on_reading(const core::Reading& reading) = 0;
  virtual void on_condition(const core::DeviceCondition& condition) = 0;
  virtual void on_reply(const DeviceReply& /*reply*/) {}
};

// Incremental decoder. feed() never throws on input and never reads outside the span; after
// garbage it resynchronises on the next valid frame. counters().frames is incremented before
// the items of a frame reach the sink, so inside a callback `counters().frames - 1` is the
// 0-based index of the frame that produced the item.
class Decoder {
 public:
  virtual ~Decoder() = default;
  virtual void feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) = 0;
  // End of an offline capture (a file): emits what a protocol holds back until a later frame
  // confirms it (Nonin packets). Never called on a live stream, where the next frame comes.
  virtual void finish(DecoderSink& /*sink*/) {}
  virtual std::string_view protocol() const = 0;
  const DecoderCounters& counters() const { return counters_; }

  // Live monitoring: protocols without a checksum (Contec, Nonin DF8, Masimo ASCII) then pass a
  // value on only once it is confirmed and report a condition only once two frames agree
  // (value_confirmation.hpp), so one corrupted byte cannot show a wrong number or raise a
  // condition. Off by default: an offline decode shows exactly what the bytes say.
  void set_confirmation(bool on) { confirm_ = on; }
  bool confirmation() const { return confirm_; }

 protected:
  DecoderCounters counters_;
  bool confirm_ = false;
};

}  // namespace vigil::protocols

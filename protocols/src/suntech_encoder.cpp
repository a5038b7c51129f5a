// SunTech Advantage encoders (host commands, module replies) and the device-side command parser.

#include <algorithm>
#include <array>
#include <cstring>

#include "vigil/protocols/suntech.hpp"

namespace vigil::protocols {

namespace {

// Host command bytes (docs/devices.md). Start commands are one byte; 0x79 takes two data bytes.
constexpr std::uint8_t kStartAdult = 0x20;
constexpr std::uint8_t kStartPediatric = 0x87;
constexpr std::uint8_t kStartNeonatal = 0x28;
constexpr std::uint8_t kControl = 0x79;
constexpr std::uint8_t kSubAbort = 0x01;
constexpr std::uint8_t kSubBpData = 0x03;
constexpr std::uint8_t kSubCuffPressure = 0x05;

// The byte that makes the packet sum to 0 mod 256.
std::uint8_t checksum_for(std::span<const std::uint8_t> bytes) {
  unsigned sum = 0;
  for (std::uint8_t b : bytes) sum += b;
  return static_cast<std::uint8_t>((0x100u - (sum & 0xFFu)) & 0xFFu);
}

// Appends `body` and its checksum.
void append_packet(std::span<const std::uint8_t> body, std::vector<std::uint8_t>& out) {
  out.insert(out.end(), body.begin(), body.end());
  out.push_back(checksum_for(body));
}

std::uint8_t to_u8(int v) { return static_cast<std::uint8_t>(std::clamp(v, 0, 0xFF)); }

void put_u16le(std::uint8_t* p, int v) {
  const auto u = static_cast<unsigned>(std::clamp(v, 0, 0xFFFF));
  p[0] = static_cast<std::uint8_t>(u & 0xFFu);
  p[1] = static_cast<std::uint8_t>(u >> 8);
}

// Total length of the host packet whose command byte is `cmd`; 0 for an unknown command.
constexpr std::size_t host_length(std::uint8_t cmd) {
  switch (cmd) {
    case kStartAdult:
    case kStartPediatric:
    case kStartNeonatal:
      return 3;
    case kControl:
      return 5;
    default:
      return 0;
  }
}

// The command of a complete, checksum-valid host packet; nullopt if the data is not known.
std::optional<SunTechCommand> command_of(const std::uint8_t* p) {
  switch (p[1]) {
    case kStartAdult:
      return SunTechCommand::start_adult;
    case kStartPediatric:
      return SunTechCommand::start_pediatric;
    case kStartNeonatal:
      return SunTechCommand::start_neonatal;
    default:
      break;
  }
  if (p[3] != 0x00) return std::nullopt;
  switch (p[2]) {
    case kSubAbort:
      return SunTechCommand::abort;
    case kSubBpData:
      return SunTechCommand::get_bp_data;
    case kSubCuffPressure:
      return SunTechCommand::get_cuff_pressure;
    default:
      return std::nullopt;
  }
}

}  // namespace

void encode_command(SunTechCommand command, std::vector<std::uint8_t>& out) {
  auto start = [&](std::uint8_t cmd) {
    const std::array<std::uint8_t, 2> body{kSunTechHostStart, cmd};
    append_packet(body, out);
  };
  auto control = [&](std::uint8_t sub) {
    const std::array<std::uint8_t, 4> body{kSunTechHostStart, kControl, sub, 0x00};
    append_packet(body, out);
  };
  switch (command) {
    case SunTechCommand::start_adult:
      return start(kStartAdult);
    case SunTechCommand::start_pediatric:
      return start(kStartPediatric);
    case SunTechCommand::start_neonatal:
      return start(kStartNeonatal);
    case SunTechCommand::abort:
      return control(kSubAbort);
    case SunTechCommand::get_cuff_pressure:
      return control(kSubCuffPressure);
    case SunTechCommand::get_bp_data:
      return control(kSubBpData);
  }
}

// Same resynchronisation rule as the module decoder: a packet that fails drops only its start
// byte, and the bytes after it are searched again.
std::optional<SunTechCommand> SunTechCommandParser::push(std::uint8_t byte) {
  buffer_[length_++] = byte;
  std::optional<SunTechCommand> found;
  while (length_ > 0) {
    bool drop = false;
    if (buffer_[0] != kSunTechHostStart) {
      drop = true;
    } else if (length_ >= 2) {
      const std::size_t total = host_length(buffer_[1]);
      if (total == 0) {
        drop = true;
      } else if (length_ >= total) {
        if (checksum_for({buffer_.data(), total - 1}) != buffer_[total - 1]) {
          ++counters_.checksum_errors;
          drop = true;
        } else if (auto c = command_of(buffer_.data())) {
          // At most one command per byte: two need at least 6 bytes, the buffer holds 5.
          ++counters_.commands;
          found = c;
          std::memmove(buffer_.data(), buffer_.data() + total, length_ - total);
          length_ -= total;
          continue;
        } else {
          drop = true;
        }
      }
    }
    if (!drop) break;  // a packet may be starting: wait for more bytes
    ++counters_.bytes_discarded;
    std::memmove(buffer_.data(), buffer_.data() + 1, length_ - 1);
    --length_;
  }
  return found;
}

void encode_ack(char letter, std::vector<std::uint8_t>& out) {
  const std::array<std::uint8_t, 3> body{kSunTechModuleStart, kSunTechAckLength,
                                         static_cast<std::uint8_t>(letter)};
  append_packet(body, out);
}

void encode_cuff_pressure(int mmHg, std::vector<std::uint8_t>& out) {
  std::array<std::uint8_t, 4> body{kSunTechModuleStart, kSunTechCuffLength, 0, 0};
  put_u16le(&body[2], mmHg);
  append_packet(body, out);
}

void encode_bp_result(const NibpState& state, int beats, std::vector<std::uint8_t>& out) {
  std::array<std::uint8_t, kSunTechBpLength - 1> body{};  // status, test codes, reserved: 0
  body[0] = kSunTechModuleStart;
  body[1] = kSunTechBpLength;
  put_u16le(&body[suntech_bp::systolic], state.systolic.value_or(0));
  put_u16le(&body[suntech_bp::diastolic], state.diastolic.value_or(0));
  body[suntech_bp::beats] = to_u8(beats);
  put_u16le(&body[suntech_bp::heart_rate], state.pulse_rate.value_or(0));
  put_u16le(&body[suntech_bp::mean], state.mean.value_or(0));
  body[suntech_bp::error_code] = to_u8(state.error_code);
  append_packet(body, out);
}

}  // namespace vigil::protocols

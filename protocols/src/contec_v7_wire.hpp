#pragma once
// V7.0 wire helpers shared by the Contec V7 decoder, encoders and command parser (private).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "vigil/protocols/decoder.hpp"

namespace vigil::protocols::contec_v7 {

// Restores the data bytes of a packet: bit k of the high byte (packet[1]) is bit 7 of
// packet[k + 2]. Writes length - 2 bytes to `data`.
inline void unpack(const std::uint8_t* packet, std::size_t length, std::uint8_t* data) {
  const unsigned high = packet[1];
  for (std::size_t i = 0; i + 2 < length; ++i) {
    data[i] = static_cast<std::uint8_t>((packet[i + 2] & 0x7Fu) | (((high >> i) & 1u) << 7));
  }
}

// Appends type, high byte and `0x80 | d` for each data byte (at most 7).
inline void append_packet(std::uint8_t type, std::span<const std::uint8_t> data,
                          std::vector<std::uint8_t>& out) {
  unsigned high = 0x80;
  for (std::size_t i = 0; i < data.size() && i < 7; ++i) high |= ((data[i] >> 7) & 1u) << i;
  out.push_back(static_cast<std::uint8_t>(type & 0x7Fu));
  out.push_back(static_cast<std::uint8_t>(high));
  for (std::size_t i = 0; i < data.size() && i < 7; ++i) {
    out.push_back(static_cast<std::uint8_t>(0x80u | data[i]));
  }
}

// Interprets a reply packet (any known type but 0x01). Returns false for a type that is not a
// reply. Layouts are UNVERIFIED except the stop ack; see contec_v7_replies.cpp.
bool decode_reply(std::uint8_t type, std::span<const std::uint8_t> data, DeviceReply& reply);

}  // namespace vigil::protocols::contec_v7

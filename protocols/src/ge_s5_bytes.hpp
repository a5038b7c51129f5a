#pragma once
// Little-endian field access for GE S/5 records. Callers check bounds before reading.

#include <cstddef>
#include <cstdint>
#include <span>

namespace vigil::protocols::ge_s5::detail {

inline std::uint16_t get_u16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
}
inline std::int16_t get_i16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::int16_t>(get_u16(b, at));
}
inline std::uint32_t get_u32(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::uint32_t>(get_u16(b, at)) |
         (static_cast<std::uint32_t>(get_u16(b, at + 2)) << 16);
}

inline void put_u16(std::span<std::uint8_t> b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v & 0xFF);
  b[at + 1] = static_cast<std::uint8_t>(v >> 8);
}
inline void put_i16(std::span<std::uint8_t> b, std::size_t at, std::int16_t v) {
  put_u16(b, at, static_cast<std::uint16_t>(v));
}
inline void put_u32(std::span<std::uint8_t> b, std::size_t at, std::uint32_t v) {
  put_u16(b, at, static_cast<std::uint16_t>(v & 0xFFFF));
  put_u16(b, at + 2, static_cast<std::uint16_t>(v >> 16));
}

}  // namespace vigil::protocols::ge_s5::detail

#pragma once
// GE S/5 test helpers written from the layout in docs/devices.md, independent of the codec's own
// encoder: explicit little-endian writes at absolute offsets, and our own stuffing.

#include <cstdint>
#include <vector>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/ge_s5.hpp"

namespace vigil::test::ge {

inline void put16(std::vector<std::uint8_t>& r, std::size_t at, int v) {
  r[at] = static_cast<std::uint8_t>(v & 0xFF);
  r[at + 1] = static_cast<std::uint8_t>((v >> 8) & 0xFF);
}
inline void put32(std::vector<std::uint8_t>& r, std::size_t at, std::uint32_t v) {
  put16(r, at, static_cast<int>(v & 0xFFFF));
  put16(r, at + 2, static_cast<int>(v >> 16));
}

// Absolute offsets with one displayed-values subrecord at sr offset 0:
// header 40 + subrecord time 4 + class offset + 6-byte group header.
constexpr std::size_t kNibpStatus = 40 + 4 + 72;  // 116
constexpr std::size_t kNibpLabel = kNibpStatus + 4;
constexpr std::size_t kNibpSys = 122, kNibpDia = 124, kNibpMean = 126, kNibpHr = 128;
constexpr std::size_t kSpo2Status = 40 + 4 + 118;  // 162
constexpr std::size_t kSpo2 = 168, kSpo2Pr = 170;
constexpr std::size_t kClassWord = 40 + 276;  // cl_drilvl_subt

// 318-byte record: SpO2 97.00 %, PR 72, NIBP 120/80 (93), HR 70, both groups exist + active.
inline std::vector<std::uint8_t> hand_built_record(std::uint32_t r_time = 1700000000) {
  std::vector<std::uint8_t> r(318, 0);
  put16(r, 0, 318);     // r_len
  put32(r, 6, r_time);  // r_time
  put16(r, 14, 0);      // r_maintype PHDB
  put16(r, 16, 0);      // sr_desc[0].offset
  r[18] = 1;            // sr_desc[0].type displayed values
  r[21] = 0xFF;         // sr_desc[1].type: end of list
  put32(r, 40, r_time);
  for (std::size_t at = 44; at < 44 + 270; at += 2) put16(r, at, -32767);
  for (std::size_t g : {0, 16, 30, 44, 58, 72, 86, 94, 102, 110, 118, 132}) {
    put32(r, 44 + g, 0);
    put16(r, 44 + g + 4, 0);
  }
  put32(r, kNibpStatus, 3);  // exists | active
  put16(r, kNibpSys, 12000);
  put16(r, kNibpDia, 8000);
  put16(r, kNibpMean, 9300);
  put16(r, kNibpHr, 70);
  put32(r, kSpo2Status, 3);
  put16(r, kSpo2, 9700);
  put16(r, kSpo2Pr, 72);
  put16(r, kClassWord, 0);  // class 0 = basic
  return r;
}

inline std::uint8_t sum8(const std::vector<std::uint8_t>& r) {
  unsigned s = 0;
  for (auto b : r) s += b;
  return static_cast<std::uint8_t>(s);
}

// 7E + stuffed(record || checksum) + 7E. stuff_checksum=false imitates the open-source writers.
inline std::vector<std::uint8_t> frame_of(const std::vector<std::uint8_t>& record,
                                          bool stuff_checksum = true) {
  std::vector<std::uint8_t> out{0x7E};
  auto put = [&](std::uint8_t b, bool stuff) {
    if (stuff && (b == 0x7E || b == 0x7D)) {
      out.push_back(0x7D);
      out.push_back(static_cast<std::uint8_t>(b ^ 0x20));
    } else {
      out.push_back(b);
    }
  };
  for (auto b : record) put(b, true);
  put(sum8(record), stuff_checksum);
  out.push_back(0x7E);
  return out;
}

inline std::optional<double> value_of(const RecordingSink& sink, core::Channel c,
                                      std::size_t nth = 0) {
  const auto v = sink.values(c);
  return nth < v.size() ? v[nth] : std::optional<double>{};
}

inline const core::Reading* reading_of(const RecordingSink& sink, core::Channel c) {
  for (const auto& r : sink.readings) {
    if (r.reading.channel == c) return &r.reading;
  }
  return nullptr;
}

}  // namespace vigil::test::ge

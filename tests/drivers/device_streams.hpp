#pragma once
// Test helper: byte generators made with the protocols encoders, for PtyDevice::start_stream.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/masimo.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::drivers::test {

inline protocols::OximeterState oximeter(int spo2, int pulse_rate) {
  protocols::OximeterState s;
  s.spo2 = spo2;
  s.pulse_rate = pulse_rate;
  s.perfusion_index = 3.5;
  return s;
}

// One Nonin DF2 packet (25 frames, 1/3 s of device time) per call.
inline std::function<std::vector<std::uint8_t>()> nonin_df2_packets(int spo2, int pulse_rate) {
  auto encoder = std::make_shared<protocols::NoninEncoder>(protocols::NoninFormat::df2);
  return [encoder, state = oximeter(spo2, pulse_rate)] {
    std::vector<std::uint8_t> out;
    for (int i = 0; i < protocols::nonin::kFramesPerPacket; ++i) {
      encoder->encode_frame(state, static_cast<std::uint16_t>(100 + i), out);
    }
    return out;
  };
}

// One Masimo Rad-8 line per call.
inline std::function<std::vector<std::uint8_t>()> masimo_lines(int spo2, int pulse_rate) {
  return [state = oximeter(spo2, pulse_rate)] {
    std::vector<std::uint8_t> out;
    protocols::MasimoAsciiEncoder().encode_line(state, 1'700'000'000, 0, 0x800, out);
    return out;
  };
}

// `packets` Contec V7 live packets per call.
inline std::function<std::vector<std::uint8_t>()> contec_v7_packets(int spo2, int pulse_rate,
                                                                    int packets = 6) {
  return [state = oximeter(spo2, pulse_rate), packets] {
    std::vector<std::uint8_t> out;
    for (int i = 0; i < packets; ++i) {
      protocols::ContecV7Encoder::encode_live(state, 40 + i, 5, out);
    }
    return out;
  };
}

inline std::function<std::vector<std::uint8_t>()> garbage(std::size_t bytes) {
  return [bytes] {
    std::vector<std::uint8_t> out(bytes);
    for (std::size_t i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(0x13 * i + 7);
    return out;
  };
}

}  // namespace vigil::drivers::test

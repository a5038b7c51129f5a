#pragma once
// The readings of Contec frames (legacy and V7), rebuilt from a RecordingSink by frame.

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "protocols/decoder_test_support.hpp"
#include "vigil/core/reading_flags.hpp"

namespace vigil::test {

struct ContecFrame {
  std::optional<double> pleth, pulse, spo2, pi;  // pi: V7 only
  core::ReadingFlags flags;                      // those of the pleth reading (the frame's own)
  int readings = 0;
  bool operator==(const ContecFrame&) const = default;
};

// Live frames in stream order (reply packets have no readings and leave no entry).
inline std::vector<ContecFrame> contec_frames_of(const RecordingSink& sink) {
  std::map<std::uint64_t, ContecFrame> by_seq;
  for (const auto& r : sink.readings) {
    auto& f = by_seq[r.seq];
    ++f.readings;
    switch (r.reading.channel) {
      case core::Channel::pleth:
        f.pleth = r.reading.value, f.flags = r.reading.flags;
        break;
      case core::Channel::pulse_rate:
        f.pulse = r.reading.value;
        break;
      case core::Channel::spo2:
        f.spo2 = r.reading.value;
        break;
      case core::Channel::perfusion_index:
        f.pi = r.reading.value;
        break;
      default:
        ADD_FAILURE() << "unexpected channel";
    }
  }
  std::vector<ContecFrame> out;
  for (auto& [seq, f] : by_seq) out.push_back(f);
  return out;
}

}  // namespace vigil::test

// The sink of the decoder benchmarks: counts what a decoder emits and sums the values, so the
// decoding cannot be optimised away.
#pragma once

#include <cstdint>

#include "vigil/protocols/decoder.hpp"

namespace vigil::bench {

class CountingSink : public protocols::DecoderSink {
 public:
  void on_reading(const core::Reading& r) override {
    ++readings;
    if (r.value) sum += *r.value;
  }
  void on_condition(const core::DeviceCondition&) override { ++conditions; }
  void on_reply(const protocols::DeviceReply& r) override {
    replies += static_cast<std::uint64_t>(r.code);
  }
  std::uint64_t readings = 0;
  std::uint64_t conditions = 0;
  std::uint64_t replies = 0;
  double sum = 0;
};

}  // namespace vigil::bench

#pragma once
// Shared helpers for codec tests: a sink that records everything with its frame index, and
// feeding a decoder in random chunk sizes.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "vigil/protocols/decoder.hpp"

namespace vigil::test {

struct RecordedReading {
  std::uint64_t seq;
  core::Reading reading;
};
struct RecordedCondition {
  std::uint64_t seq;
  core::DeviceCondition condition;
  std::string detail;  // copied: the decoder's view may point into its own storage
};
struct RecordedReply {
  std::uint64_t seq;
  protocols::DeviceReply reply;
};

// Records every item with the 0-based index of the frame that produced it.
class RecordingSink : public protocols::DecoderSink {
 public:
  explicit RecordingSink(const protocols::Decoder& decoder) : decoder_(decoder) {}

  void on_reading(const core::Reading& r) override { readings.push_back({seq(), r}); }
  void on_condition(const core::DeviceCondition& c) override {
    conditions.push_back({seq(), c, std::string(c.detail)});
  }
  void on_reply(const protocols::DeviceReply& r) override { replies.push_back({seq(), r}); }

  // Values of one channel in stream order (nullopt where the device said "unavailable").
  std::vector<std::optional<double>> values(core::Channel c) const {
    std::vector<std::optional<double>> out;
    for (const auto& r : readings) {
      if (r.reading.channel == c) out.push_back(r.reading.value);
    }
    return out;
  }

  std::vector<RecordedReading> readings;
  std::vector<RecordedCondition> conditions;
  std::vector<RecordedReply> replies;

 private:
  std::uint64_t seq() const { return decoder_.counters().frames - 1; }
  const protocols::Decoder& decoder_;
};

// Feeds `bytes` in chunks of random length 1..max_chunk (0 = whole).
inline void feed_in_chunks(protocols::Decoder& decoder, std::span<const std::uint8_t> bytes,
                           protocols::DecoderSink& sink, std::mt19937& rng,
                           std::size_t max_chunk = 17) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t n = max_chunk == 0 ? bytes.size()
                                   : std::uniform_int_distribution<std::size_t>(1, max_chunk)(rng);
    n = std::min(n, bytes.size() - pos);
    decoder.feed(bytes.subspan(pos, n), sink);
    pos += n;
  }
}

inline std::vector<std::uint8_t> bytes_of(std::initializer_list<int> list) {
  std::vector<std::uint8_t> out;
  for (int b : list) out.push_back(static_cast<std::uint8_t>(b));
  return out;
}

}  // namespace vigil::test

// Protocols without a checksum under 1 % byte noise: with value confirmation on (as every live
// device session runs its decoder), no corrupted byte shows as a wrong value or a condition;
// without it (an offline decode) some do. 600 scenario seconds of the simulators' own bytes.
#include <gtest/gtest.h>

#include <sstream>

#include "sim_test_support.hpp"
#include "vigil/drivers/sim/byte_stream.hpp"
#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::sim_test {
namespace {

using core::Channel;
namespace sim = drivers::sim;

struct NoiseResult {
  std::size_t values = 0;  // present SpO2 and pulse rate values
  std::size_t wrong = 0;   // present values other than the scenario's 98 % / 72 bpm
  std::size_t conditions = 0;
};

NoiseResult decode_noisy(std::string_view protocol, bool confirm, std::uint64_t seed) {
  sim::Timeline noisy(sim::normal_vitals());
  noisy.add(0, sim::episodes::noise(sim::kForever, 0.01));
  std::ostringstream out;
  sim::write_byte_stream(protocol, noisy, 0, 600, out, seed);
  const std::string s = out.str();
  auto decoder = protocols::make_decoder(protocol);
  decoder->set_confirmation(confirm);
  Collected sink;
  decoder->feed(std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()), sink);
  NoiseResult r;
  const auto normal = sim::normal_vitals();
  for (const auto& reading : sink.readings) {
    if (!reading.value) continue;
    if (reading.channel == Channel::spo2) {
      ++r.values;
      if (*reading.value != *normal.spo2) ++r.wrong;
    } else if (reading.channel == Channel::pulse_rate) {
      ++r.values;
      if (*reading.value != *normal.pulse_rate) ++r.wrong;
    }
  }
  r.conditions = sink.conditions.size();
  return r;
}

class NoiseConfirmation : public ::testing::TestWithParam<std::string_view> {};

TEST_P(NoiseConfirmation, NoCorruptedByteShowsAsAValueOrACondition) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const NoiseResult live = decode_noisy(GetParam(), true, seed);
    EXPECT_GT(live.values, 500u) << "values keep coming";
    EXPECT_EQ(live.wrong, 0u) << GetParam() << " seed " << seed;
    EXPECT_EQ(live.conditions, 0u) << GetParam() << " seed " << seed;
  }
}

// The filter is what makes the difference: an offline decode of the same bytes shows the
// corruption (so the test above is not passing on clean data).
TEST(NoiseConfirmation, WithoutConfirmationTheSameBytesDecodeToWrongValues) {
  std::size_t wrong = 0;
  for (std::string_view p : {"contec-legacy", "contec-v7"}) {
    wrong += decode_noisy(p, false, 1).wrong;
  }
  EXPECT_GT(wrong, 20u);
}

INSTANTIATE_TEST_SUITE_P(WithoutChecksum, NoiseConfirmation,
                         ::testing::Values("contec-legacy", "contec-v7", "nonin-df8",
                                           "masimo-ascii"),
                         [](const auto& info) {
                           std::string name(info.param);
                           for (auto& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace vigil::sim_test

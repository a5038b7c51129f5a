#include "alarm_tone.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

using vigil::core::AlarmPriority;
using vigil::gui::burst_pcm;
using vigil::gui::burst_spec;

namespace {

// Counts sound pulses: runs of 10 ms windows with energy separated by silence.
int countPulses(const std::vector<std::int16_t>& pcm, int rate) {
  const std::size_t window = static_cast<std::size_t>(rate / 100);
  int pulses = 0;
  bool in_pulse = false;
  for (std::size_t i = 0; i + window <= pcm.size(); i += window) {
    int peak = 0;
    for (std::size_t j = i; j < i + window; ++j) peak = std::max(peak, std::abs(pcm[j]));
    const bool loud = peak > 1000;
    if (loud && !in_pulse) ++pulses;
    in_pulse = loud;
  }
  return pulses;
}

}  // namespace

TEST(AlarmTone, BurstsHaveTheIecPulseCounts) {
  EXPECT_EQ(countPulses(burst_pcm(AlarmPriority::high, 44100), 44100), 10);
  EXPECT_EQ(countPulses(burst_pcm(AlarmPriority::medium, 44100), 44100), 3);
  EXPECT_EQ(countPulses(burst_pcm(AlarmPriority::low, 44100), 44100), 1);
}

TEST(AlarmTone, FundamentalInIecRangeAndHighestIsHighest) {
  for (auto p : {AlarmPriority::low, AlarmPriority::medium, AlarmPriority::high}) {
    const auto spec = burst_spec(p);
    EXPECT_GE(spec.fundamental_hz, 150);
    EXPECT_LE(spec.fundamental_hz, 1000);
    EXPECT_EQ(burst_pcm(p, 8000).size(), static_cast<std::size_t>(spec.length_ms * 8));
  }
  EXPECT_GT(burst_spec(AlarmPriority::high).fundamental_hz,
            burst_spec(AlarmPriority::low).fundamental_hz);
}

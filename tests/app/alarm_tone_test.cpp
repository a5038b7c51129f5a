#include "alarm_tone.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "vigil/core/alarm_annunciation.hpp"

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

TEST(AlarmTone, PulsesMatchTheEnginePatternAndHighIsThreePlusTwoTwice) {
  for (auto p : {AlarmPriority::low, AlarmPriority::medium, AlarmPriority::high}) {
    const auto spec = burst_spec(p);
    EXPECT_EQ(static_cast<int>(spec.pulses.size()),
              vigil::core::audio_pattern_for(p).pulses_per_burst);
    // A burst ends before the next one is due.
    const auto interval = vigil::core::audio_pattern_for(p).burst_interval;
    if (interval.count() > 0) {
      EXPECT_LT(spec.length_ms, interval.count());
    }
  }
  // Group the high burst's pulses by the gaps between them: 3 + 2, a longer pause, 3 + 2.
  const auto high = burst_spec(AlarmPriority::high).pulses;
  std::vector<int> gaps;
  for (std::size_t i = 1; i < high.size(); ++i) {
    gaps.push_back(high[i].start_ms - high[i - 1].start_ms - high[i - 1].duration_ms);
  }
  const int within = *std::min_element(gaps.begin(), gaps.end());
  std::vector<int> groups{1};
  for (int gap : gaps) {
    if (gap > within) {
      groups.push_back(1);
    } else {
      ++groups.back();
    }
  }
  EXPECT_EQ(groups, (std::vector<int>{3, 2, 3, 2}));
  EXPECT_EQ(std::max_element(gaps.begin(), gaps.end()) - gaps.begin(), 4);  // after pulse 5
}

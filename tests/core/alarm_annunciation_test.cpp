// IEC 60601-1-8 signal patterns, names, and the caller-provided event buffer.
#include <gtest/gtest.h>

#include <set>

#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_engine.hpp"

namespace vigil::core {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

struct IecRange {
  AlarmPriority priority;
  AlarmColour colour;
  double min_hz, max_hz;  // flash frequency
  int pulses_min, pulses_max;
  milliseconds interval_min, interval_max;  // 0 = not repeated
};

TEST(AlarmPatterns, StayWithinIecRanges) {
  // docs/clinical.md: high red 1.4-2.8 Hz, 10 pulses every 2.5-15 s; medium yellow 0.4-0.8 Hz,
  // 3 pulses every 2.5-30 s; low cyan steady, 1-2 pulses, every >= 15 s or not at all.
  const IecRange rows[] = {
      {AlarmPriority::high, AlarmColour::red, 1.4, 2.8, 10, 10, milliseconds(2500), seconds(15)},
      {AlarmPriority::medium, AlarmColour::yellow, 0.4, 0.8, 3, 3, milliseconds(2500), seconds(30)},
      {AlarmPriority::low, AlarmColour::cyan, 0, 0, 1, 2, milliseconds(0), milliseconds(0)},
  };
  for (const IecRange& r : rows) {
    const VisualPattern v = visual_pattern_for(r.priority);
    const AudioPattern a = audio_pattern_for(r.priority);
    const auto name = alarm_priority_name(r.priority);
    EXPECT_EQ(v.colour, r.colour) << name;
    EXPECT_GE(v.flash_hz, r.min_hz) << name;
    EXPECT_LE(v.flash_hz, r.max_hz) << name;
    if (v.flash_hz > 0) {
      EXPECT_GE(v.duty_cycle, 0.2) << name;
      EXPECT_LE(v.duty_cycle, 0.6) << name;
    } else {
      EXPECT_EQ(v.duty_cycle, 1.0) << name;  // steady on
    }
    EXPECT_GE(a.pulses_per_burst, r.pulses_min) << name;
    EXPECT_LE(a.pulses_per_burst, r.pulses_max) << name;
    EXPECT_GE(a.burst_interval, r.interval_min) << name;
    EXPECT_LE(a.burst_interval, r.interval_max) << name;
  }
}

TEST(AlarmNames, EventKindsColoursAndAudioStatesHaveUniqueNames) {
  std::set<std::string_view> events;
  for (std::size_t i = 0; i < alarm_event_kind_count; ++i) {
    EXPECT_TRUE(events.insert(alarm_event_kind_name(static_cast<AlarmEventKind>(i))).second);
  }
  EXPECT_EQ(alarm_event_kind_name(AlarmEventKind::latched_cleared), "latched_cleared");
  EXPECT_EQ(alarm_event_kind_name(AlarmEventKind::alarm_off_reminder), "alarm_off_reminder");
  EXPECT_EQ(alarm_colour_name(AlarmColour::yellow), "yellow");
  EXPECT_EQ(audio_state_name(AudioState::audio_paused), "audio_paused");
  EXPECT_EQ(audio_state_name(AudioState::low_played), "low_played");
}

TEST(AlarmEventBuffer, CollectsWithoutAllocatingAndCountsOverflow) {
  AlarmEventBuffer<2> buffer;
  AlarmEngine engine(default_alarm_profile(), buffer);
  Reading r;
  r.channel = Channel::pulse_rate;
  r.value = 30;  // < 40: high at once
  r.device = 1;
  engine.on_reading(r);
  ASSERT_EQ(buffer.size(), 1u);
  EXPECT_EQ(buffer[0].kind, AlarmEventKind::raised);
  r.value = 200;  // clears low, raises high: one more than fits
  engine.on_reading(r);
  EXPECT_EQ(buffer.size(), 2u);
  EXPECT_EQ(buffer.dropped(), 1u);
  engine.acknowledge_all({}, "ana");
  EXPECT_EQ(buffer.dropped(), 2u);
  int n = 0;
  for (const AlarmEvent& e : buffer) n += e.kind == AlarmEventKind::raised;
  EXPECT_EQ(n, 1);
  buffer.clear();
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(buffer.dropped(), 0u);
}

}  // namespace
}  // namespace vigil::core

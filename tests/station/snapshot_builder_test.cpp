// SnapshotBuilder: what the screen gets from readings, device conditions, alarm events and the
// engine's annunciation. No threads, no clock: every time is passed in.

#include "snapshot_builder.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vigil/core/alarm_profile.hpp"

namespace vigil::station {
namespace {

using namespace std::chrono_literals;
using core::Channel;
using core::DeviceConditionKind;
using core::ReadingFlag;
using core::ReadingFlags;

constexpr core::DeviceId kOximeter = 1;
constexpr core::DeviceId kCuff = 2;
const core::SteadyTime kT0 = core::SteadyTime{} + 1000s;

std::vector<DeviceCard> two_devices(double oximeter_time_scale = 1.0) {
  return {
      DeviceCard{kOximeter, "Oximeter (nonin-df2)", "/dev/ttyUSB0", "nonin-df2", false,
                 oximeter_time_scale},
      DeviceCard{kCuff, "NIBP (suntech)", "SN 42", "suntech", true, 1.0},
  };
}

core::Reading reading(Channel c, std::optional<double> v, core::DeviceId d, core::SteadyTime t,
                      ReadingFlags flags = {}) {
  return core::Reading{
      .channel = c, .value = v, .flags = flags, .device = d, .steady_time = t, .device_time_s = {}};
}

core::DeviceCondition condition(DeviceConditionKind k, bool active, core::DeviceId d,
                                std::string_view detail = {}) {
  return core::DeviceCondition{
      .kind = k, .active = active, .detail = detail, .code = {}, .device = d, .steady_time = kT0};
}

core::AnnunciatedCondition annunciated(core::AlarmConditionId id, core::AlarmPriority p,
                                       bool acknowledged) {
  return core::AnnunciatedCondition{
      .id = id, .priority = p, .acknowledged = acknowledged, .limit = {}, .value = {}};
}

class SnapshotBuilderTest : public ::testing::Test {
 protected:
  SnapshotBuilder builder{core::default_alarm_profile(), two_devices()};
  ScreenSnapshot build(core::SteadyTime now = kT0) { return builder.build(now, {}); }
};

TEST_F(SnapshotBuilderTest, BeforeAnyDataChannelsSayWhyTheyAreEmpty) {
  const ScreenSnapshot s = build();
  EXPECT_EQ(s.channel(Channel::spo2).absence, Absence::no_data);
  EXPECT_EQ(s.channel(Channel::pulse_rate).absence, Absence::no_data);
  EXPECT_EQ(s.channel(Channel::nibp_systolic).absence, Absence::not_measured);
  EXPECT_EQ(s.channel(Channel::perfusion_index).absence, Absence::no_device);

  SnapshotBuilder no_devices(core::default_alarm_profile(), {});
  const ScreenSnapshot empty = no_devices.build(kT0, {});
  EXPECT_EQ(empty.channel(Channel::spo2).absence, Absence::no_device);
  EXPECT_EQ(empty.channel(Channel::nibp_systolic).absence, Absence::no_device);
  EXPECT_TRUE(empty.devices.empty());
}

TEST_F(SnapshotBuilderTest, KeepsTheLatestValuePerChannel) {
  builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0));
  builder.on_reading(reading(Channel::pulse_rate, 72, kOximeter, kT0));
  ReadingFlags artifact;
  artifact.set(ReadingFlag::artifact);
  builder.on_reading(reading(Channel::spo2, 95, kOximeter, kT0 + 1s, artifact));
  const ScreenSnapshot s = build(kT0 + 1s);
  const ChannelView& spo2 = s.channel(Channel::spo2);
  EXPECT_EQ(spo2.value, 95);
  EXPECT_EQ(spo2.absence, Absence::none);
  EXPECT_EQ(spo2.flags, artifact);
  EXPECT_EQ(spo2.device, kOximeter);
  EXPECT_EQ(s.channel(Channel::pulse_rate).value, 72);
  // State is kept across snapshots; only deltas are cleared.
  EXPECT_EQ(build(kT0 + 2s).channel(Channel::spo2).value, 95);
}

TEST_F(SnapshotBuilderTest, AbsentValueTakesItsReasonFromTheReadingFlags) {
  const auto absence_for = [&](std::initializer_list<ReadingFlag> flags) {
    ReadingFlags f;
    for (auto flag : flags) f.set(flag);
    builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0));
    builder.on_reading(reading(Channel::spo2, std::nullopt, kOximeter, kT0, f));
    const ChannelView v = build().channel(Channel::spo2);
    EXPECT_FALSE(v.value);
    EXPECT_EQ(v.flags, f);
    return v.absence;
  };
  EXPECT_EQ(absence_for({ReadingFlag::sensor_off}), Absence::sensor_off);
  EXPECT_EQ(absence_for({ReadingFlag::sensor_disconnected}), Absence::sensor_disconnected);
  EXPECT_EQ(absence_for({ReadingFlag::searching}), Absence::searching);
  EXPECT_EQ(absence_for({ReadingFlag::searching_too_long}), Absence::searching);
  EXPECT_EQ(absence_for({ReadingFlag::sensor_fault}), Absence::sensor_fault);
  EXPECT_EQ(absence_for({}), Absence::no_data);
  // An unplugged cable explains more than "sensor off".
  EXPECT_EQ(absence_for({ReadingFlag::sensor_off, ReadingFlag::sensor_disconnected}),
            Absence::sensor_disconnected);
}

TEST_F(SnapshotBuilderTest, DisconnectClearsOnlyThatDevicesValues) {
  builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0));
  builder.on_reading(reading(Channel::pulse_rate, 72, kOximeter, kT0));
  builder.on_reading(reading(Channel::nibp_systolic, 120, kCuff, kT0));
  builder.on_reading(reading(Channel::nibp_diastolic, 80, kCuff, kT0));

  builder.on_condition(condition(DeviceConditionKind::disconnected, false, kOximeter));
  EXPECT_EQ(build().channel(Channel::spo2).value, 97) << "an ended disconnect clears nothing";

  builder.on_condition(condition(DeviceConditionKind::disconnected, true, kOximeter));
  ScreenSnapshot s = build();
  for (Channel c : {Channel::spo2, Channel::pulse_rate}) {
    EXPECT_FALSE(s.channel(c).value) << core::channel_name(c);
    EXPECT_EQ(s.channel(c).absence, Absence::disconnected) << core::channel_name(c);
  }
  EXPECT_EQ(s.channel(Channel::nibp_systolic).value, 120);
  EXPECT_EQ(s.channel(Channel::nibp_systolic).absence, Absence::none);

  builder.on_condition(condition(DeviceConditionKind::disconnected, true, kCuff));
  s = build();
  EXPECT_FALSE(s.channel(Channel::nibp_systolic).value);
  EXPECT_EQ(s.channel(Channel::nibp_diastolic).absence, Absence::disconnected);
}

TEST_F(SnapshotBuilderTest, NoDataClearsLiveValuesButKeepsACompletedNibp) {
  builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0));
  builder.on_reading(reading(Channel::nibp_systolic, 120, kCuff, kT0));
  builder.on_reading(reading(Channel::nibp_diastolic, 80, kCuff, kT0));
  builder.on_reading(reading(Channel::nibp_pulse_rate, 70, kCuff, kT0));
  builder.on_condition(condition(DeviceConditionKind::no_data, true, kOximeter));
  builder.on_condition(condition(DeviceConditionKind::no_data, true, kCuff));
  const ScreenSnapshot s = build();
  EXPECT_FALSE(s.channel(Channel::spo2).value);
  EXPECT_EQ(s.channel(Channel::spo2).absence, Absence::no_data);
  EXPECT_EQ(s.channel(Channel::nibp_systolic).value, 120);
  EXPECT_EQ(s.channel(Channel::nibp_pulse_rate).value, 70);
  EXPECT_EQ(s.channel(Channel::nibp_diastolic).absence, Absence::none);
  EXPECT_EQ(s.nibp.measured_at, kT0);
}

TEST_F(SnapshotBuilderTest, LimitsAreTheMildestTierOfTheProfile) {
  const ScreenSnapshot s = build();
  const auto expect_limits = [&](Channel c, std::optional<double> low, std::optional<double> high) {
    EXPECT_EQ(s.channel(c).low_limit, low) << core::channel_name(c);
    EXPECT_EQ(s.channel(c).high_limit, high) << core::channel_name(c);
  };
  expect_limits(Channel::spo2, 90, std::nullopt);  // not 85 (the high tier)
  expect_limits(Channel::pulse_rate, 50, 120);     // not 40 / 150
  expect_limits(Channel::nibp_systolic, 90, 160);  // not 180
  expect_limits(Channel::nibp_diastolic, std::nullopt, 100);
  expect_limits(Channel::nibp_mean, 65, std::nullopt);
  expect_limits(Channel::perfusion_index, std::nullopt, std::nullopt);

  core::AlarmProfile custom;
  custom.limits = {{Channel::spo2, core::LimitComparison::at_or_below, 88},
                   {Channel::spo2, core::LimitComparison::below, 93}};
  builder.set_profile(custom);
  const ScreenSnapshot after = build();
  EXPECT_EQ(after.channel(Channel::spo2).low_limit, 93);
  EXPECT_FALSE(after.channel(Channel::pulse_rate).low_limit) << "old limits must go";
}

TEST_F(SnapshotBuilderTest, ChannelAlarmShowsHighestPriorityAndAcknowledgedOnlyWhenAllAre) {
  using enum core::AlarmPriority;
  const auto lo = [](Channel c) { return core::limit_condition(c, core::LimitSide::low); };
  const auto hi = [](Channel c) { return core::limit_condition(c, core::LimitSide::high); };
  core::Annunciation a;
  a.conditions = {
      annunciated(lo(Channel::spo2), medium, true),
      annunciated(hi(Channel::pulse_rate), medium, true),
      annunciated(lo(Channel::pulse_rate), high, false),
      annunciated(core::nibp_rise_condition(Channel::nibp_systolic), medium, false),
      annunciated(hi(Channel::nibp_systolic), high, true),
      // Technical conditions carry Channel::spo2 in their id; they are not a channel's alarm.
      annunciated(core::technical_condition(core::TechnicalCondition::disconnected, kCuff), high,
                  false),
  };
  const ScreenSnapshot s = builder.build(kT0, a);
  EXPECT_EQ(s.channel(Channel::spo2).alarm, (ChannelAlarmState{medium, true, false}));
  EXPECT_EQ(s.channel(Channel::pulse_rate).alarm, (ChannelAlarmState{high, false, false}));
  EXPECT_EQ(s.channel(Channel::nibp_systolic).alarm, (ChannelAlarmState{high, false, false}));
  EXPECT_EQ(s.channel(Channel::nibp_mean).alarm, ChannelAlarmState{});
  EXPECT_EQ(s.annunciation.conditions.size(), 6u);

  core::Annunciation all_acked;
  all_acked.conditions = {annunciated(lo(Channel::pulse_rate), high, true),
                          annunciated(hi(Channel::pulse_rate), low, true)};
  EXPECT_EQ(builder.build(kT0, all_acked).channel(Channel::pulse_rate).alarm,
            (ChannelAlarmState{high, true, false}));
}

TEST_F(SnapshotBuilderTest, AlarmOffMarksOnlyThatChannel) {
  core::Annunciation a;
  a.alarms_off.push_back(core::ChannelAlarmOff{Channel::pulse_rate, "carl", kT0, kT0 + 5min});
  builder.on_reading(reading(Channel::pulse_rate, 72, kOximeter, kT0));
  const ScreenSnapshot s = builder.build(kT0, a);
  EXPECT_TRUE(s.channel(Channel::pulse_rate).alarm.alarm_off);
  EXPECT_FALSE(s.channel(Channel::pulse_rate).alarm.priority);
  EXPECT_EQ(s.channel(Channel::pulse_rate).value, 72) << "the value still shows";
  EXPECT_FALSE(s.channel(Channel::spo2).alarm.alarm_off);
  EXPECT_FALSE(build().channel(Channel::pulse_rate).alarm.alarm_off);
}

TEST_F(SnapshotBuilderTest, NibpMeasuringCuffPressureAndMeasuredAt) {
  builder.on_reading(reading(Channel::cuff_pressure, 140, kCuff, kT0));
  ScreenSnapshot s = build();
  EXPECT_TRUE(s.nibp.measuring);
  EXPECT_EQ(s.nibp.cuff_pressure, 140);
  EXPECT_FALSE(s.nibp.measured_at);
  EXPECT_TRUE(s.devices[1].nibp_measuring);
  EXPECT_FALSE(s.channel(Channel::cuff_pressure).value) << "cuff pressure is not a tile value";
  EXPECT_EQ(s.channel(Channel::nibp_systolic).absence, Absence::measuring);
  EXPECT_EQ(build(kT0).channel(Channel::nibp_mean).absence, Absence::measuring);

  builder.on_reading(reading(Channel::nibp_systolic, 124, kCuff, kT0 + 30s));
  builder.on_reading(reading(Channel::nibp_diastolic, 82, kCuff, kT0 + 30s));
  s = build(kT0 + 31s);
  EXPECT_FALSE(s.nibp.measuring);
  EXPECT_FALSE(s.nibp.cuff_pressure);
  EXPECT_EQ(s.nibp.measured_at, kT0 + 30s);
  EXPECT_EQ(s.channel(Channel::nibp_systolic).value, 124);
  EXPECT_EQ(s.channel(Channel::nibp_systolic).absence, Absence::none);

  builder.on_reading(reading(Channel::cuff_pressure, 90, kCuff, kT0 + 60s));
  builder.on_condition(condition(DeviceConditionKind::nibp_done, true, kCuff));
  s = build(kT0 + 61s);
  EXPECT_FALSE(s.nibp.measuring);
  EXPECT_FALSE(s.nibp.cuff_pressure);
  EXPECT_FALSE(s.devices[1].nibp_measuring);
  EXPECT_EQ(s.nibp.measured_at, kT0 + 30s);
}

TEST_F(SnapshotBuilderTest, NibpLinkLostDuringAMeasurementEndsTheMeasurement) {
  builder.on_reading(reading(Channel::cuff_pressure, 150, kCuff, kT0));
  builder.on_condition(condition(DeviceConditionKind::disconnected, true, kCuff));
  const ScreenSnapshot s = build();
  EXPECT_FALSE(s.devices[1].nibp_measuring);
  EXPECT_FALSE(s.nibp.measuring) << "a cuff that is gone is not measuring";
  EXPECT_FALSE(s.nibp.cuff_pressure);
  EXPECT_EQ(s.channel(Channel::nibp_systolic).absence, Absence::not_measured);
}

TEST_F(SnapshotBuilderTest, PlethSamplesAreADeltaWithTheDeviceRate) {
  for (int i = 0; i < 30; ++i) builder.on_reading(reading(Channel::pleth, i, kOximeter, kT0));
  builder.on_reading(reading(Channel::pleth, std::nullopt, kOximeter, kT0));  // skipped
  builder.on_reading(reading(Channel::pleth, 500, kCuff, kT0));  // not the pleth device
  ScreenSnapshot s = build();
  ASSERT_EQ(s.pleth.samples.size(), 30u);
  EXPECT_EQ(s.pleth.samples.front(), 0.0f);
  EXPECT_EQ(s.pleth.samples.back(), 29.0f);
  EXPECT_EQ(s.pleth.device, kOximeter);
  EXPECT_DOUBLE_EQ(s.pleth.rate_hz, 75.0);

  s = build();
  EXPECT_TRUE(s.pleth.samples.empty());
  EXPECT_EQ(s.pleth.device, kOximeter);
  builder.on_reading(reading(Channel::pleth, 7, kOximeter, kT0));
  s = build();
  EXPECT_EQ(s.pleth.samples, std::vector<float>{7.0f});
  EXPECT_DOUBLE_EQ(s.pleth.rate_hz, 75.0);
}

TEST(SnapshotBuilderPleth, RateFollowsTheSimulatorTimeScaleAndProtocol) {
  SnapshotBuilder fast(core::default_alarm_profile(), two_devices(4.0));
  fast.on_reading(reading(Channel::pleth, 1, kOximeter, kT0));
  EXPECT_DOUBLE_EQ(fast.build(kT0, {}).pleth.rate_hz, 300.0);

  EXPECT_DOUBLE_EQ(pleth_rate_hz("nonin-df2"), 75.0);
  EXPECT_DOUBLE_EQ(pleth_rate_hz("nonin-df7"), 75.0);
  EXPECT_DOUBLE_EQ(pleth_rate_hz("contec-v7"), 60.0);
  EXPECT_DOUBLE_EQ(pleth_rate_hz("suntech"), 0.0);
}

TEST_F(SnapshotBuilderTest, TrendKeepsOnePointPerChannelPerStepOnTheSessionTimeline) {
  builder.set_session(SessionInfo{}, kT0 - 10s);
  for (auto dt : {0ms, 500ms, 1000ms, 1500ms, 2200ms}) {
    builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0 + dt));
    builder.on_reading(reading(Channel::pulse_rate, 70, kOximeter, kT0 + dt));
    builder.on_reading(reading(Channel::perfusion_index, 3.1, kOximeter, kT0 + dt));
  }
  builder.on_reading(reading(Channel::spo2, std::nullopt, kOximeter, kT0 + 5s));
  ScreenSnapshot s = build(kT0 + 5s);
  std::map<Channel, std::vector<double>> times;  // perfusion index is not trended
  for (const TrendPoint& p : s.trend) times[p.channel].push_back(p.t_s);
  const std::vector<double> expected{10.0, 11.0, 12.2};
  EXPECT_EQ(times, (std::map<Channel, std::vector<double>>{{Channel::spo2, expected},
                                                           {Channel::pulse_rate, expected}}));
  EXPECT_EQ(s.trend.front().value, 97);
  EXPECT_DOUBLE_EQ(s.now_s, 15.0);

  EXPECT_TRUE(build(kT0 + 6s).trend.empty()) << "trend points are a delta";
  builder.on_reading(reading(Channel::nibp_mean, 90, kCuff, kT0 + 6s));
  s = build(kT0 + 6s);
  ASSERT_EQ(s.trend.size(), 1u);
  EXPECT_EQ(s.trend[0].channel, Channel::nibp_mean);
  EXPECT_DOUBLE_EQ(s.trend[0].t_s, 16.0);
}

TEST_F(SnapshotBuilderTest, WithoutASessionTheTimelineStartsAtTheFirstReading) {
  builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0));
  builder.on_reading(reading(Channel::spo2, 96, kOximeter, kT0 + 3s));
  const ScreenSnapshot s = build(kT0 + 4s);
  ASSERT_EQ(s.trend.size(), 2u);
  EXPECT_DOUBLE_EQ(s.trend[0].t_s, 0.0);
  EXPECT_DOUBLE_EQ(s.trend[1].t_s, 3.0);
  EXPECT_DOUBLE_EQ(s.now_s, 4.0);
  EXPECT_FALSE(s.session.active);
}

TEST_F(SnapshotBuilderTest, AlarmMarkersOnlyForRaisedAndEscalated) {
  builder.set_session(SessionInfo{}, kT0);
  core::AlarmEvent e;
  e.condition = core::limit_condition(Channel::spo2, core::LimitSide::low);
  e.priority = core::AlarmPriority::medium;
  e.value = 87;
  e.steady_time = kT0 + 20s;
  builder.on_alarm_event(e);
  e.kind = core::AlarmEventKind::escalated;
  e.priority = core::AlarmPriority::high;
  e.value = 84.6;
  e.steady_time = kT0 + 25s;
  builder.on_alarm_event(e);
  for (auto k : {core::AlarmEventKind::de_escalated, core::AlarmEventKind::cleared,
                 core::AlarmEventKind::acknowledged, core::AlarmEventKind::audio_paused}) {
    e.kind = k;
    builder.on_alarm_event(e);
  }
  builder.add_marker(TrendMarker::Kind::dose, kT0 + 30s, "esketamine 28 mg");
  ScreenSnapshot s = build(kT0 + 31s);
  ASSERT_EQ(s.markers.size(), 3u);
  EXPECT_EQ(s.markers[0].kind, TrendMarker::Kind::alarm);
  EXPECT_EQ(s.markers[0].label, "spo2 low 87");
  EXPECT_DOUBLE_EQ(s.markers[0].t_s, 20.0);
  EXPECT_EQ(s.markers[0].priority, core::AlarmPriority::medium);
  EXPECT_EQ(s.markers[1].label, "spo2 low 85");
  EXPECT_EQ(s.markers[1].priority, core::AlarmPriority::high);
  EXPECT_EQ(s.markers[2].kind, TrendMarker::Kind::dose);
  EXPECT_EQ(s.markers[2].label, "esketamine 28 mg");
  EXPECT_DOUBLE_EQ(s.markers[2].t_s, 30.0);
  EXPECT_FALSE(s.markers[2].priority);
  EXPECT_TRUE(build(kT0 + 32s).markers.empty());
}

TEST_F(SnapshotBuilderTest, DeviceCardsShowStateAgeAndTechnicalConditions) {
  ScreenSnapshot s = build();
  ASSERT_EQ(s.devices.size(), 2u);
  EXPECT_EQ(s.devices[0].id, kOximeter);
  EXPECT_EQ(s.devices[0].name, "Oximeter (nonin-df2)");
  EXPECT_EQ(s.devices[0].identity, "/dev/ttyUSB0");
  EXPECT_EQ(s.devices[0].state, "disconnected");
  EXPECT_FALSE(s.devices[0].connected);
  EXPECT_FALSE(s.devices[0].last_data_age);
  EXPECT_FALSE(s.devices[0].accepts_nibp_command);
  EXPECT_TRUE(s.devices[1].accepts_nibp_command);

  builder.on_device_state(kOximeter, "streaming");
  builder.on_reading(reading(Channel::spo2, 97, kOximeter, kT0));
  builder.on_condition(condition(DeviceConditionKind::sensor_off, true, kOximeter));
  builder.on_condition(condition(DeviceConditionKind::low_battery, true, kOximeter));
  builder.on_condition(condition(DeviceConditionKind::no_data, true, kOximeter));
  builder.on_condition(condition(DeviceConditionKind::connected, true, kOximeter));  // not listed
  s = build(kT0 + 250ms);
  EXPECT_EQ(s.devices[0].state, "silent");
  EXPECT_TRUE(s.devices[0].connected);
  EXPECT_EQ(s.devices[0].last_data_age, 250ms);
  EXPECT_EQ(s.devices[0].technical_conditions,
            (std::vector<std::string>{"sensor off", "low battery", "no data"}));

  builder.on_condition(condition(DeviceConditionKind::sensor_off, false, kOximeter));
  builder.on_condition(condition(DeviceConditionKind::no_data, false, kOximeter));
  s = build(kT0 + 1s);
  EXPECT_EQ(s.devices[0].state, "streaming");
  EXPECT_EQ(s.devices[0].technical_conditions, std::vector<std::string>{"low battery"});

  builder.on_condition(condition(DeviceConditionKind::nibp_failed, true, kCuff, "loose cuff"));
  builder.on_condition(condition(DeviceConditionKind::nibp_failed, true, kCuff, "overpressure"));
  EXPECT_EQ(build().devices[1].technical_conditions,
            std::vector<std::string>{"nibp failed: overpressure"});
  builder.on_condition(condition(DeviceConditionKind::nibp_done, true, kCuff));
  EXPECT_TRUE(build().devices[1].technical_conditions.empty());

  builder.on_condition(condition(DeviceConditionKind::disconnected, true, kOximeter));
  EXPECT_FALSE(build().devices[0].connected);
  builder.on_device_state(kOximeter, "opening");
  EXPECT_EQ(build().devices[0].state, "opening");
  EXPECT_FALSE(build().devices[0].connected);
}

TEST_F(SnapshotBuilderTest, SequenceIncreasesAndSessionElapsedFollowsTheStart) {
  const ScreenSnapshot a = build(kT0);
  const ScreenSnapshot b = build(kT0 + 1s);
  EXPECT_EQ(b.sequence, a.sequence + 1);
  EXPECT_EQ(b.now, kT0 + 1s);

  SessionInfo info;
  info.patient_id = "MRN-1";
  info.phase = core::SessionPhase::dosing;
  builder.set_session(info, kT0 - 90s);
  ScreenSnapshot s = build(kT0 + 500ms);
  EXPECT_EQ(s.sequence, b.sequence + 1);
  EXPECT_TRUE(s.session.active);
  EXPECT_EQ(s.session.patient_id, "MRN-1");
  EXPECT_EQ(s.session.elapsed, 90s);
  builder.set_phase(core::SessionPhase::observation);
  EXPECT_EQ(build(kT0 + 1s).session.phase, core::SessionPhase::observation);
  builder.clear_session();
  s = build(kT0 + 2s);
  EXPECT_FALSE(s.session.active);
  EXPECT_EQ(s.session.elapsed, 0s);
}

}  // namespace
}  // namespace vigil::station

// Technical conditions: device reports, SpO2 availability, silence, external conditions, and
// priorities that follow the session phase (default profile: sensor off medium in dosing and
// observation, low otherwise, 10 s; disconnected medium at once; silence 10 s).
#include "alarm_engine_test_support.hpp"

namespace vigil::core::testing {
namespace {

TEST_F(AlarmEngineTest, AbsentSpO2RaisesSensorOffAfterItsDelay) {
  feed(Channel::spo2, std::nullopt);
  advance(9999ms);
  tick();
  EXPECT_EQ(new_events(), "");
  advance(1ms);
  tick();
  EXPECT_EQ(new_events(), "raised:sensor_off@1:low");
  EXPECT_EQ(last_event().detail, "no SpO2 value");
  advance(1s);
  feed(Channel::spo2, 97);
  EXPECT_EQ(new_events(), "cleared:sensor_off@1:low");
}

TEST_F(AlarmEngineTest, SensorOffFlagAndDeviceReportAgree) {
  ReadingFlags off;
  off.set(ReadingFlag::sensor_off);
  feed(Channel::spo2, std::nullopt, 1, off);
  advance(10s);
  feed(Channel::spo2, std::nullopt, 1, off);
  EXPECT_EQ(new_events(), "raised:sensor_off@1:low");
  EXPECT_EQ(last_event().detail, "sensor off");
  condition(DeviceConditionKind::sensor_off, true, 2, "finger out");
  advance(10s);
  tick();
  EXPECT_EQ(new_events(), "raised:sensor_off@2:low");
  EXPECT_EQ(last_event().detail, "finger out");
}

struct PhaseRow {
  SessionPhase phase;
  AlarmPriority sensor_off;
};

TEST_F(AlarmEngineTest, SensorOffPriorityFollowsThePhase) {
  const PhaseRow rows[] = {
      {SessionPhase::planned, AlarmPriority::low},
      {SessionPhase::pre_dose, AlarmPriority::low},
      {SessionPhase::dosing, AlarmPriority::medium},
      {SessionPhase::observation, AlarmPriority::medium},
      {SessionPhase::discharge_ready, AlarmPriority::low},
      {SessionPhase::closed, AlarmPriority::low},
  };
  for (const PhaseRow& row : rows) {
    start(default_alarm_profile(), row.phase);
    condition(DeviceConditionKind::sensor_off, true);
    advance(10s);
    tick();
    ASSERT_EQ(log_.events.size(), 1u) << session_phase_name(row.phase);
    EXPECT_EQ(last_event().priority, row.sensor_off) << session_phase_name(row.phase);
  }
}

TEST_F(AlarmEngineTest, PhaseChangeReprioritisesActiveTechnicalConditions) {
  condition(DeviceConditionKind::sensor_off, true);
  advance(10s);
  tick();
  EXPECT_EQ(new_events(), "raised:sensor_off@1:low");
  engine_->set_phase(SessionPhase::dosing, now());
  EXPECT_EQ(new_events(), "escalated:sensor_off@1:medium");
  EXPECT_EQ(last_event().previous_priority, AlarmPriority::low);
  engine_->set_phase(SessionPhase::observation, now());
  EXPECT_EQ(new_events(), "");
  engine_->set_phase(SessionPhase::discharge_ready, now());
  EXPECT_EQ(new_events(), "de_escalated:sensor_off@1:low");
}

TEST_F(AlarmEngineTest, DisconnectAlarmsAtOnceAndReconnectClears) {
  condition(DeviceConditionKind::disconnected, true, 3, "port gone");
  EXPECT_EQ(new_events(), "raised:disconnected@3:medium");
  condition(DeviceConditionKind::connected, true, 3);
  EXPECT_EQ(new_events(), "cleared:disconnected@3:medium");
}

TEST_F(AlarmEngineTest, SilenceRaisesNoDataPerDevice) {
  feed(Channel::spo2, 97, 1);
  feed(Channel::spo2, 97, 2);
  advance(5s);
  feed(Channel::spo2, 97, 2);
  advance(4999ms);
  tick();
  EXPECT_EQ(new_events(), "");
  advance(1ms);
  tick();
  EXPECT_EQ(new_events(), "raised:no_data@1:low");  // device 2 spoke 5 s later
  advance(5s);
  tick();
  EXPECT_EQ(new_events(), "raised:no_data@2:low");
  feed(Channel::pulse_rate, 70, 1);
  EXPECT_EQ(new_events(), "cleared:no_data@1:low");
}

TEST_F(AlarmEngineTest, AbsentValuesDoNotCountAsData) {
  feed(Channel::pulse_rate, 70);
  for (int i = 0; i < 10; ++i) {
    advance(1s);
    feed(Channel::pulse_rate, std::nullopt);
  }
  tick();
  EXPECT_EQ(new_events(), "raised:no_data@1:low");
}

TEST_F(AlarmEngineTest, NibpOnlyDeviceIsNotWatchedForSilence) {
  feed(Channel::nibp_systolic, 120, 4);
  advance(15min);
  tick();
  EXPECT_EQ(new_events(), "");
}

TEST_F(AlarmEngineTest, DisconnectedOrSensorOffDeviceDoesNotAlsoRaiseNoData) {
  feed(Channel::spo2, 97, 1);
  condition(DeviceConditionKind::disconnected, true, 1);
  EXPECT_EQ(new_events(), "raised:disconnected@1:medium");
  advance(60s);
  tick();
  EXPECT_EQ(new_events(), "");
  condition(DeviceConditionKind::connected, true, 1);
  EXPECT_EQ(new_events(), "cleared:disconnected@1:medium");
  advance(10s);  // silence counts from the reconnection
  tick();
  EXPECT_EQ(new_events(), "raised:no_data@1:low");
}

TEST_F(AlarmEngineTest, DeviceReportedNoDataUsesTheRuleDelay) {
  condition(DeviceConditionKind::no_data, true, 5);
  advance(9s);
  tick();
  EXPECT_EQ(new_events(), "");
  advance(1s);
  tick();
  EXPECT_EQ(new_events(), "raised:no_data@5:low");
  condition(DeviceConditionKind::no_data, false, 5);
  EXPECT_EQ(new_events(), "cleared:no_data@5:low");
}

TEST_F(AlarmEngineTest, NibpFailureAndLowBatteryAreLowPriority) {
  condition(DeviceConditionKind::nibp_failed, true, 4, "loose cuff");
  EXPECT_EQ(new_events(), "raised:nibp_failed@4:low");
  EXPECT_EQ(last_event().detail, "loose cuff");
  feed(Channel::nibp_systolic, 120, 4);
  EXPECT_EQ(new_events(), "cleared:nibp_failed@4:low");
  condition(DeviceConditionKind::nibp_failed, true, 4);
  condition(DeviceConditionKind::nibp_done, true, 4);
  EXPECT_EQ(new_events(), "raised:nibp_failed@4:low, cleared:nibp_failed@4:low");
  condition(DeviceConditionKind::low_battery, true, 4);
  EXPECT_EQ(new_events(), "raised:low_battery@4:low");
  condition(DeviceConditionKind::device_alarm, true, 4, "device's own alarm");
  EXPECT_EQ(new_events(), "");
}

TEST_F(AlarmEngineTest, ExternalBpOverdueWaitsForItsDelay) {
  engine_->set_external_condition(TechnicalCondition::bp_overdue, true, now(), 0, "40 min");
  advance(299s);
  tick();
  EXPECT_EQ(new_events(), "");
  advance(1s);
  tick();
  EXPECT_EQ(new_events(), "raised:bp_overdue@0:low");
  EXPECT_EQ(last_event().detail, "40 min");
  engine_->set_external_condition(TechnicalCondition::recording_behind, true, now());
  EXPECT_EQ(new_events(), "raised:recording_behind@0:medium");
  engine_->set_external_condition(TechnicalCondition::bp_overdue, false, now());
  EXPECT_EQ(new_events(), "cleared:bp_overdue@0:low");
}

TEST_F(AlarmEngineTest, DisabledRuleNeverRaises) {
  AlarmProfile p = default_alarm_profile();
  p.technical[static_cast<std::size_t>(TechnicalCondition::low_battery)].enabled = false;
  start(p);
  condition(DeviceConditionKind::low_battery, true);
  advance(1h);
  tick();
  EXPECT_EQ(new_events(), "");
}

TEST_F(AlarmEngineTest, RulesAreFoundByConditionNotByPosition) {
  AlarmProfile p = default_alarm_profile();
  std::swap(p.technical[0], p.technical[2]);  // sensor_off <-> disconnected
  start(p);
  condition(DeviceConditionKind::disconnected, true);
  EXPECT_EQ(new_events(), "raised:disconnected@1:medium");
}

TEST_F(AlarmEngineTest, ForgottenDeviceClearsAndStopsBeingWatched) {
  feed(Channel::spo2, 97, 2);
  condition(DeviceConditionKind::low_battery, true, 2);
  EXPECT_EQ(new_events(), "raised:low_battery@2:low");
  engine_->forget_device(2, now());
  EXPECT_EQ(new_events(), "cleared:low_battery@2:low");
  advance(1min);
  tick();
  EXPECT_EQ(new_events(), "");
  EXPECT_TRUE(annunciation().conditions.empty());
}

}  // namespace
}  // namespace vigil::core::testing

// Simulator -> session over real ptys, for the protocols whose session talks to the device:
// Contec V7 keep-alives (the device stops 30 s after the last one), GE S/5 displayed-values
// requests (at connect, after a return, again while the monitor does not answer) and a SunTech
// measurement that fails with the module's error code. Compressed time throughout.
#include <gtest/gtest.h>

#include <cstdio>

#include "sim_session_checks.hpp"
#include "sim_session_rig.hpp"
#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/protocols/suntech.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;
using core::Channel;
using core::DeviceConditionKind;

namespace {

// First reading of any channel a session stamped.
std::optional<SteadyClock::time_point> first_reading(const SimSessionRig& rig) {
  std::optional<SteadyClock::time_point> first;
  for (const auto& r : rig.listener().readings()) {
    if (!first || r.steady_time < *first) first = r.steady_time;
  }
  return first;
}

}  // namespace

TEST(SimSessionContecV7, KeepAliveHoldsTheStreamPastThirtySecondsAndWithoutItTheDeviceStops) {
  constexpr double kSpeed = 20;  // 30 scenario s = 1.5 s; keep-alive every 5 s = 250 ms
  // A 10 s silence limit (500 ms real): a stall of the loaded machine is not silence, and the
  // device's own stop is seen well before the session asks it to start again.
  auto long_silence = [](DeviceSessionConfig& c) { c.silence_limit = 10s; };
  SimSessionRig kept;
  kept.start("contec-v7", *sim::make_scenario("normal"), kSpeed, 0, long_silence);
  SimSessionRig dropped;  // keep-alive period far beyond the test: never sent
  dropped.start("contec-v7", *sim::make_scenario("normal"), kSpeed, 0, [&](auto& c) {
    long_silence(c);
    c.contec_keep_alive = std::chrono::hours(1);
  });
  ASSERT_TRUE(kept.wait_for_state(SessionState::streaming));
  ASSERT_TRUE(dropped.wait_for_state(SessionState::streaming));

  // Without keep-alives the simulated device stops about 30 s after start-live.
  ASSERT_TRUE(wait_until([&] {
    return dropped.listener().find_condition(DeviceConditionKind::no_data, true).has_value();
  }));
  const auto no_data = *dropped.listener().find_condition(DeviceConditionKind::no_data, true);
  const auto first = first_reading(dropped);
  const auto last = dropped.last_reading_before(no_data.at);
  ASSERT_TRUE(first && last);
  const double streamed_s = dropped.device_s(*last) - dropped.device_s(*first);
  EXPECT_GT(streamed_s, 27.0);  // 30 s; a scenario second is 50 ms of delivery jitter here
  EXPECT_LT(streamed_s, 34.0);
  // Start-live at connect, and again from the watchdog at no_data: no keep-alive in between.
  EXPECT_LE(dropped.session().stats().commands_sent, 2u);

  // With them the stream goes on past 40 scenario seconds, without a gap.
  std::this_thread::sleep_until(kept.real_at(42));
  EXPECT_FALSE(kept.listener().find_condition(DeviceConditionKind::no_data, true));
  EXPECT_EQ(kept.session().state(), SessionState::streaming);
  EXPECT_GT(kept.values(Channel::spo2, kept.real_at(38)).size(), 100u);
  EXPECT_GE(kept.session().stats().commands_sent, 1u + 6u) << "start-live + a keep-alive per 5 s";

  // The dropped session's watchdog sends start-live again and the stream returns.
  EXPECT_TRUE(wait_until([&] {
    return dropped.listener().find_condition(DeviceConditionKind::no_data, false).has_value();
  }));
  std::printf("contec-v7 without keep-alive: streamed %.1f scenario s, then stopped\n", streamed_s);
}

TEST(SimSessionGeS5, RequestsAtConnectAndAgainWhenTheMonitorReturns) {
  constexpr double kSpeed = 20;  // a record every 5 scenario s = 250 ms
  SimSessionRig rig;
  rig.start("ge-s5", *sim::make_scenario("unplug"), kSpeed, 0);  // unplugged 10..15 s
  ASSERT_TRUE(rig.wait_for_state(SessionState::streaming));
  const auto first = *rig.listener().find_state(SessionState::streaming);
  EXPECT_EQ(first.from, SessionState::handshaking);
  EXPECT_EQ(first.reason, "first valid frame");
  ASSERT_TRUE(rig.wait_for_values(Channel::nibp_systolic, 1));
  ASSERT_TRUE(rig.wait_for_values(Channel::spo2, 1));
  EXPECT_EQ(rig.last(Channel::spo2), 98);
  EXPECT_EQ(rig.last(Channel::nibp_systolic), 120);
  const auto before_unplug = rig.session().stats().commands_sent;
  EXPECT_EQ(before_unplug, 1u) << "one request; the monitor then sends every 5 s unasked";

  // The simulated monitor forgets the request when it is unplugged (power-up), so records after
  // the return mean the session asked again.
  ASSERT_TRUE(rig.wait_for_state(SessionState::disconnected, first.at));
  const auto away = *rig.listener().find_state(SessionState::disconnected, first.at);
  ASSERT_TRUE(rig.wait_for_state(SessionState::streaming, away.at));
  const auto again = *rig.listener().find_state(SessionState::streaming, away.at);
  EXPECT_EQ(again.from, SessionState::handshaking);
  EXPECT_EQ(rig.session().stats().commands_sent, before_unplug + 1);
  ASSERT_TRUE(rig.wait_for_values(Channel::nibp_mean, 1, again.at));
  EXPECT_EQ(rig.last(Channel::nibp_mean, again.at), 93);
  EXPECT_GT(rig.device_s(again.at), 15.0);
}

TEST(SimSessionGeS5, NoAnswerRaisesNoDataAndTheRequestIsRepeated) {
  constexpr double kSpeed = 20;
  sim::Timeline mute(sim::normal_vitals());
  mute.add(0, sim::episodes::silence(40));  // connected, but says nothing for 40 scenario s
  SimSessionRig rig;
  rig.start("ge-s5", mute, kSpeed, 0);
  ASSERT_TRUE(wait_until([&] {
    return rig.listener().find_condition(DeviceConditionKind::no_data, true).has_value();
  }));
  const auto raised = *rig.listener().find_condition(DeviceConditionKind::no_data, true);
  EXPECT_EQ(raised.detail, "no answer after opening");
  EXPECT_EQ(rig.session().state(), SessionState::silent);
  EXPECT_EQ(rig.listener().reading_count(), 0u);
  const auto opened = rig.listener().find_condition(DeviceConditionKind::connected, true);
  ASSERT_TRUE(opened);
  EXPECT_GE(ms_between(opened->at, raised.at), rig.silence_limit_ms() - 5.0);
  // Asked again at every silence period while it stays mute.
  EXPECT_TRUE(wait_until([&] { return rig.session().stats().commands_sent >= 3; }));
  // When the monitor speaks again the condition ends.
  EXPECT_TRUE(wait_until([&] {
    return rig.listener().find_condition(DeviceConditionKind::no_data, false).has_value();
  }));
  EXPECT_EQ(rig.last(Channel::spo2), 98);
}

TEST(SimSessionSunTech, FailedMeasurementReportsTheModuleErrorByName) {
  constexpr double kSpeed = 20;
  SimSessionRig rig;
  rig.start("suntech", *sim::make_scenario("nibp-failure"), kSpeed, 0);  // error 87
  ASSERT_TRUE(rig.wait_for_state(SessionState::streaming));
  const auto asked = SteadyClock::now();
  rig.session().request_nibp();
  ASSERT_TRUE(wait_until([&] {
    return rig.listener().find_condition(DeviceConditionKind::nibp_failed, true).has_value();
  }));
  const auto failed = *rig.listener().find_condition(DeviceConditionKind::nibp_failed, true);
  EXPECT_EQ(failed.detail, protocols::suntech_error_name(87));
  EXPECT_EQ(failed.condition.code, 87);
  const double took_s = rig.device_s(failed.at) - rig.device_s(asked);
  EXPECT_GE(took_s, 7.9);  // the simulated module gives up after inflating (8 s)
  EXPECT_LT(took_s, 20.0);
  EXPECT_TRUE(rig.values(Channel::nibp_systolic).empty());
  EXPECT_FALSE(rig.listener().find_condition(DeviceConditionKind::nibp_done, true));
  EXPECT_FALSE(rig.values(Channel::cuff_pressure, asked).empty()) << "the cuff was polled";
}

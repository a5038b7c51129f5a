// The scenario engine: vitals at given scenario times, without any pty.
#include <gtest/gtest.h>

#include <cmath>

#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/drivers/sim/scenario.hpp"

using namespace vigil::drivers::sim;

namespace {
Timeline scenario(std::string_view name) {
  auto t = make_scenario(name);
  EXPECT_TRUE(t.has_value()) << name;
  return t ? *t : Timeline();
}
}  // namespace

TEST(SimScenario, EveryNameMakesATimelineAndUnknownNamesDoNot) {
  for (auto name : scenario_names()) EXPECT_TRUE(make_scenario(name)) << name;
  EXPECT_FALSE(make_scenario("apnoea"));
}

TEST(SimScenario, NormalIsTheRestingAdult) {
  const VitalSigns v = scenario("normal").at(1234.5);
  EXPECT_EQ(v, normal_vitals());
  EXPECT_EQ(v.spo2, 98);
  EXPECT_EQ(v.pulse_rate, 72);
  EXPECT_EQ(v.nibp_systolic, 120);
  EXPECT_EQ(v.nibp_diastolic, 80);
  EXPECT_EQ(nibp_mean(v), 93);
  EXPECT_TRUE(v.connected);
  EXPECT_FALSE(v.finger_out || v.silent);
}

TEST(SimScenario, DesaturationProfileIsExact) {
  const Timeline t = scenario("desaturation");
  // 20 s normal.
  for (double s : {0.0, 10.0, 19.99}) EXPECT_EQ(t.at(s).spo2, 98) << s;
  // 98 -> 84 over 60 s: 14 points, linear, rounded.
  EXPECT_EQ(t.at(20).spo2, 98);
  EXPECT_EQ(t.at(35).spo2, 95);  // 98 - 14 * 15/60 = 94.5 -> 95 (round half away from zero)
  EXPECT_EQ(t.at(50).spo2, 91);
  EXPECT_EQ(t.at(65).spo2, 88);  // 87.5 -> 88
  EXPECT_EQ(t.at(80).spo2, 84);
  // 30 s low.
  for (double s : {80.0, 95.0, 109.99}) EXPECT_EQ(t.at(s).spo2, 84) << s;
  // Recovery to 98 over 30 s, then normal for good.
  EXPECT_EQ(t.at(125).spo2, 91);
  EXPECT_EQ(t.at(140).spo2, 98);
  EXPECT_EQ(t.at(3600).spo2, 98);
  // The pulse follows: +12 bpm at the nadir.
  EXPECT_EQ(t.at(10).pulse_rate, 72);
  EXPECT_EQ(t.at(95).pulse_rate, 84);
  EXPECT_EQ(t.at(200).pulse_rate, 72);
  // Monotonic fall.
  for (double s = 20; s < 80; s += 0.5) EXPECT_GE(*t.at(s).spo2, *t.at(s + 0.5).spo2) << s;
}

TEST(SimScenario, BradycardiaAndTachycardiaRampThenHold) {
  const Timeline brady = scenario("bradycardia");
  EXPECT_EQ(brady.at(19).pulse_rate, 72);
  EXPECT_EQ(brady.at(35).pulse_rate, 57);  // halfway from 72 to 42
  EXPECT_EQ(brady.at(50).pulse_rate, 42);
  EXPECT_EQ(brady.at(5000).pulse_rate, 42);
  EXPECT_EQ(brady.at(5000).spo2, 98);
  const Timeline tachy = scenario("tachycardia");
  EXPECT_EQ(tachy.at(50).pulse_rate, 135);
  EXPECT_EQ(tachy.at(5000).pulse_rate, 135);
}

TEST(SimScenario, HypertensionSpikesNibpAtFortyMinutes) {
  const Timeline t = scenario("hypertension");
  EXPECT_EQ(t.at(40 * 60 - 1).nibp_systolic, 120);
  EXPECT_EQ(t.at(40 * 60).nibp_systolic, 182);
  EXPECT_EQ(t.at(40 * 60).nibp_diastolic, 108);
  EXPECT_EQ(nibp_mean(t.at(45 * 60)), 133);
  EXPECT_EQ(t.at(50 * 60).nibp_systolic, 120);
  EXPECT_EQ(t.at(45 * 60).spo2, 98);
}

TEST(SimScenario, FingerOutUnplugSilenceNoiseAndNibpFailure) {
  const Timeline finger = scenario("finger-out");
  EXPECT_FALSE(finger.at(9).finger_out);
  EXPECT_TRUE(finger.at(10).finger_out);
  EXPECT_FALSE(finger.at(10).spo2);
  EXPECT_FALSE(finger.at(10).pulse_rate);
  EXPECT_EQ(finger.at(10).nibp_systolic, 120);  // the cuff is another device
  EXPECT_EQ(finger.at(40).spo2, 98);

  const Timeline unplug = scenario("unplug");
  EXPECT_TRUE(unplug.at(9.9).connected);
  EXPECT_FALSE(unplug.at(10).connected);
  EXPECT_FALSE(unplug.at(14.9).connected);
  EXPECT_TRUE(unplug.at(15).connected);

  EXPECT_FALSE(scenario("silence").at(9.9).silent);
  EXPECT_TRUE(scenario("silence").at(10).silent);
  EXPECT_TRUE(scenario("silence").at(99999).silent);
  EXPECT_DOUBLE_EQ(scenario("noise").at(0).corruption_rate, 0.01);
  EXPECT_EQ(scenario("nibp-failure").at(3).nibp_error_code, 87);
}

TEST(SimTimeline, EpisodesComposeInOrderAndThenAppends) {
  Timeline t;
  t.add(100, episodes::tachycardia(60)).add(130, episodes::finger_out(10));
  EXPECT_EQ(t.at(120).pulse_rate, 114);  // 20 s into a 30 s ramp from 72 to 135
  EXPECT_FALSE(t.at(135).pulse_rate);    // finger out wins over the tachycardia
  EXPECT_EQ(t.at(145).pulse_rate, 104);  // ramping down: 15 s left of 30 (103.5)
  EXPECT_EQ(t.at(160).pulse_rate, 72);
  EXPECT_DOUBLE_EQ(t.end_s(), 160);
  t.then(episodes::unplug(5), 10);
  EXPECT_TRUE(t.at(169).connected);
  EXPECT_FALSE(t.at(170).connected);
  EXPECT_TRUE(t.at(175).connected);
  EXPECT_EQ(t.episodes().size(), 3u);
  EXPECT_EQ(t.episodes().back().episode.name, "unplug");
}

TEST(SimTimeline, DemoSessionScriptsTheTwoAndAHalfHours) {
  const Timeline t = demo_session_timeline();
  EXPECT_EQ(t.at(25 * 60 + 10).spo2, 98);  // the episode's 20 s lead
  EXPECT_EQ(t.at(25 * 60 + 80).spo2, 84);
  EXPECT_EQ(t.at(25 * 60 + 200).spo2, 98);
  EXPECT_EQ(t.at(40 * 60 + 1).nibp_systolic, 182);
  EXPECT_EQ(t.at(51 * 60).nibp_systolic, 120);
  EXPECT_TRUE(t.at(70 * 60 + 30).finger_out);
  EXPECT_FALSE(t.at(71 * 60 + 1).finger_out);
  EXPECT_FALSE(t.at(90 * 60 + 5).connected);
  EXPECT_TRUE(t.at(90 * 60 + 21).connected);
  EXPECT_EQ(t.at(kDemoSessionLength_s - 1), normal_vitals());
  EXPECT_LE(t.end_s(), kDemoSessionLength_s);
}

TEST(SimTimeline, NegativeTimesAreTheStart) { EXPECT_EQ(scenario("desaturation").at(-5).spo2, 98); }

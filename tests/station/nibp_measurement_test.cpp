// Putting a device's NIBP measurement together from its per-channel readings.
#include <gtest/gtest.h>

#include "nibp_measurement.hpp"

namespace vigil::station {
namespace {

using core::Channel;
using namespace std::chrono_literals;

core::Reading reading(Channel c, std::optional<double> v, core::UtcTime at,
                      core::DeviceId dev = 2) {
  core::Reading r;
  r.channel = c;
  r.value = v;
  r.device = dev;
  r.utc_time = at;
  return r;
}

std::optional<NibpMeasurement> frame(NibpMeasurementAssembler& a, double sys, double dia,
                                     double mean, core::UtcTime at, core::ReadingFlags flags = {}) {
  a.add(reading(Channel::nibp_systolic, sys, at));
  auto d = reading(Channel::nibp_diastolic, dia, at);
  d.flags = flags;
  a.add(d);
  a.add(reading(Channel::nibp_pulse_rate, 70, at));
  return a.add(reading(Channel::nibp_mean, mean, at));
}

const core::UtcTime kT{std::chrono::milliseconds(1'790'000'000'000)};

TEST(NibpMeasurement, SystolicDiastolicAndMeanOfOneFrameAreOneMeasurement) {
  NibpMeasurementAssembler a;
  const auto m = frame(a, 124, 78, 93, kT);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->device, 2);
  EXPECT_EQ(m->at, kT);
  EXPECT_EQ(m->systolic_mmhg, 124);
  EXPECT_EQ(m->diastolic_mmhg, 78);
  EXPECT_EQ(m->mean_mmhg, 93);
}

TEST(NibpMeasurement, AFailedOrDoubtfulMeasurementIsNone) {
  NibpMeasurementAssembler a;
  a.add(reading(Channel::nibp_systolic, std::nullopt, kT));  // SunTech error: no values
  a.add(reading(Channel::nibp_diastolic, std::nullopt, kT));
  EXPECT_FALSE(a.add(reading(Channel::nibp_mean, std::nullopt, kT)));
  core::ReadingFlags measuring;
  measuring.set(core::ReadingFlag::measuring);
  EXPECT_FALSE(frame(a, 124, 78, 93, kT + 1s, measuring));
  core::ReadingFlags stale;
  stale.set(core::ReadingFlag::stale);
  EXPECT_FALSE(frame(a, 124, 78, 93, kT + 2s, stale));
}

TEST(NibpMeasurement, AFrameCutShortStartsNothingWithTheNextOne) {
  NibpMeasurementAssembler a;
  a.add(reading(Channel::nibp_systolic, 180, kT));
  EXPECT_FALSE(a.add(reading(Channel::nibp_diastolic, 70, kT + 1s)));
  EXPECT_FALSE(a.add(reading(Channel::nibp_mean, 90, kT + 1s)))
      << "systolic came from another frame";
}

TEST(NibpMeasurement, AMonitorRepeatingItsLastMeasurementGivesItOnce) {
  NibpMeasurementAssembler a;
  EXPECT_TRUE(frame(a, 124, 78, 93, kT));
  EXPECT_FALSE(frame(a, 124, 78, 93, kT + 10s));  // GE S/5 resends it every frame
  EXPECT_TRUE(frame(a, 126, 80, 95, kT + 20s));   // a new measurement
  EXPECT_TRUE(frame(a, 126, 80, 95, kT + 20s + NibpMeasurementAssembler::kRepeatWindow));
  // Devices are kept apart.
  a.add(reading(Channel::nibp_systolic, 126, kT + 30s, 3));
  a.add(reading(Channel::nibp_diastolic, 80, kT + 30s, 3));
  EXPECT_TRUE(a.add(reading(Channel::nibp_mean, 95, kT + 30s, 3)));
}

}  // namespace
}  // namespace vigil::station

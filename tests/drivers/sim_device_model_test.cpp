// Every device model without a pty: the bytes over scenario time decode to the scenario's values
// at the device's frame rate, and the pleth beats with the pulse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim_test_support.hpp"
#include "vigil/drivers/sim/byte_stream.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/drivers/sim/scenario.hpp"

using namespace vigil;
using namespace vigil::drivers::sim;
using namespace vigil::sim_test;
using core::Channel;

namespace {

Bytes stream(std::string_view device, const Timeline& t, double duration_s, double start_s = 0,
             ByteStreamResult* result = nullptr) {
  std::ostringstream out;
  const auto r = write_byte_stream(device, t, start_s, duration_s, out);
  if (result) *result = r;
  const std::string s = out.str();
  return Bytes(s.begin(), s.end());
}

int count(const std::vector<std::optional<double>>& v, double value) {
  return static_cast<int>(std::count(v.begin(), v.end(), std::optional<double>(value)));
}

// Upward crossings of `level` in the pleth samples.
int beats(const std::vector<std::optional<double>>& pleth, double level) {
  int n = 0;
  for (std::size_t i = 1; i < pleth.size(); ++i) {
    if (pleth[i - 1] && pleth[i] && *pleth[i - 1] < level && *pleth[i] >= level) ++n;
  }
  return n;
}

struct Expected {
  std::string_view device;
  double frames_per_s;
};

// Frames per scenario second of each family's model with the host assumed; no default, so a
// new family needs its rate here. SunTech sends only when a measurement ends (0: not a stream).
double frames_per_s(protocols::ProtocolFamily family) {
  using protocols::ProtocolFamily;
  switch (family) {
    case ProtocolFamily::nonin_df2:
    case ProtocolFamily::nonin_df7:
      return 75;
    case ProtocolFamily::nonin_df8:
    case ProtocolFamily::masimo_ascii:
      return 1;
    case ProtocolFamily::contec_legacy:
    case ProtocolFamily::contec_v7:
      return 60;
    case ProtocolFamily::ge_s5:
      return 1.0 / 5;
    case ProtocolFamily::suntech:
      return 0;
  }
  return 0;
}

}  // namespace

TEST(SimDeviceModel, EveryDeviceStreamsTheScenarioAtItsFrameRate) {
  const Timeline normal = *make_scenario("normal");
  std::vector<Expected> devices;
  for (const auto family : protocols::kProtocolFamilies) {
    if (const double rate = frames_per_s(family); rate > 0) {
      devices.push_back({protocols::protocol_name(family), rate});
    }
  }
  for (const auto& e : devices) {
    SCOPED_TRACE(e.device);
    const auto d = decode(e.device, stream(e.device, normal, 60));
    EXPECT_NEAR(static_cast<double>(d.counters.frames), 60 * e.frames_per_s + 1, 2);
    EXPECT_EQ(d.counters.bytes_discarded, 0u);
    EXPECT_EQ(d.counters.checksum_errors, 0u);
    const auto spo2 = d.sink.values(Channel::spo2);
    ASSERT_FALSE(spo2.empty());
    EXPECT_EQ(count(spo2, 98), static_cast<int>(spo2.size()));
    const auto pr = d.sink.values(Channel::pulse_rate);
    EXPECT_EQ(count(pr, 72), static_cast<int>(pr.size()));
  }
  for (std::string_view device : {"contec-v7", "masimo-ascii"}) {
    const auto d = decode(device, stream(device, normal, 5));
    EXPECT_EQ(d.sink.last(Channel::perfusion_index), 3.5) << device;
  }
  const auto ge = decode("ge-s5", stream("ge-s5", normal, 10));
  EXPECT_EQ(ge.sink.last(Channel::nibp_systolic), 120);
  EXPECT_EQ(ge.sink.last(Channel::nibp_diastolic), 80);
  EXPECT_EQ(ge.sink.last(Channel::nibp_mean), 93);
}

TEST(SimDeviceModel, SunTechAssumedHostMeasuresEveryCycle) {
  const auto d = decode("suntech", stream("suntech", *make_scenario("normal"), 31));
  EXPECT_EQ(d.sink.last(Channel::nibp_systolic), 120);
  EXPECT_EQ(d.sink.last(Channel::nibp_diastolic), 80);
  EXPECT_EQ(d.sink.last(Channel::nibp_mean), 93);
  EXPECT_EQ(d.sink.last(Channel::nibp_pulse_rate), 72);
  EXPECT_GE(d.sink.values(Channel::cuff_pressure).size(), 25u);  // one poll a second
  ASSERT_FALSE(d.sink.replies.empty());
  EXPECT_EQ(d.sink.replies.back().kind, protocols::ReplyKind::measurement_done);
}

TEST(SimDeviceModel, PlethBeatsInTimeWithThePulse) {
  for (int bpm : {42, 72, 135}) {
    SCOPED_TRACE(bpm);
    VitalSigns v = normal_vitals();
    v.pulse_rate = bpm;
    const Timeline t(v);
    const auto df2 = decode("nonin-df2", stream("nonin-df2", t, 60));
    EXPECT_NEAR(beats(df2.sink.values(Channel::pleth), 128), bpm, 1);
    const auto df7 = decode("nonin-df7", stream("nonin-df7", t, 60));
    EXPECT_NEAR(beats(df7.sink.values(Channel::pleth), 32768), bpm, 1);
    const auto v7 = decode("contec-v7", stream("contec-v7", t, 60));
    EXPECT_NEAR(beats(v7.sink.values(Channel::pleth), 64), bpm, 1);
    // The legacy stream's beep bit marks each beat.
    const auto legacy = decode("contec-legacy", stream("contec-legacy", t, 60));
    int beeps = 0;
    for (const auto& r : legacy.sink.readings) {
      if (r.channel == Channel::spo2 && r.flags.has(core::ReadingFlag::pulse_beep)) ++beeps;
    }
    EXPECT_NEAR(beeps, bpm, 1);
  }
}

TEST(SimDeviceModel, DesaturationReachesTheNadirInEveryOximeterStream) {
  for (std::string_view device :
       {"nonin-df2", "nonin-df7", "nonin-df8", "contec-legacy", "contec-v7", "masimo-ascii"}) {
    SCOPED_TRACE(device);
    const auto d = decode(device, stream(device, *make_scenario("desaturation"), 150));
    const auto spo2 = d.sink.values(Channel::spo2);
    ASSERT_FALSE(spo2.empty());
    EXPECT_EQ(spo2.front(), 98);
    EXPECT_GT(count(spo2, 84), 0);
    EXPECT_EQ(*std::min_element(spo2.begin(), spo2.end()), 84);
    EXPECT_EQ(spo2.back(), 98);
  }
}

TEST(SimDeviceModel, StartAtBeginsMidScenario) {
  const auto d = decode("masimo-ascii", stream("masimo-ascii", *make_scenario("desaturation"), 3,
                                               /*start_s=*/85));
  EXPECT_EQ(d.sink.values(Channel::spo2).front(), 84);
}

TEST(SimDeviceModel, FingerOutGivesAbsentValuesAndSensorOff) {
  for (std::string_view device : {"nonin-df2", "contec-v7", "masimo-ascii", "contec-legacy"}) {
    SCOPED_TRACE(device);
    const auto d = decode(device, stream(device, *make_scenario("finger-out"), 5, 20));
    const auto spo2 = d.sink.values(Channel::spo2);
    ASSERT_FALSE(spo2.empty());
    EXPECT_EQ(count(spo2, 98), 0);
    EXPECT_FALSE(spo2.back());
    bool sensor = false;
    for (const auto& r : d.sink.readings) {
      sensor |= r.flags.has(core::ReadingFlag::sensor_off) ||
                r.flags.has(core::ReadingFlag::sensor_fault);
    }
    EXPECT_TRUE(sensor);
  }
}

TEST(SimDeviceModel, NoiseCorruptsAboutOnePercentAndDecodersCope) {
  ByteStreamResult r;
  const auto bytes = stream("nonin-df2", *make_scenario("noise"), 120, 0, &r);
  const double share = static_cast<double>(r.bytes_corrupted) / static_cast<double>(r.bytes);
  EXPECT_GT(share, 0.007);
  EXPECT_LT(share, 0.013);
  const auto d = decode("nonin-df2", bytes);
  EXPECT_GT(d.counters.frames, 0.8 * 9000);
  EXPECT_GT(d.counters.checksum_errors + d.counters.bytes_discarded, 0u);
  const auto spo2 = d.sink.values(Channel::spo2);
  // A value needs a whole 125-byte packet intact (0.99^125 = 28 % of them here).
  EXPECT_GT(spo2.size(), 60u);
  EXPECT_EQ(count(spo2, 98), static_cast<int>(spo2.size()));  // nothing invented

  const auto masimo = decode("masimo-ascii", stream("masimo-ascii", *make_scenario("noise"), 600));
  EXPECT_GT(masimo.counters.frames, 0.6 * 600);
}

TEST(SimDeviceModel, SilenceAndUnplugLeaveGaps) {
  const auto silent = stream("nonin-df2", *make_scenario("silence"), 30);
  EXPECT_NEAR(static_cast<double>(silent.size()), 10 * 75 * 5, 5 * 5);
  const auto unplug = decode("nonin-df2", stream("nonin-df2", *make_scenario("unplug"), 20));
  EXPECT_NEAR(static_cast<double>(unplug.counters.frames), 15 * 75, 3);
}

// Streaming simulators over real pseudo-terminals: the symlink opens as a raw port, and what
// arrives decodes to the scenario's values at about the device's frame rate.
#include <gtest/gtest.h>

#include <filesystem>

#include "sim_test_support.hpp"
#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

using namespace vigil;
using namespace vigil::drivers::sim;
using namespace vigil::sim_test;
using core::Channel;
using namespace std::chrono_literals;

namespace {

SimulatorOptions options(std::string device, std::string_view scenario, double speed) {
  SimulatorOptions o;
  o.device = std::move(device);
  o.timeline = *make_scenario(scenario);
  o.speed = speed;
  o.link_path = unique_link(o.device);
  return o;
}

struct StreamCase {
  std::string device;
  double speed;
  double frames_per_scenario_s;
};

}  // namespace

TEST(SimPtyStream, EveryStreamingDeviceDecodesAtItsRate) {
  const std::vector<StreamCase> cases = {{"nonin-df2", 1, 75},
                                         {"nonin-df7", 1, 75},
                                         {"contec-legacy", 1, 60},
                                         {"nonin-df8", 10, 1},
                                         {"masimo-ascii", 10, 1}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.device);
    PtySimulator sim(options(c.device, "normal", c.speed));
    sim.start();
    EXPECT_EQ(sim.generation(), 1u);
    ASSERT_TRUE(std::filesystem::is_symlink(sim.link_path()));
    RawPort port(sim.link_path());
    ASSERT_TRUE(port.is_open());
    port.read_for(150ms);  // whatever was sent before the port opened
    const auto window = 1200ms;
    const auto bytes = port.read_for(window);
    const auto d = decode(c.device, bytes, /*finish=*/false);
    const double expected = c.frames_per_scenario_s * c.speed * 1.2;
    // Tolerant: the machine may be loaded, but not a different rate.
    EXPECT_GT(static_cast<double>(d.counters.frames), 0.7 * expected);
    EXPECT_LT(static_cast<double>(d.counters.frames), 1.3 * expected + 2);
    EXPECT_EQ(d.sink.last(Channel::spo2), 98);
    EXPECT_EQ(d.sink.last(Channel::pulse_rate), 72);
    sim.stop();
    EXPECT_FALSE(std::filesystem::exists(sim.link_path()));
  }
}

TEST(SimPtyStream, DesaturationFromAStartOffsetReachesTheNadir) {
  auto o = options("nonin-df2", "desaturation", 10);
  o.start_at_s = 70;  // SpO2 86 and falling
  PtySimulator sim(o);
  sim.start();
  RawPort port(sim.link_path());
  const auto d = decode("nonin-df2", port.read_for(1500ms), false);
  const auto spo2 = d.sink.values(Channel::spo2);
  ASSERT_FALSE(spo2.empty());
  EXPECT_LE(*spo2.front(), 87);
  EXPECT_EQ(*std::min_element(spo2.begin(), spo2.end()), 84);
}

TEST(SimPtyStream, NoiseCorruptsBytesButMostFramesDecode) {
  PtySimulator sim(options("nonin-df2", "noise", 2));
  sim.start();
  RawPort port(sim.link_path());
  port.read_for(100ms);
  const auto d = decode("nonin-df2", port.read_for(1500ms), false);
  EXPECT_GT(d.counters.frames, 0.7 * 150 * 1.5);
  EXPECT_GT(d.counters.checksum_errors + d.counters.bytes_discarded, 0u);
  for (const auto& v : d.sink.values(Channel::spo2)) EXPECT_EQ(v, 98);
}

TEST(SimPtyStream, SilenceStopsTheBytesButNotThePort) {
  PtySimulator sim(options("masimo-ascii", "silence", 10));  // silent from 10 s = 1 s real
  sim.start();
  RawPort port(sim.link_path());
  const auto t0 = Clock::now();
  double last_byte_s = 0;
  port.read_each(2000ms, [&](std::span<const std::uint8_t>) {
    last_byte_s = seconds_since(t0);
    return false;
  });
  EXPECT_FALSE(port.disconnected());
  EXPECT_GT(last_byte_s, 0.5);
  EXPECT_LT(last_byte_s, 1.4);
}

TEST(SimPtyStream, SimulatorsSharingAnEpochRunInStep) {
  const auto epoch = Clock::now() - std::chrono::seconds(3);
  auto a = options("nonin-df2", "normal", 10);
  auto b = options("ge-s5", "normal", 10);
  a.epoch = b.epoch = epoch;
  a.start_at_s = b.start_at_s = 60;
  PtySimulator first(a);
  PtySimulator second(b);
  first.start();
  sleep_ms(50);
  second.start();
  EXPECT_NEAR(first.scenario_time_s(), 90, 2);
  EXPECT_NEAR(second.scenario_time_s() - first.scenario_time_s(), 0, 0.2);
}

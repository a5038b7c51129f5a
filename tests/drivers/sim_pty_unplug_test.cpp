// Unplug over a real pty: the host's port gets EOF / EIO, the symlink goes, and a new pty
// appears at the same symlink when the device comes back.
#include <gtest/gtest.h>

#include <filesystem>

#include "sim_test_support.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

using namespace vigil;
using namespace vigil::drivers::sim;
using namespace vigil::sim_test;
using core::Channel;
using namespace std::chrono_literals;

TEST(SimPtyUnplug, PortGetsEofThenANewPtyAppearsAtTheSameSymlink) {
  SimulatorOptions o;
  o.device = "nonin-df2";
  o.timeline = *make_scenario("unplug");  // unplugged 10..15 s: 1.0..1.5 s real at speed 10
  o.speed = 10;
  o.link_path = unique_link("unplug");
  PtySimulator sim(o);
  sim.start();
  const auto first_target = std::filesystem::read_symlink(o.link_path);

  const auto t0 = Clock::now();
  RawPort port(o.link_path);
  ASSERT_TRUE(port.is_open());
  const auto before = port.read_for(3000ms);  // returns at EOF / EIO
  const double gone_s = seconds_since(t0);
  EXPECT_TRUE(port.disconnected());
  EXPECT_GT(gone_s, 0.7);
  EXPECT_LT(gone_s, 1.6);
  EXPECT_GT(decode("nonin-df2", before, false).counters.frames, 300u);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(o.link_path)));

  // Back after the pause: a second pty behind the same symlink.
  while (sim.generation() < 2 && seconds_since(t0) < 4) sleep_ms(10);
  const double back_s = seconds_since(t0);
  EXPECT_EQ(sim.generation(), 2u);
  EXPECT_GT(back_s, 1.3);
  EXPECT_LT(back_s, 2.2);
  ASSERT_TRUE(std::filesystem::is_symlink(o.link_path));
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::read_symlink(o.link_path)));
  (void)first_target;  // the kernel may hand out the same /dev/pts number again

  RawPort again(o.link_path);
  ASSERT_TRUE(again.is_open());
  const auto d = decode("nonin-df2", again.read_for(600ms), false);
  EXPECT_GT(d.counters.frames, 200u);
  EXPECT_EQ(d.sink.last(Channel::spo2), 98);
}

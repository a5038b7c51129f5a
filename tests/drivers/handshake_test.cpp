// Host commands over real ptys: Contec V7 start-live and keep-alives, GE S/5 displayed-values
// request at connect and after reconnect. The test plays the device on the pty master.
#include <gtest/gtest.h>

#include "device_streams.hpp"
#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"
#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/ge_s5.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;
using Clock = std::chrono::steady_clock;

namespace {

DeviceSessionConfig config_for(std::string protocol, const std::string& path) {
  DeviceSessionConfig c;
  c.device_id = 11;
  c.protocol = std::move(protocol);
  c.identity = DeviceIdentity::parse(path);
  return c;
}

// Collects the Contec host commands seen on the master.
struct ContecHost {
  protocols::ContecV7CommandParser parser;
  std::vector<protocols::ContecCommand> commands;
  void poll(PtyDevice& device) {
    for (std::uint8_t b : device.read_host_bytes()) {
      if (auto p = parser.push(b); p && p->command) commands.push_back(*p->command);
    }
  }
  std::size_t count(protocols::ContecCommand c) const {
    return static_cast<std::size_t>(std::count(commands.begin(), commands.end(), c));
  }
};

}  // namespace

TEST(Handshake, ContecV7SendsStartLiveThenKeepAlives) {
  TempDir dir;
  PtyDevice device(dir.file("contec"));
  AcquisitionThread thread;
  RecordingListener listener;
  auto config = config_for("contec-v7", device.link());
  config.contec_keep_alive = 200ms;  // 5 s on the real device; shortened for the test
  DeviceSession session(thread, config, listener);
  thread.start();
  session.start();

  ContecHost host;
  ASSERT_TRUE(wait_until([&] {
    host.poll(device);
    return !host.commands.empty();
  }));
  EXPECT_EQ(host.commands.front(), protocols::ContecCommand::start_live);
  EXPECT_EQ(session.state(), SessionState::handshaking);

  // The device answers the start with its live stream.
  device.start_stream(contec_v7_packets(97, 64), 50ms);
  ASSERT_TRUE(wait_until([&] { return listener.last_value(core::Channel::spo2).has_value(); }));
  EXPECT_EQ(session.state(), SessionState::streaming);

  const auto t0 = Clock::now();
  ASSERT_TRUE(wait_until([&] {
    host.poll(device);
    return host.count(protocols::ContecCommand::keep_alive) >= 3;
  }));
  const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  EXPECT_GT(elapsed, 0.3) << "keep-alives follow their period, not faster";
  EXPECT_EQ(host.count(protocols::ContecCommand::start_live), 1u);
  EXPECT_EQ(host.parser.bytes_discarded(), 0u);
}

TEST(Handshake, ContecV7KeepAliveDefaultsToFiveSeconds) {
  DeviceSessionConfig config;
  EXPECT_EQ(config.contec_keep_alive, 5000ms);
}

TEST(Handshake, GeS5RequestIsSentAtConnectAndAfterReconnect) {
  TempDir dir;
  PtyDevice device(dir.file("ge"));
  AcquisitionThread thread;
  RecordingListener listener;
  DeviceSession session(thread, config_for("ge-s5", device.link()), listener);
  thread.start();
  session.start();

  auto wait_for_request = [&](protocols::GeS5RequestParser& parser) {
    std::optional<int> interval;
    EXPECT_TRUE(wait_until([&] {
      if (auto i = parser.feed(device.read_host_bytes())) interval = i;
      return interval.has_value();
    }));
    return interval;
  };
  protocols::GeS5RequestParser first;
  EXPECT_EQ(wait_for_request(first), 5);

  // The monitor answers with displayed values.
  protocols::OximeterState ox = oximeter(94, 77);
  protocols::NibpState nibp;
  nibp.systolic = 121;
  nibp.diastolic = 79;
  nibp.mean = 93;
  auto records = [ox, nibp] {
    std::vector<std::uint8_t> out;
    protocols::encode_displayed_values(ox, nibp, 1'700'000'000, out);
    return out;
  };
  device.start_stream(records, 100ms);
  ASSERT_TRUE(wait_until([&] {
    return listener.last_value(core::Channel::nibp_systolic).has_value() &&
           listener.last_value(core::Channel::spo2).has_value();
  }));
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::nibp_systolic)->value, 121.0);
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::spo2)->value, 94.0);

  device.stop_stream();
  device.unplug();
  ASSERT_TRUE(wait_until([&] { return session.state() == SessionState::disconnected; }));
  device.plug();
  protocols::GeS5RequestParser second;
  EXPECT_EQ(wait_for_request(second), 5) << "request re-sent after reconnect";
}

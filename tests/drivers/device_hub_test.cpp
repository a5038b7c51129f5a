// DeviceHub: several devices on one acquisition thread; add, remove, stop and restart.
#include <gtest/gtest.h>

#include "device_streams.hpp"
#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "vigil/drivers/device_hub.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;

namespace {
DeviceSessionConfig config_for(core::DeviceId id, std::string protocol, const std::string& path) {
  DeviceSessionConfig c;
  c.device_id = id;
  c.protocol = std::move(protocol);
  c.identity = DeviceIdentity::parse(path);
  return c;
}
}  // namespace

TEST(DeviceHub, ServesSeveralDevicesOnOneThread) {
  TempDir dir;
  PtyDevice nonin(dir.file("nonin"));
  PtyDevice masimo(dir.file("masimo"));
  RecordingListener listener;
  DeviceHub hub(listener);
  hub.add_device(config_for(1, "nonin-df2", nonin.link()));
  hub.add_device(config_for(2, "masimo-ascii", masimo.link()));
  EXPECT_THROW(hub.add_device(config_for(2, "nonin-df2", nonin.link())), std::invalid_argument);
  EXPECT_THROW(hub.add_device(config_for(3, "bogus", nonin.link())), std::invalid_argument);
  hub.start();
  hub.start();  // idempotent
  nonin.start_stream(nonin_df2_packets(98, 61), 333ms);
  masimo.start_stream(masimo_lines(91, 99), 100ms);
  ASSERT_TRUE(wait_until([&] {
    return listener.last_value(core::Channel::spo2, 1).has_value() &&
           listener.last_value(core::Channel::spo2, 2).has_value();
  }));
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::spo2, 1)->value, 98.0);
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::spo2, 2)->value, 91.0);
  EXPECT_EQ(hub.state(1), SessionState::streaming);
  EXPECT_EQ(hub.devices().size(), 2u);

  EXPECT_TRUE(hub.remove_device(2));
  EXPECT_FALSE(hub.remove_device(2));
  EXPECT_EQ(hub.state(2), std::nullopt);

  hub.stop();
  EXPECT_FALSE(hub.running());
  const auto count = listener.reading_count();
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(listener.reading_count(), count) << "stopped hub reports nothing";
  hub.start();
  ASSERT_TRUE(wait_until([&] { return listener.reading_count() > count; }));
  nonin.stop_stream();
  masimo.stop_stream();
}

// Unplug and return over real ptys: disconnected within 1 s, no busy loop while the device is
// away, streaming again within 2 s of its return, also when it returns under another name.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include "device_streams.hpp"
#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;
using Clock = std::chrono::steady_clock;
using core::DeviceConditionKind;

namespace {

double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

class FakeDiscovery final : public PortDiscovery {
 public:
  std::vector<PortInfo> list_ports() override {
    std::lock_guard lock(mutex);
    return ports;
  }
  void set(std::vector<PortInfo> p) {
    std::lock_guard lock(mutex);
    ports = std::move(p);
  }
  std::mutex mutex;
  std::vector<PortInfo> ports;
};

}  // namespace

TEST(Reconnect, UnplugIsReportedFastWithoutBusyLoopAndReturnStreamsAgain) {
  TempDir dir;
  PtyDevice device(dir.file("oximeter"));
  AcquisitionThread thread;
  RecordingListener listener;
  DeviceSessionConfig config;
  config.device_id = 3;
  config.protocol = "masimo-ascii";
  config.identity = DeviceIdentity::parse(device.link());
  DeviceSession session(thread, config, listener);
  thread.start();
  session.start();
  device.start_stream(masimo_lines(97, 80), 50ms);
  ASSERT_TRUE(wait_until([&] { return session.state() == SessionState::streaming; }));

  device.stop_stream();
  const auto unplugged = Clock::now();
  device.unplug();
  ASSERT_TRUE(wait_until([&] {
    return listener.find_condition(DeviceConditionKind::disconnected, true, unplugged).has_value();
  }));
  const auto reported = listener.find_condition(DeviceConditionKind::disconnected, true)->at;
  EXPECT_LT(ms_between(unplugged, reported), 1000.0);
  EXPECT_EQ(session.state(), SessionState::disconnected);

  // Away for 1.5 s: neither reads nor CPU may spin.
  const auto reads_before = session.stats().link.read_completions;
  const double cpu_before = process_cpu_seconds();
  std::this_thread::sleep_for(1500ms);
  const double cpu_used = process_cpu_seconds() - cpu_before;
  EXPECT_LE(session.stats().link.read_completions - reads_before, 2u);
  EXPECT_LT(cpu_used, 0.3) << "CPU seconds while the device was away";
  EXPECT_GE(session.stats().link.open_failures, 1u);

  device.plug();
  const auto returned = Clock::now();
  device.start_stream(masimo_lines(95, 82), 50ms);
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_state(SessionState::streaming, returned).has_value(); }));
  const auto streaming = listener.find_state(SessionState::streaming, returned)->at;
  EXPECT_LT(ms_between(returned, streaming), 2000.0);
  EXPECT_TRUE(listener.find_condition(DeviceConditionKind::connected, true, returned));
  ASSERT_TRUE(wait_until([&] {
    auto r = listener.last_value(core::Channel::spo2);
    return r && *r->value == 95.0;
  }));
  std::printf("unplug -> disconnected %.0f ms; return -> streaming %.0f ms; cpu away %.3f s\n",
              ms_between(unplugged, reported), ms_between(returned, streaming), cpu_used);
}

TEST(Reconnect, LongAbsenceStillReturnsWithinTwoSeconds) {
  // After 4 s away the back-off is at 4 s; the presence probe still opens at once.
  TempDir dir;
  PtyDevice device(dir.file("oximeter"));
  AcquisitionThread thread;
  RecordingListener listener;
  DeviceSessionConfig config;
  config.protocol = "nonin-df2";
  config.identity = DeviceIdentity::parse(device.link());
  DeviceSession session(thread, config, listener);
  thread.start();
  device.unplug();
  session.start();
  std::this_thread::sleep_for(4000ms);
  EXPECT_EQ(session.state(), SessionState::disconnected);
  EXPECT_EQ(listener.conditions().size(), 1u) << "disconnected is reported once, not per retry";
  device.plug();
  const auto returned = Clock::now();
  device.start_stream(nonin_df2_packets(96, 70), 333ms);
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_state(SessionState::streaming, returned).has_value(); }));
  EXPECT_LT(ms_between(returned, listener.find_state(SessionState::streaming, returned)->at),
            2000.0);
}

TEST(Reconnect, DeviceIsFoundByUsbSerialUnderANewName) {
  TempDir dir;
  auto first = std::make_unique<PtyDevice>(dir.file("ttyUSB0"));
  FakeDiscovery discovery;
  discovery.set({{first->link(), 0x0403, 0x6001, "NONIN123", "FT232R", ""}});
  AcquisitionThread thread;
  RecordingListener listener;
  DeviceSessionConfig config;
  config.protocol = "masimo-ascii";
  config.identity = DeviceIdentity::parse("usb-serial:NONIN123");
  DeviceSession session(thread, config, listener, system_device_clock(), &discovery);
  thread.start();
  session.start();
  first->start_stream(masimo_lines(97, 80), 50ms);
  ASSERT_TRUE(wait_until([&] { return session.state() == SessionState::streaming; }));

  first.reset();  // unplugged
  discovery.set({});
  ASSERT_TRUE(wait_until([&] { return session.state() == SessionState::disconnected; }));
  PtyDevice second(dir.file("ttyUSB1"));
  discovery.set({{second.link(), 0x0403, 0x6001, "NONIN123", "FT232R", ""}});
  const auto returned = Clock::now();
  second.start_stream(masimo_lines(93, 88), 50ms);
  ASSERT_TRUE(wait_until([&] {
    auto r = listener.last_value(core::Channel::spo2);
    return r && *r->value == 93.0;
  }));
  EXPECT_LT(ms_between(returned, listener.find_state(SessionState::streaming, returned)->at),
            2000.0);
}

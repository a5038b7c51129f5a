// Silence watchdog over real ptys: no valid frame for the limit -> no_data; garbage is not data.
#include <gtest/gtest.h>

#include "device_streams.hpp"
#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"
#include "vigil/drivers/session_protocol.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;
using Clock = std::chrono::steady_clock;
using core::DeviceConditionKind;

namespace {

struct SilenceWatchdog : ::testing::Test {
  TempDir dir;
  PtyDevice device{dir.file("dev")};
  AcquisitionThread thread;
  RecordingListener listener;
  std::unique_ptr<DeviceSession> session;

  // The limit is long against the 50 ms line period so that a stall of the loaded test machine
  // while streaming does not itself look like silence.
  void start(const std::string& protocol, std::chrono::milliseconds limit = 300ms) {
    DeviceSessionConfig c;
    c.protocol = protocol;
    c.identity = DeviceIdentity::parse(device.link());
    c.silence_limit = limit;
    session = std::make_unique<DeviceSession>(thread, c, listener);
    thread.start();
    session->start();
  }
};

double ms_since(Clock::time_point t0, Clock::time_point t1) {
  return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

}  // namespace

TEST_F(SilenceWatchdog, SilenceRaisesNoDataAndDataClearsIt) {
  start("masimo-ascii", 1000ms);
  device.start_stream(masimo_lines(97, 60), 50ms);
  ASSERT_TRUE(wait_until([&] { return session->state() == SessionState::streaming; }));
  device.stop_stream();
  const auto quiet_from = Clock::now();
  ASSERT_TRUE(wait_until([&] {
    return listener.find_condition(DeviceConditionKind::no_data, true, quiet_from).has_value();
  }));
  const auto raised = listener.find_condition(DeviceConditionKind::no_data, true, quiet_from)->at;
  // Measured from the last valid line the session stamped (the watchdog's own reference),
  // not from when the test stopped writing: that line may have arrived a period earlier.
  core::SteadyTime last_data{};
  for (const auto& r : listener.readings()) {
    if (r.steady_time < raised) last_data = std::max(last_data, r.steady_time);
  }
  EXPECT_GE(ms_since(last_data, raised), 1000.0 - 5.0);  // the limit, less clock sampling
  EXPECT_EQ(session->state(), SessionState::silent);

  const auto data_again = Clock::now();
  device.start_stream(masimo_lines(97, 60), 50ms);
  ASSERT_TRUE(wait_until([&] {
    return listener.find_condition(DeviceConditionKind::no_data, false, data_again).has_value();
  }));
  EXPECT_EQ(session->state(), SessionState::streaming);
}

TEST_F(SilenceWatchdog, GarbageAloneIsStillNoData) {
  start("nonin-df2");
  device.start_stream(garbage(40), 20ms);
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_condition(DeviceConditionKind::no_data, true).has_value(); }));
  EXPECT_EQ(session->state(), SessionState::silent);
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(session->state(), SessionState::silent);
  EXPECT_FALSE(listener.find_condition(DeviceConditionKind::no_data, false).has_value());
  EXPECT_EQ(listener.reading_count(), 0u);
  EXPECT_GT(session->stats().decoder.bytes_discarded, 0u);
}

TEST(SessionProtocol, DefaultsPerProtocol) {
  EXPECT_EQ(session_protocol_for("contec-v7")->handshake, Handshake::contec_v7);
  EXPECT_EQ(session_protocol_for("ge-s5")->handshake, Handshake::ge_s5);
  EXPECT_EQ(session_protocol_for("suntech")->silence_limit, 0ms);
  EXPECT_GT(session_protocol_for("nonin-df2")->silence_limit, 0ms);
  EXPECT_FALSE(session_protocol_for("philips-mib").has_value());
  EXPECT_EQ(session_state_name(SessionState::silent), "silent");
}

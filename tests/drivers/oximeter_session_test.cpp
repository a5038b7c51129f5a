// Streaming oximeters (no handshake) over real ptys: bytes from the protocols encoders reach the
// session's listener as stamped readings.
#include <gtest/gtest.h>

#include "device_streams.hpp"
#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;

namespace {

DeviceSessionConfig config_for(std::string protocol, const std::string& path,
                               core::DeviceId id = 7) {
  DeviceSessionConfig c;
  c.device_id = id;
  c.name = "finger";
  c.protocol = std::move(protocol);
  c.identity = DeviceIdentity::parse(path);
  return c;
}

struct StreamCase {
  std::string protocol;
  std::function<std::vector<std::uint8_t>()> stream;
  std::chrono::milliseconds period;
};

void expect_stream_reaches_listener(const StreamCase& sc) {
  TempDir dir;
  PtyDevice device(dir.file("dev"));
  AcquisitionThread thread;
  RecordingListener listener;
  FixedClock clock;
  DeviceSession session(thread, config_for(sc.protocol, device.link()), listener, clock);
  thread.start();
  session.start();
  device.start_stream(sc.stream, sc.period);

  ASSERT_TRUE(wait_until([&] {
    return listener.last_value(core::Channel::spo2) &&
           listener.last_value(core::Channel::pulse_rate);
  })) << sc.protocol;
  const auto spo2 = *listener.last_value(core::Channel::spo2);
  EXPECT_DOUBLE_EQ(*spo2.value, 96.0) << sc.protocol;
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::pulse_rate)->value, 71.0) << sc.protocol;
  EXPECT_EQ(spo2.device, 7) << sc.protocol;
  EXPECT_EQ(spo2.steady_time, clock.steady) << sc.protocol;
  EXPECT_EQ(spo2.utc_time, clock.utc) << sc.protocol;
  EXPECT_EQ(session.state(), SessionState::streaming) << sc.protocol;
  ASSERT_TRUE(listener.find_condition(core::DeviceConditionKind::connected, true));
  ASSERT_TRUE(listener.find_state(SessionState::handshaking));
  EXPECT_EQ(listener.states().front().to, SessionState::opening);
  device.stop_stream();
  session.stop();
  const auto count = listener.reading_count();
  device.write(sc.stream());
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(listener.reading_count(), count) << "no listener call after stop()";
}

}  // namespace

TEST(OximeterSession, NoninDf2StreamBecomesReadings) {
  expect_stream_reaches_listener({"nonin-df2", nonin_df2_packets(96, 71), 333ms});
}

TEST(OximeterSession, MasimoLinesBecomeReadings) {
  expect_stream_reaches_listener({"masimo-ascii", masimo_lines(96, 71), 100ms});
}

TEST(OximeterSession, ContecV7StreamBecomesReadings) {
  expect_stream_reaches_listener({"contec-v7", contec_v7_packets(96, 71), 100ms});
}

TEST(OximeterSession, ContecLegacyStreamBecomesReadings) {
  auto legacy = [state = oximeter(96, 71)] {
    std::vector<std::uint8_t> out;
    for (int i = 0; i < 6; ++i) protocols::ContecLegacyEncoder::encode(state, 50 + i, 5, out);
    return out;
  };
  expect_stream_reaches_listener({"contec-legacy", legacy, 100ms});
}

TEST(OximeterSession, UnknownProtocolIsRefused) {
  AcquisitionThread thread;
  RecordingListener listener;
  EXPECT_THROW(DeviceSession(thread, config_for("philips-mib", "/dev/null"), listener),
               std::invalid_argument);
}

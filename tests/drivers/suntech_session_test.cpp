// SunTech NIBP over a real pty: request -> start command, cuff polls until 'K', BP data fetched
// -> readings and nibp_done; an error result -> nibp_failed naming the error; no answer ->
// aborted and failed after the timeout. The test plays the module on the pty master.
#include <gtest/gtest.h>

#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"
#include "vigil/protocols/suntech.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using namespace vigil::drivers;
using namespace vigil::drivers::test;
using core::DeviceConditionKind;
using protocols::SunTechCommand;

namespace {

class SunTechModule {
 public:
  explicit SunTechModule(PtyDevice& device) : device_(device) {}
  // Waits for the next host command.
  std::optional<SunTechCommand> next(std::chrono::milliseconds limit = 10000ms) {
    std::optional<SunTechCommand> got;
    wait_until(
        [&] {
          if (pending_.empty()) {
            parser_.feed(device_.read_host_bytes(),
                         [&](SunTechCommand c) { pending_.push_back(c); });
          }
          if (pending_.empty()) return false;
          got = pending_.front();
          pending_.erase(pending_.begin());
          return true;
        },
        limit);
    return got;
  }
  void send(const std::vector<std::uint8_t>& bytes) { device_.write(bytes); }

 private:
  PtyDevice& device_;
  protocols::SunTechCommandParser parser_;
  std::vector<SunTechCommand> pending_;
};

struct SunTechSession : ::testing::Test {
  TempDir dir;
  PtyDevice device{dir.file("suntech")};
  AcquisitionThread thread;
  RecordingListener listener;
  std::unique_ptr<DeviceSession> session;

  void start(std::chrono::milliseconds timeout = 10000ms) {
    DeviceSessionConfig c;
    c.device_id = 5;
    c.protocol = "suntech";
    c.identity = DeviceIdentity::parse(device.link());
    c.nibp_poll_interval = 50ms;
    c.nibp_timeout = timeout;
    session = std::make_unique<DeviceSession>(thread, c, listener);
    thread.start();
    session->start();
    ASSERT_TRUE(wait_until([&] { return session->state() == SessionState::streaming; }));
  }

  // Plays one measurement up to the BP data request.
  void measure_until_result_requested(SunTechModule& module) {
    session->request_nibp();
    ASSERT_EQ(module.next(), SunTechCommand::start_adult);
    std::vector<std::uint8_t> out;
    protocols::encode_ack('O', out);
    module.send(out);
    for (int pressure : {80, 140}) {
      ASSERT_EQ(module.next(), SunTechCommand::get_cuff_pressure);
      out.clear();
      protocols::encode_cuff_pressure(pressure, out);
      module.send(out);
    }
    ASSERT_EQ(module.next(), SunTechCommand::get_cuff_pressure);
    out.clear();
    protocols::encode_ack('K', out);
    module.send(out);
    std::optional<SunTechCommand> c;
    do {
      c = module.next();  // polls already in flight may precede the fetch
    } while (c == SunTechCommand::get_cuff_pressure);
    ASSERT_EQ(c, SunTechCommand::get_bp_data);
  }
};

}  // namespace

TEST_F(SunTechSession, RequestedMeasurementGivesReadingsAndDone) {
  start();
  SunTechModule module(device);
  measure_until_result_requested(module);
  protocols::NibpState result;
  result.systolic = 115;
  result.diastolic = 74;
  result.mean = 88;
  result.pulse_rate = 85;
  std::vector<std::uint8_t> out;
  protocols::encode_bp_result(result, 30, out);
  module.send(out);
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_condition(DeviceConditionKind::nibp_done, true).has_value(); }));
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::nibp_systolic)->value, 115.0);
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::nibp_diastolic)->value, 74.0);
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::nibp_mean)->value, 88.0);
  EXPECT_DOUBLE_EQ(*listener.last_value(core::Channel::cuff_pressure)->value, 140.0);
  EXPECT_EQ(listener.last_value(core::Channel::nibp_systolic)->device, 5);
  // Idle again: no more polling.
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(module.next(100ms), std::nullopt);
}

TEST_F(SunTechSession, ErrorResultIsReportedAsFailedWithItsName) {
  start();
  SunTechModule module(device);
  measure_until_result_requested(module);
  protocols::NibpState result;
  result.error_code = 87;
  std::vector<std::uint8_t> out;
  protocols::encode_bp_result(result, 0, out);
  module.send(out);
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_condition(DeviceConditionKind::nibp_failed, true).has_value(); }));
  const auto failed = *listener.find_condition(DeviceConditionKind::nibp_failed, true);
  EXPECT_EQ(failed.detail, protocols::suntech_error_name(87));
  EXPECT_EQ(failed.condition.code, 87);
  EXPECT_FALSE(listener.last_value(core::Channel::nibp_systolic).has_value());
}

TEST_F(SunTechSession, UnansweredMeasurementIsAbortedAndFailsAfterTheTimeout) {
  start(300ms);
  SunTechModule module(device);
  session->request_nibp();
  ASSERT_EQ(module.next(), SunTechCommand::start_adult);
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_condition(DeviceConditionKind::nibp_failed, true).has_value(); }));
  EXPECT_EQ(listener.find_condition(DeviceConditionKind::nibp_failed, true)->detail,
            "measurement timed out");
  std::optional<SunTechCommand> c;
  do {
    c = module.next(1000ms);
  } while (c == SunTechCommand::get_cuff_pressure);
  EXPECT_EQ(c, SunTechCommand::abort);
}

TEST_F(SunTechSession, RequestWhileUnpluggedFailsAsNotConnected) {
  start();
  device.unplug();
  ASSERT_TRUE(wait_until([&] { return session->state() == SessionState::disconnected; }));
  session->request_nibp();
  ASSERT_TRUE(wait_until(
      [&] { return listener.find_condition(DeviceConditionKind::nibp_failed, true).has_value(); }));
  EXPECT_EQ(listener.find_condition(DeviceConditionKind::nibp_failed, true)->detail,
            "not connected");
}

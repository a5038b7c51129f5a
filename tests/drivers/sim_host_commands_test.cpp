// Devices that answer the host, driven in scenario time without a pty: Contec V7 start / keep-
// alive / stop and queries, GE displayed-values requests, SunTech measurements.
#include <gtest/gtest.h>

#include "sim_test_support.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/drivers/sim/scenario.hpp"
#include "vigil/drivers/sim/simulated_device.hpp"
#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/ge_s5.hpp"
#include "vigil/protocols/suntech.hpp"

using namespace vigil;
using namespace vigil::drivers::sim;
using namespace vigil::sim_test;
using core::Channel;
using protocols::ReplyKind;

namespace {

struct Bench {
  explicit Bench(std::string_view device, std::string_view scenario = "normal")
      : device(make_device_model(device), *make_scenario(scenario)), name(device) {}

  // Runs the device from the last time to t_s in 10 ms steps; returns what it sent.
  Bytes run_to(double t_s) {
    Bytes out;
    for (; now < t_s; now = std::min(now + 0.01, t_s)) device.produce(now, out);
    device.produce(t_s, out);
    return out;
  }
  Bytes send(const Bytes& command) {
    Bytes out;
    device.host_bytes(command, now, out);
    return out;
  }
  SimulatedDevice device;
  std::string_view name;
  double now = 0;
};

Bytes contec(protocols::ContecCommand c) {
  Bytes b;
  protocols::ContecV7Encoder::encode_command(c, b);
  return b;
}
Bytes suntech(protocols::SunTechCommand c) {
  Bytes b;
  protocols::encode_command(c, b);
  return b;
}
Bytes ge_request(int interval_s) {
  Bytes b;
  protocols::encode_displayed_values_request(interval_s, b);
  return b;
}

}  // namespace

TEST(SimContecV7, StreamsOnlyAfterStartLiveAndStopsThirtySecondsAfterTheLastKeepAlive) {
  using protocols::ContecCommand;
  Bench b("contec-v7");
  EXPECT_TRUE(b.run_to(5).empty());
  EXPECT_TRUE(b.send(contec(ContecCommand::start_live)).empty());
  EXPECT_NEAR(decode("contec-v7", b.run_to(10)).counters.frames, 300, 2);
  // Keep-alives every 5 s hold the stream well past 30 s.
  Bytes kept;
  for (double t = 15; t <= 60; t += 5) {
    const auto part = b.run_to(t);
    kept.insert(kept.end(), part.begin(), part.end());
    b.send(contec(ContecCommand::keep_alive));
  }
  EXPECT_NEAR(decode("contec-v7", kept).counters.frames, 50 * 60, 3);
  // Without them it stops 30 s after the last one (at 60 s), for good.
  EXPECT_NEAR(decode("contec-v7", b.run_to(100)).counters.frames, 30 * 60, 2);
  EXPECT_TRUE(b.run_to(120).empty());
  b.send(contec(ContecCommand::keep_alive));  // too late: needs a new start
  EXPECT_TRUE(b.run_to(125).empty());
  b.send(contec(ContecCommand::start_live));
  EXPECT_FALSE(b.run_to(126).empty());
}

TEST(SimContecV7, AnswersStopIdentityAndUnknownCommands) {
  using protocols::ContecCommand;
  Bench b("contec-v7");
  b.send(contec(ContecCommand::start_live));
  b.run_to(1);
  const auto ack = decode("contec-v7", b.send(contec(ContecCommand::stop_live)));
  ASSERT_EQ(ack.sink.replies.size(), 1u);
  EXPECT_EQ(ack.sink.replies[0].kind, ReplyKind::ack);
  EXPECT_TRUE(b.run_to(3).empty());

  const auto id = decode("contec-v7", b.send(contec(ContecCommand::device_id)));
  ASSERT_EQ(id.sink.replies.size(), 1u);
  EXPECT_EQ(id.sink.replies[0].kind, ReplyKind::device_id);
  EXPECT_EQ(id.sink.replies[0].text_view(), "SIM0001");
  const auto model = decode("contec-v7", b.send(contec(ContecCommand::model)));
  ASSERT_EQ(model.sink.replies.size(), 1u);
  EXPECT_EQ(model.sink.replies[0].kind, ReplyKind::model);
  const auto unknown =
      decode("contec-v7", b.send({0x7D, 0x81, 0xA5, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80}));
  ASSERT_EQ(unknown.sink.replies.size(), 1u);
  EXPECT_EQ(unknown.sink.replies[0].kind, ReplyKind::nak);
}

TEST(SimContecV7, UnplugForgetsTheStartCommand) {
  Bench b("contec-v7", "unplug");  // unplugged 10..15 s
  b.send(contec(protocols::ContecCommand::start_live));
  EXPECT_FALSE(b.run_to(10).empty());
  b.run_to(12);
  EXPECT_TRUE(b.run_to(20).empty());  // back at 15 s, but not streaming until a new A1
}

TEST(SimGeS5, SilentUntilRequestedThenAtTheInterval) {
  Bench b("ge-s5");
  EXPECT_TRUE(b.run_to(30).empty());
  const auto first = decode("ge-s5", b.send(ge_request(10)));
  EXPECT_TRUE(first.sink.readings.empty());  // the first record goes out with the next turn
  const auto records = decode("ge-s5", b.run_to(55));
  EXPECT_EQ(records.counters.frames, 3u);  // at 30, 40, 50
  EXPECT_EQ(records.sink.last(Channel::spo2), 98);
  EXPECT_EQ(records.sink.last(Channel::nibp_systolic), 120);
  // Cancel, then a one-off request.
  b.send(ge_request(0));
  EXPECT_TRUE(b.run_to(80).empty());
  b.send(ge_request(-1));
  EXPECT_EQ(decode("ge-s5", b.run_to(120)).counters.frames, 1u);
}

TEST(SimSunTech, MeasuresForThirtySecondsThenAnswersWithTheResult) {
  using protocols::SunTechCommand;
  Bench b("suntech", "hypertension");
  b.run_to(40 * 60);
  const auto ack = decode("suntech", b.send(suntech(SunTechCommand::start_adult)));
  ASSERT_EQ(ack.sink.replies.size(), 1u);
  EXPECT_EQ(ack.sink.replies[0].code, 'O');
  std::vector<double> cuff;
  for (double t = 40 * 60 + 0.5; t < 40 * 60 + 30; t += 0.5) {
    EXPECT_TRUE(b.run_to(t).empty()) << t;
    const auto reply = decode("suntech", b.send(suntech(SunTechCommand::get_cuff_pressure)));
    ASSERT_TRUE(reply.sink.last(Channel::cuff_pressure)) << t;
    cuff.push_back(*reply.sink.last(Channel::cuff_pressure));
  }
  const auto peak = std::max_element(cuff.begin(), cuff.end());
  EXPECT_GE(*peak, 182 + 20);  // above systolic
  EXPECT_TRUE(std::is_sorted(cuff.begin(), peak));
  EXPECT_TRUE(std::is_sorted(cuff.rbegin(), std::make_reverse_iterator(peak)));
  const auto done = decode("suntech", b.run_to(40 * 60 + 31));
  ASSERT_EQ(done.sink.replies.size(), 1u);
  EXPECT_EQ(done.sink.replies[0].kind, ReplyKind::measurement_done);
  const auto result = decode("suntech", b.send(suntech(SunTechCommand::get_bp_data)));
  EXPECT_EQ(result.sink.last(Channel::nibp_systolic), 182);
  EXPECT_EQ(result.sink.last(Channel::nibp_diastolic), 108);
  EXPECT_EQ(result.sink.last(Channel::nibp_mean), 133);
  EXPECT_EQ(result.sink.last(Channel::nibp_pulse_rate), 72);
}

TEST(SimSunTech, FailureScenarioEndsWithTheErrorCode) {
  using protocols::SunTechCommand;
  Bench b("suntech", "nibp-failure");
  b.send(suntech(SunTechCommand::start_adult));
  const auto done = decode("suntech", b.run_to(9));
  ASSERT_EQ(done.sink.replies.size(), 1u);
  EXPECT_EQ(done.sink.replies[0].kind, ReplyKind::measurement_done);
  const auto result = decode("suntech", b.send(suntech(SunTechCommand::get_bp_data)));
  ASSERT_EQ(result.sink.conditions.size(), 1u);
  EXPECT_EQ(result.sink.conditions[0].kind, core::DeviceConditionKind::nibp_failed);
  EXPECT_EQ(result.sink.conditions[0].code, 87);
  EXPECT_EQ(result.sink.conditions[0].detail, "loose cuff");
  EXPECT_FALSE(result.sink.last(Channel::nibp_systolic));
}

TEST(SimSunTech, AbortStopsTheMeasurementWithUserAbort) {
  using protocols::SunTechCommand;
  Bench b("suntech");
  b.send(suntech(SunTechCommand::start_adult));
  b.run_to(5);
  b.send(suntech(SunTechCommand::abort));
  EXPECT_TRUE(b.run_to(40).empty());  // no 'K'
  const auto result = decode("suntech", b.send(suntech(SunTechCommand::get_bp_data)));
  ASSERT_EQ(result.sink.conditions.size(), 1u);
  EXPECT_EQ(result.sink.conditions[0].code, 86);
}

// Simulators that answer the host, over real ptys at --speed 10: Contec V7 start and keep-alive,
// GE displayed-values requests, SunTech measurements.
#include <gtest/gtest.h>

#include "sim_test_support.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"
#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/ge_s5.hpp"
#include "vigil/protocols/suntech.hpp"

using namespace vigil;
using namespace vigil::drivers::sim;
using namespace vigil::sim_test;
using core::Channel;
using protocols::ReplyKind;
using namespace std::chrono_literals;

namespace {

SimulatorOptions options(std::string device, std::string_view scenario = "normal") {
  SimulatorOptions o;
  o.device = std::move(device);
  o.timeline = *make_scenario(scenario);
  o.speed = 10;
  o.link_path = unique_link(o.device);
  return o;
}

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

}  // namespace

TEST(SimPtyContecV7, KeepAliveHoldsTheStreamAndItReallyStopsWithout) {
  using protocols::ContecCommand;
  PtySimulator sim(options("contec-v7"));
  sim.start();
  RawPort port(sim.link_path());
  EXPECT_TRUE(port.read_for(500ms).empty());  // nothing before start-live

  port.write(contec(ContecCommand::device_id));
  Bytes reply;
  port.read_until(
      1000ms, [](const Bytes& b) { return !b.empty(); }, reply);
  port.read_for(50ms);
  const auto id = decode("contec-v7", reply);
  ASSERT_EQ(id.sink.replies.size(), 1u);
  EXPECT_EQ(id.sink.replies[0].text_view(), "SIM0001");

  // A1, then AF every 0.5 s (5 scenario s) for 4 s real: 40 scenario s, past the 30 s limit.
  port.write(contec(ContecCommand::start_live));
  protocols::ContecV7Decoder decoder;
  Collected sink;
  std::uint64_t frames_in_last_second = 0;
  for (int i = 1; i <= 8; ++i) {
    const auto before = decoder.counters().frames;
    port.read_each(500ms, [&](std::span<const std::uint8_t> b) {
      decoder.feed(b, sink);
      return false;
    });
    if (i >= 7) frames_in_last_second += decoder.counters().frames - before;
    port.write(contec(ContecCommand::keep_alive));
  }
  const auto last_keep_alive = Clock::now();
  EXPECT_GT(decoder.counters().frames, 0.7 * 600 * 4);
  EXPECT_GT(frames_in_last_second, 0.6 * 600);  // still streaming at 40 scenario s
  EXPECT_EQ(sink.last(Channel::spo2), 98);

  // Without keep-alives the device stops 30 scenario s (3 s real) after the last one.
  double last_data_s = 0;
  port.read_each(5000ms, [&](std::span<const std::uint8_t>) {
    last_data_s = seconds_since(last_keep_alive);
    return false;
  });
  EXPECT_GT(last_data_s, 2.5);
  EXPECT_LT(last_data_s, 4.0);
}

TEST(SimPtyGeS5, NothingUntilRequestedThenRecordsAtTheInterval) {
  PtySimulator sim(options("ge-s5", "hypertension"));
  sim.start();
  RawPort port(sim.link_path());
  EXPECT_TRUE(port.read_for(500ms).empty());

  Bytes request;
  protocols::encode_displayed_values_request(5, request);  // every 5 s = 0.5 s real
  port.write(request);
  protocols::GeS5Decoder decoder;
  Collected sink;
  std::vector<double> arrivals;
  const auto t0 = Clock::now();
  port.read_each(1800ms, [&](std::span<const std::uint8_t> b) {
    const auto before = decoder.counters().frames;
    decoder.feed(b, sink);
    for (auto n = before; n < decoder.counters().frames; ++n) arrivals.push_back(seconds_since(t0));
    return false;
  });
  ASSERT_GE(arrivals.size(), 3u);
  EXPECT_LE(arrivals.size(), 5u);
  EXPECT_LT(arrivals.front(), 0.3);  // the first record at once
  const double mean_gap = (arrivals.back() - arrivals.front()) / double(arrivals.size() - 1);
  EXPECT_NEAR(mean_gap, 0.5, 0.15);
  EXPECT_EQ(sink.last(Channel::spo2), 98);
  EXPECT_EQ(sink.last(Channel::pulse_rate), 72);
  EXPECT_EQ(sink.last(Channel::nibp_systolic), 120);
  EXPECT_EQ(sink.last(Channel::nibp_mean), 93);
}

namespace {
struct Measurement {
  std::vector<double> cuff;
  double done_after_s = -1;
  Collected result;
};

// Starts a measurement, polls the cuff every 0.1 s real until 'K', then fetches the result.
Measurement measure(RawPort& port) {
  using protocols::SunTechCommand;
  Measurement m;
  protocols::SunTechDecoder decoder;
  Collected sink;
  port.write(suntech(SunTechCommand::start_adult));
  const auto t0 = Clock::now();
  while (m.done_after_s < 0 && seconds_since(t0) < 6) {
    port.write(suntech(SunTechCommand::get_cuff_pressure));
    port.read_each(100ms, [&](std::span<const std::uint8_t> b) {
      decoder.feed(b, sink);
      return false;
    });
    for (const auto& r : sink.replies) {
      if (r.kind == ReplyKind::measurement_done && m.done_after_s < 0) {
        m.done_after_s = seconds_since(t0);
      }
    }
  }
  for (const auto& v : sink.values(Channel::cuff_pressure)) m.cuff.push_back(v.value_or(-1));
  // Late cuff replies may still come first; read until the result has been decoded.
  port.write(suntech(SunTechCommand::get_bp_data));
  port.read_each(1000ms, [&](std::span<const std::uint8_t> b) {
    decoder.feed(b, m.result);
    return !m.result.conditions.empty();
  });
  return m;
}
}  // namespace

TEST(SimPtySunTech, MeasuresAboutThirtySecondsThenReportsTheResult) {
  PtySimulator sim(options("suntech"));
  sim.start();
  RawPort port(sim.link_path());
  const auto m = measure(port);
  EXPECT_GT(m.done_after_s, 2.4);  // 30 scenario s at speed 10
  EXPECT_LT(m.done_after_s, 4.0);
  ASSERT_GE(m.cuff.size(), 15u);
  const auto peak = std::max_element(m.cuff.begin(), m.cuff.end());
  EXPECT_GE(*peak, 150);
  EXPECT_TRUE(std::is_sorted(m.cuff.begin(), peak));  // rising
  EXPECT_LT(m.cuff.back(), *peak - 80);               // then falling
  EXPECT_EQ(m.result.last(Channel::nibp_systolic), 120);
  EXPECT_EQ(m.result.last(Channel::nibp_diastolic), 80);
  EXPECT_EQ(m.result.last(Channel::nibp_mean), 93);
  EXPECT_EQ(m.result.last(Channel::nibp_pulse_rate), 72);
  ASSERT_EQ(m.result.conditions.size(), 1u);
  EXPECT_EQ(m.result.conditions[0].kind, core::DeviceConditionKind::nibp_done);
}

TEST(SimPtySunTech, FailureScenarioReportsTheErrorCode) {
  PtySimulator sim(options("suntech", "nibp-failure"));
  sim.start();
  RawPort port(sim.link_path());
  const auto m = measure(port);
  EXPECT_GT(m.done_after_s, 0.5);
  EXPECT_LT(m.done_after_s, 2.0);
  ASSERT_EQ(m.result.conditions.size(), 1u);
  EXPECT_EQ(m.result.conditions[0].kind, core::DeviceConditionKind::nibp_failed);
  EXPECT_EQ(m.result.conditions[0].code, 87);
  EXPECT_FALSE(m.result.last(Channel::nibp_systolic));
}

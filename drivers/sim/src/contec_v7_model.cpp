// Contec V7.0: streams 60 live packets/s only after "start live" (A1) and stops 30 s after the
// last A1 / keep-alive (AF); answers stop, identity and capability queries.
#include <cmath>

#include "models.hpp"
#include "oximeter_signal.hpp"
#include "vigil/protocols/contec.hpp"

namespace vigil::drivers::sim {
namespace {

using protocols::ContecCommand;
using protocols::ContecV7Encoder;

class ContecV7Model final : public DeviceModel {
 public:
  std::string_view protocol() const override { return protocols::kContecV7ProtocolName; }

  void on_host_bytes(std::span<const std::uint8_t> bytes, double now_s, const Timeline& timeline,
                     std::vector<std::uint8_t>& out) override {
    for (std::uint8_t b : bytes) {
      const auto packet = parser_.push(b);
      if (!packet) continue;
      // Frames due before the command go out first, so the stream stays in time order.
      advance(now_s, timeline, out);
      if (!packet->command) {
        ContecV7Encoder::encode_unknown_command(out);
        continue;
      }
      answer(*packet->command, now_s, out);
    }
  }

  void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) override {
    while (live_ && schedule_.next_s() <= now_s) {
      const double t = schedule_.next_s();
      if (!assumed_ && t > last_keep_alive_s_ + kContecV7KeepAliveTimeout_s) {
        live_ = false;  // the real device gives up silently
        break;
      }
      schedule_.pop();
      const VitalSigns v = timeline.at(t);
      auto state = oximeter_state(v);
      const double level = pleth_.sample(t, v.finger_out ? std::nullopt : v.pulse_rate);
      if (pleth_.beat_started()) state.flags.set(core::ReadingFlag::pulse_beep);
      const int signal = v.finger_out ? 0 : 6;
      ContecV7Encoder::encode_live(state, static_cast<int>(std::lround(level * 127)), signal, out);
    }
  }

  double next_due_s() const override {
    if (!live_) return kForever;
    if (!assumed_)
      return std::min(schedule_.next_s(), last_keep_alive_s_ + kContecV7KeepAliveTimeout_s);
    return schedule_.next_s();
  }

  void reset(double now_s) override {
    live_ = false;
    assumed_ = false;
    parser_ = protocols::ContecV7CommandParser();
    pleth_ = PlethGenerator();
    schedule_.restart(now_s);
  }

  void assume_host(double now_s) override {
    start(now_s);
    assumed_ = true;
  }

 private:
  void start(double now_s) {
    if (!live_) {
      schedule_.restart(now_s);
      pleth_ = PlethGenerator();
    }
    live_ = true;
    last_keep_alive_s_ = now_s;
  }

  void answer(ContecCommand command, double now_s, std::vector<std::uint8_t>& out) {
    switch (command) {
      case ContecCommand::start_live:
        start(now_s);
        break;
      case ContecCommand::keep_alive:
        if (live_) last_keep_alive_s_ = now_s;
        break;
      case ContecCommand::stop_live:
        live_ = false;
        ContecV7Encoder::encode_stop_ack(out);
        break;
      case ContecCommand::device_id:
        ContecV7Encoder::encode_device_id("SIM0001", out);
        break;
      case ContecCommand::model:
        ContecV7Encoder::encode_model("CMS50E", out);
        break;
      case ContecCommand::vendor:
        ContecV7Encoder::encode_vendor("CONTEC", out);
        break;
      case ContecCommand::pi_support:
        ContecV7Encoder::encode_pi_support(true, out);
        break;
      case ContecCommand::notice:
        ContecV7Encoder::encode_notice(0, out);
        break;
    }
  }

  protocols::ContecV7CommandParser parser_;
  FrameSchedule schedule_{1.0 / kContecV7FramesPerSecond};
  PlethGenerator pleth_;
  bool live_ = false;
  bool assumed_ = false;  // keep-alives taken as sent
  double last_keep_alive_s_ = 0;
};

}  // namespace

std::unique_ptr<DeviceModel> make_contec_v7_model() { return std::make_unique<ContecV7Model>(); }

}  // namespace vigil::drivers::sim

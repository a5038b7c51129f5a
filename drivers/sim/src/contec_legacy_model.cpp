// Contec legacy 5-byte stream: 60 frames/s, unasked (F6 F6 F6 only resumes a stream that never
// stops here; the F5 F5 recording upload is not simulated).
#include <cmath>

#include "models.hpp"
#include "oximeter_signal.hpp"
#include "vigil/protocols/contec.hpp"

namespace vigil::drivers::sim {
namespace {

class ContecLegacyModel final : public DeviceModel {
 public:
  std::string_view protocol() const override { return protocols::kContecLegacyProtocolName; }

  void on_host_bytes(std::span<const std::uint8_t>, double, const Timeline&,
                     std::vector<std::uint8_t>&) override {}

  void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) override {
    while (schedule_.next_s() <= now_s) {
      const double t = schedule_.next_s();
      schedule_.pop();
      const VitalSigns v = timeline.at(t);
      auto state = oximeter_state(v);
      const double level = pleth_.sample(t, v.finger_out ? std::nullopt : v.pulse_rate);
      if (pleth_.beat_started()) state.flags.set(core::ReadingFlag::pulse_beep);
      const int signal = v.finger_out ? 0 : 7;
      protocols::ContecLegacyEncoder::encode(state, static_cast<int>(std::lround(level * 127)),
                                             signal, out);
    }
  }

  double next_due_s() const override { return schedule_.next_s(); }

  void reset(double now_s) override {
    pleth_ = PlethGenerator();
    schedule_.restart(now_s);
  }

  void assume_host(double) override {}

 private:
  FrameSchedule schedule_{1.0 / kContecLegacyFramesPerSecond};
  PlethGenerator pleth_;
};

}  // namespace

std::unique_ptr<DeviceModel> make_contec_legacy_model() {
  return std::make_unique<ContecLegacyModel>();
}

}  // namespace vigil::drivers::sim

// Nonin DF2 / DF7 (75 frames/s) and DF8 (1 frame/s): streams unasked, ignores the host.
#include <algorithm>
#include <cmath>

#include "models.hpp"
#include "oximeter_signal.hpp"

namespace vigil::drivers::sim {
namespace {

using protocols::NoninFormat;

class NoninModel final : public DeviceModel {
 public:
  explicit NoninModel(NoninFormat format)
      : format_(format),
        encoder_(format),
        schedule_(format == NoninFormat::df8 ? 1.0 : 1.0 / kNoninFramesPerSecond) {}

  std::string_view protocol() const override { return protocols::nonin_protocol_name(format_); }

  // The 9560's format-select command is not simulated: the format is fixed.
  void on_host_bytes(std::span<const std::uint8_t>, double, const Timeline&,
                     std::vector<std::uint8_t>&) override {}

  void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) override {
    while (schedule_.next_s() <= now_s) {
      const double t = schedule_.next_s();
      schedule_.pop();
      const VitalSigns v = timeline.at(t);
      const auto state = oximeter_state(v);
      if (format_ == NoninFormat::df8) {
        encoder_.encode_df8(state, out);
        continue;
      }
      const double level = pleth_.sample(t, v.finger_out ? std::nullopt : v.pulse_rate);
      const double full_scale = format_ == NoninFormat::df2 ? 255.0 : 65535.0;
      const auto pleth = static_cast<std::uint16_t>(std::lround(level * full_scale));
      encoder_.encode_frame(state, pleth, out);
    }
  }

  double next_due_s() const override { return schedule_.next_s(); }

  void reset(double now_s) override {
    encoder_ = protocols::NoninEncoder(format_);
    pleth_ = PlethGenerator();
    schedule_.restart(now_s);
  }

  void assume_host(double) override {}

 private:
  NoninFormat format_;
  protocols::NoninEncoder encoder_;
  FrameSchedule schedule_;
  PlethGenerator pleth_;
};

}  // namespace

std::unique_ptr<DeviceModel> make_nonin_model(NoninFormat format) {
  return std::make_unique<NoninModel>(format);
}

}  // namespace vigil::drivers::sim

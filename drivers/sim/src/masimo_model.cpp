// Masimo ASCII 1 (Rad-8 layout): one line per second, unasked.
#include <cmath>

#include "models.hpp"
#include "oximeter_signal.hpp"
#include "vigil/protocols/masimo.hpp"

namespace vigil::drivers::sim {
namespace {

class MasimoModel final : public DeviceModel {
 public:
  explicit MasimoModel(const DeviceModelOptions& options)
      : clock_at_zero_s_(options.clock_at_zero_s) {}

  std::string_view protocol() const override {
    return protocols::protocol_name(protocols::ProtocolFamily::masimo_ascii);
  }

  void on_host_bytes(std::span<const std::uint8_t>, double, const Timeline&,
                     std::vector<std::uint8_t>&) override {}

  void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) override {
    while (schedule_.next_s() <= now_s) {
      const double t = schedule_.next_s();
      schedule_.pop();
      const auto clock = clock_at_zero_s_ + static_cast<std::int64_t>(std::floor(t));
      encoder_.encode_line(oximeter_state(timeline.at(t)), clock, 0, protocols::masimo_exc::set,
                           out);
    }
  }

  double next_due_s() const override { return schedule_.next_s(); }
  void reset(double now_s) override { schedule_.restart(now_s); }
  void assume_host(double) override {}

 private:
  std::int64_t clock_at_zero_s_;
  protocols::MasimoAsciiEncoder encoder_{protocols::MasimoLineFormat::rad8, 56661};
  FrameSchedule schedule_{1.0};
};

}  // namespace

std::unique_ptr<DeviceModel> make_masimo_model(const DeviceModelOptions& options) {
  return std::make_unique<MasimoModel>(options);
}

}  // namespace vigil::drivers::sim

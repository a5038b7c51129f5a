// GE S/5 monitor: silent until the host asks for displayed values; then one record at once and
// one per requested interval (-1 = once, 0 = cancel). The NIBP group shows what a measurement
// would find now (the monitor's own NIBP cycle is not simulated).
#include <algorithm>
#include <cmath>

#include "models.hpp"
#include "oximeter_signal.hpp"
#include "vigil/protocols/ge_s5.hpp"

namespace vigil::drivers::sim {
namespace {

constexpr int kShortestInterval_s = 5;  // the spec allows >= 5; shorter requests get 5

class GeS5Model final : public DeviceModel {
 public:
  explicit GeS5Model(const DeviceModelOptions& options)
      : clock_at_zero_s_(options.clock_at_zero_s) {}

  std::string_view protocol() const override {
    return protocols::protocol_name(protocols::ProtocolFamily::ge_s5);
  }

  void on_host_bytes(std::span<const std::uint8_t> bytes, double now_s, const Timeline& timeline,
                     std::vector<std::uint8_t>& out) override {
    const auto interval = parser_.feed(bytes);
    if (!interval) return;
    advance(now_s, timeline, out);
    request(*interval, now_s);
  }

  void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) override {
    while (sending_ && schedule_.next_s() <= now_s) {
      const double t = schedule_.next_s();
      schedule_.pop();
      if (once_) sending_ = false;
      send(t, timeline.at(t), out);
    }
  }

  double next_due_s() const override { return sending_ ? schedule_.next_s() : kForever; }

  void reset(double) override {
    sending_ = false;
    parser_ = protocols::GeS5RequestParser();
  }

  void assume_host(double now_s) override { request(kShortestInterval_s, now_s); }

 private:
  void request(int interval_s, double now_s) {
    sending_ = interval_s != 0;
    once_ = interval_s < 0;
    schedule_.set_period(std::max(interval_s, kShortestInterval_s), now_s);
  }

  void send(double t, const VitalSigns& v, std::vector<std::uint8_t>& out) const {
    protocols::NibpState nibp;
    nibp.systolic = v.nibp_systolic;
    nibp.diastolic = v.nibp_diastolic;
    nibp.mean = nibp_mean(v);
    if (nibp.systolic) nibp.pulse_rate = v.pulse_rate;
    const auto clock = clock_at_zero_s_ + static_cast<std::int64_t>(std::floor(t));
    protocols::encode_displayed_values(oximeter_state(v), nibp, static_cast<std::uint32_t>(clock),
                                       out, protocols::GeS5NibpMode::automatic);
  }

  std::int64_t clock_at_zero_s_;
  protocols::GeS5RequestParser parser_;
  FrameSchedule schedule_{kShortestInterval_s};
  bool sending_ = false;
  bool once_ = false;
};

}  // namespace

std::unique_ptr<DeviceModel> make_ge_s5_model(const DeviceModelOptions& options) {
  return std::make_unique<GeS5Model>(options);
}

}  // namespace vigil::drivers::sim

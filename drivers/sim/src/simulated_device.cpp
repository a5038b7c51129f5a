// A device model bound to its timeline: power-up after an unplug, silence and noise.
#include "vigil/drivers/sim/simulated_device.hpp"

#include <cassert>

namespace vigil::drivers::sim {

SimulatedDevice::SimulatedDevice(std::unique_ptr<DeviceModel> model, Timeline timeline,
                                 std::uint64_t seed, bool assume_host)
    : model_(std::move(model)),
      timeline_(std::move(timeline)),
      rng_(seed),
      assume_host_(assume_host) {
  assert(model_);
}

bool SimulatedDevice::connected(double now_s) const { return timeline_.at(now_s).connected; }

void SimulatedDevice::power_up(double now_s) {
  model_->reset(now_s);
  if (assume_host_) model_->assume_host(now_s);
  powered_ = true;
}

void SimulatedDevice::produce(double now_s, std::vector<std::uint8_t>& out) {
  const VitalSigns v = timeline_.at(now_s);
  if (!v.connected) {
    powered_ = false;
    return;
  }
  if (!powered_) power_up(now_s);
  const std::size_t first = out.size();
  model_->advance(now_s, timeline_, out);
  if (v.silent) {
    out.resize(first);
    return;
  }
  corrupt(std::span(out).subspan(first), v.corruption_rate);
}

void SimulatedDevice::host_bytes(std::span<const std::uint8_t> bytes, double now_s,
                                 std::vector<std::uint8_t>& out) {
  const VitalSigns v = timeline_.at(now_s);
  if (!v.connected) return;
  if (!powered_) power_up(now_s);
  const std::size_t first = out.size();
  model_->on_host_bytes(bytes, now_s, timeline_, out);
  if (v.silent) {
    out.resize(first);
    return;
  }
  corrupt(std::span(out).subspan(first), v.corruption_rate);
}

double SimulatedDevice::next_due_s(double) const { return model_->next_due_s(); }

void SimulatedDevice::corrupt(std::span<std::uint8_t> bytes, double rate) {
  if (rate <= 0) return;
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  std::uniform_int_distribution<int> flip(1, 255);
  for (auto& b : bytes) {
    if (chance(rng_) < rate) {
      b = static_cast<std::uint8_t>(b ^ flip(rng_));
      ++corrupted_;
    }
  }
}

}  // namespace vigil::drivers::sim

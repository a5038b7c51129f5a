#pragma once
// A device model bound to its timeline, plus what every device shares: silence (bytes withheld),
// noise (bytes corrupted), and power-up when it comes back from an unplug. Pure: no I/O and no
// clock; PtySimulator and write_byte_stream feed it scenario times.

#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <vector>

#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/drivers/sim/timeline.hpp"

namespace vigil::drivers::sim {

class SimulatedDevice {
 public:
  // `assume_host`: host commands are taken as sent (byte-stream files).
  SimulatedDevice(std::unique_ptr<DeviceModel> model, Timeline timeline, std::uint64_t seed = 1,
                  bool assume_host = false);

  // Device bytes due at or before now_s, appended to out (nothing while unplugged or silent).
  void produce(double now_s, std::vector<std::uint8_t>& out);
  // Host bytes arriving at now_s; replies appended to out.
  void host_bytes(std::span<const std::uint8_t> bytes, double now_s,
                  std::vector<std::uint8_t>& out);
  // Whether the device is plugged in at now_s (the scenario's `connected`).
  bool connected(double now_s) const;
  // Earliest scenario time something may happen (a frame, a timer, the next whole second for
  // scenario changes).
  double next_due_s(double now_s) const;

  std::uint64_t bytes_corrupted() const { return corrupted_; }
  const Timeline& timeline() const { return timeline_; }
  DeviceModel& model() { return *model_; }

 private:
  void power_up(double now_s);
  void corrupt(std::span<std::uint8_t> bytes, double rate);

  std::unique_ptr<DeviceModel> model_;
  Timeline timeline_;
  std::mt19937_64 rng_;
  bool assume_host_;
  bool powered_ = false;
  std::uint64_t corrupted_ = 0;
};

}  // namespace vigil::drivers::sim

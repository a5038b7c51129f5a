#pragma once
// A simulated device's behaviour, without I/O: the bytes it sends as scenario time passes and
// its answers to host commands. One model per protocol; SimulatedDevice and PtySimulator drive
// it. All times are scenario seconds.

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "vigil/drivers/sim/timeline.hpp"
#include "vigil/protocols/protocol_family.hpp"

namespace vigil::drivers::sim {

class DeviceModel {
 public:
  virtual ~DeviceModel() = default;

  // The protocol name ("nonin-df2", ...).
  virtual std::string_view protocol() const = 0;

  // Bytes from the host arrived at `now_s`; replies are appended to `out`.
  virtual void on_host_bytes(std::span<const std::uint8_t> bytes, double now_s,
                             const Timeline& timeline, std::vector<std::uint8_t>& out) = 0;

  // Appends every frame due at or before `now_s` (each frame encodes timeline.at(its time)).
  virtual void advance(double now_s, const Timeline& timeline, std::vector<std::uint8_t>& out) = 0;

  // Scenario time of the next frame or timer (kForever when the model only waits for the host).
  virtual double next_due_s() const = 0;

  // Power-up at `now_s`: forgets host commands and starts its schedule afresh (a re-plugged
  // device). Called once before the first advance().
  virtual void reset(double now_s) = 0;

  // For byte-stream files: acts as if the host sent what the protocol needs to stream (Contec V7
  // start live + keep-alives, GE request every 5 s, SunTech a measurement every `nibp_cycle_s`
  // with cuff-pressure polls and a result fetch).
  virtual void assume_host(double now_s) = 0;
};

struct DeviceModelOptions {
  // Unix time (s) the device's clock shows at scenario time 0 (Masimo lines, GE records).
  std::int64_t clock_at_zero_s = 0;
  // SunTech in assume_host mode: one measurement every this many scenario seconds.
  double nibp_cycle_s = 300;
};

// Every simulated protocol name, in a stable order: every protocol family has a model.
std::span<const std::string_view> simulated_device_names();

// A fresh model for the family.
std::unique_ptr<DeviceModel> make_device_model(protocols::ProtocolFamily family,
                                               const DeviceModelOptions& options = {});

// A fresh model for `protocol`, or nullptr for an unknown name.
std::unique_ptr<DeviceModel> make_device_model(std::string_view protocol,
                                               const DeviceModelOptions& options = {});

}  // namespace vigil::drivers::sim

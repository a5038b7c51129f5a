#pragma once
// Runs one SimulatedDevice behind a pseudo-terminal on its own thread. The slave side is raw and
// reachable at a stable symlink (`link_path()`), which is re-pointed when an unplug episode ends
// and a new pty is made. Scenario time = start_at_s + speed * (real seconds since the epoch,
// by default start()).
// Device bytes that the pty cannot take (nobody reading) are dropped, as on a real wire.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "vigil/drivers/sim/timeline.hpp"

namespace vigil::drivers::sim {

struct SimulatorOptions {
  std::string device;       // protocol name, see simulated_device_names()
  Timeline timeline;        // what the device measures
  double speed = 1.0;       // scenario seconds per real second (> 0)
  double start_at_s = 0.0;  // scenario time at start()
  std::string link_path;    // empty: /tmp/vigil-sim-<device>-<pid>
  std::uint64_t seed = 1;   // noise
  // The steady-clock instant at which scenario time is start_at_s (default: start()). Give
  // several simulators the same epoch to keep their scenarios in step (the demo's bedside).
  std::optional<std::chrono::steady_clock::time_point> epoch;
};

class PtySimulator {
 public:
  // Throws std::invalid_argument for an unknown device or a speed <= 0.
  explicit PtySimulator(SimulatorOptions options);
  ~PtySimulator();  // stop()
  PtySimulator(const PtySimulator&) = delete;
  PtySimulator& operator=(const PtySimulator&) = delete;

  // Opens the first pty, publishes the symlink and starts the thread. Throws std::system_error
  // when the pty or the symlink cannot be made.
  void start();
  // Stops the thread, closes the pty and removes the symlink. Idempotent.
  void stop();

  const std::string& link_path() const { return link_path_; }
  // Number of ptys made so far (1 after start(), +1 per return from an unplug).
  std::uint64_t generation() const { return generation_.load(); }
  // Scenario seconds at this instant.
  double scenario_time_s() const;

 private:
  class Worker;
  SimulatorOptions options_;
  std::string link_path_;
  std::unique_ptr<Worker> worker_;
  std::thread thread_;
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace vigil::drivers::sim

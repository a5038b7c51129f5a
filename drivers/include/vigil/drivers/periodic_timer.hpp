#pragma once
// A timer that calls a function on the acquisition thread every `period` (real time), for work
// that belongs beside the device sessions: the alarm engine's tick, screen snapshots. Ticks that
// fall behind are not made up (the next one is scheduled from now), so a stalled thread never
// causes a burst of catch-up calls.

#include <chrono>
#include <functional>
#include <memory>

#include "vigil/drivers/acquisition_thread.hpp"

namespace vigil::drivers {

class PeriodicTimer {
 public:
  // `thread` must outlive the timer. `fn` runs on the acquisition thread.
  PeriodicTimer(AcquisitionThread& thread, std::chrono::milliseconds period,
                std::function<void()> fn);
  ~PeriodicTimer();  // stop()
  PeriodicTimer(const PeriodicTimer&) = delete;
  PeriodicTimer& operator=(const PeriodicTimer&) = delete;

  // Thread-safe. start() arms the timer (first call one period from now); stop() returns once
  // no call is running or will run. Neither may be called from inside fn.
  void start();
  void stop();

  struct Impl;

 private:
  AcquisitionThread& thread_;
  std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::drivers

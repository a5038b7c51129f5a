#pragma once
// The one acquisition thread: runs the io_context that serves every serial port and timer.
// Asio stays out of this header (pimpl); drivers code reaches the io_context through
// drivers/src/acquisition_io.hpp.

#include <functional>
#include <memory>

namespace vigil::drivers {

class AcquisitionThread {
 public:
  AcquisitionThread();
  ~AcquisitionThread();  // stops and joins
  AcquisitionThread(const AcquisitionThread&) = delete;
  AcquisitionThread& operator=(const AcquisitionThread&) = delete;

  // Thread-safe and idempotent. stop() must not be called from the acquisition thread. Work
  // posted while stopped runs after the next start().
  void start();
  void stop();
  bool running() const;

  // Runs fn on the acquisition thread later. Thread-safe.
  void post(std::function<void()> fn);
  // Runs fn on the acquisition thread and returns when it has run: inline when called from that
  // thread or while the thread is stopped. fn must not call start() or stop().
  void run_and_wait(const std::function<void()>& fn);
  bool in_acquisition_thread() const;

  // CPU time (ns) the acquisition thread has used since its last start; 0 when stopped.
  long long cpu_time_ns() const;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::drivers

#include "vigil/drivers/periodic_timer.hpp"

#include "acquisition_io.hpp"

namespace vigil::drivers {

struct PeriodicTimer::Impl : std::enable_shared_from_this<PeriodicTimer::Impl> {
  Impl(boost::asio::io_context& io, std::chrono::milliseconds p, std::function<void()> f)
      : timer(io), period(p), fn(std::move(f)) {}

  void arm() {
    timer.expires_after(period);
    timer.async_wait(
        [self = shared_from_this(), generation = generation](const boost::system::error_code& ec) {
          if (ec || !self->armed || generation != self->generation) return;
          self->fn();
          if (self->armed && generation == self->generation) self->arm();
        });
  }

  boost::asio::steady_timer timer;
  std::chrono::milliseconds period;
  std::function<void()> fn;
  bool armed = false;            // acquisition thread only
  std::uint64_t generation = 0;  // acquisition thread only: a restart ignores older waits
};

PeriodicTimer::PeriodicTimer(AcquisitionThread& thread, std::chrono::milliseconds period,
                             std::function<void()> fn)
    : thread_(thread),
      impl_(std::make_shared<Impl>(io_context_of(thread), period, std::move(fn))) {}

PeriodicTimer::~PeriodicTimer() { stop(); }

void PeriodicTimer::start() {
  thread_.run_and_wait([impl = impl_] {
    if (impl->armed) return;
    impl->armed = true;
    ++impl->generation;
    impl->arm();
  });
}

void PeriodicTimer::stop() {
  thread_.run_and_wait([impl = impl_] {
    impl->armed = false;
    ++impl->generation;
    impl->timer.cancel();
  });
}

}  // namespace vigil::drivers

#include "vigil/drivers/acquisition_thread.hpp"

#include <pthread.h>
#include <time.h>

#include <atomic>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "acquisition_io.hpp"

namespace vigil::drivers {

struct AcquisitionThread::Impl {
  boost::asio::io_context io{1};
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
  std::thread thread;
  std::atomic<std::thread::id> thread_id{};
  std::atomic<bool> running{false};
  std::atomic<clockid_t> cpu_clock{};
  std::atomic<bool> cpu_clock_valid{false};
  // Serialises start/stop and the cross-thread part of run_and_wait.
  mutable std::mutex mutex;
};

boost::asio::io_context& io_context_of(AcquisitionThread& thread) { return thread.impl().io; }

AcquisitionThread::AcquisitionThread() : impl_(std::make_unique<Impl>()) {}

AcquisitionThread::~AcquisitionThread() { stop(); }

void AcquisitionThread::start() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->running) return;
  impl_->io.restart();
  impl_->work.emplace(impl_->io.get_executor());
  impl_->running = true;
  impl_->thread = std::thread([impl = impl_.get()] {
    impl->thread_id = std::this_thread::get_id();
    clockid_t cid{};
    if (pthread_getcpuclockid(pthread_self(), &cid) == 0) {
      impl->cpu_clock = cid;
      impl->cpu_clock_valid = true;
    }
    impl->io.run();
    impl->cpu_clock_valid = false;
    impl->thread_id = std::thread::id{};
  });
}

void AcquisitionThread::stop() {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->running) return;
  impl_->work.reset();
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->running = false;
}

bool AcquisitionThread::running() const { return impl_->running; }

void AcquisitionThread::post(std::function<void()> fn) {
  boost::asio::post(impl_->io, std::move(fn));
}

bool AcquisitionThread::in_acquisition_thread() const {
  return impl_->thread_id.load() == std::this_thread::get_id();
}

void AcquisitionThread::run_and_wait(const std::function<void()>& fn) {
  if (in_acquisition_thread()) {
    fn();
    return;
  }
  std::lock_guard lock(impl_->mutex);  // keeps the thread running until fn has run
  if (!impl_->running) {
    fn();
    return;
  }
  std::promise<void> done;
  boost::asio::post(impl_->io, [&] {
    fn();
    done.set_value();
  });
  done.get_future().wait();
}

long long AcquisitionThread::cpu_time_ns() const {
  if (!impl_->cpu_clock_valid) return 0;
  timespec ts{};
  if (clock_gettime(impl_->cpu_clock.load(), &ts) != 0) return 0;
  return static_cast<long long>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

}  // namespace vigil::drivers

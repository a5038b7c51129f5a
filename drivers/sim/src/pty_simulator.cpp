// The simulator thread: maps real time to scenario time, moves bytes between the device model
// and the pty, and re-creates the pty after an unplug.
#include "vigil/drivers/sim/pty_simulator.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <system_error>

#include "pty_endpoint.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/drivers/sim/simulated_device.hpp"

namespace vigil::drivers::sim {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kLongestWait_ms = 20;          // bounds how late an unplug or return is seen
constexpr std::size_t kBacklogLimit = 4096;  // unread device bytes kept for a slow host

std::int64_t unix_now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

class PtySimulator::Worker {
 public:
  Worker(const SimulatorOptions& o, const std::string& link, std::atomic<std::uint64_t>& gen)
      : options_(o), link_(link), generation_(gen), device_(make_model(o), o.timeline, o.seed) {
    if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) {
      throw std::system_error(errno, std::generic_category(), "pipe2");
    }
  }
  ~Worker() {
    ::close(wake_[0]);
    ::close(wake_[1]);
    if (published_) ::unlink(link_.c_str());
  }

  void begin() {
    t0_ = options_.epoch.value_or(Clock::now());
    if (device_.connected(scenario_time_s())) open_pty();  // throws on failure
  }

  double scenario_time_s() const {
    const std::chrono::duration<double> real = Clock::now() - t0_;
    return options_.start_at_s + options_.speed * real.count();
  }

  void request_stop() {
    stopping_ = true;
    const char c = 'x';
    [[maybe_unused]] const auto n = ::write(wake_[1], &c, 1);
  }

  void run() {
    std::vector<std::uint8_t> host;
    std::vector<std::uint8_t> out;
    while (!stopping_) {
      const double now = scenario_time_s();
      const bool connected = device_.connected(now);
      if (!connected && pty_.is_open()) unplug();
      if (connected && !pty_.is_open()) try_open_pty();
      out.clear();
      if (pty_.is_open()) {
        host.clear();
        pty_.read_host(host);
        if (!host.empty()) device_.host_bytes(host, now, out);
        device_.produce(now, out);
        pty_.write_device(out, kBacklogLimit);
      } else {
        device_.produce(now, out);  // lets the device notice it is unplugged
      }
      wait(now);
    }
  }

 private:
  static std::unique_ptr<DeviceModel> make_model(const SimulatorOptions& o) {
    DeviceModelOptions m;
    // The device clock shows the wall clock at start(), then runs at the simulation's speed.
    m.clock_at_zero_s = unix_now_s() - static_cast<std::int64_t>(std::llround(o.start_at_s));
    auto model = make_device_model(o.device, m);
    if (!model) throw std::invalid_argument("unknown simulated device '" + o.device + "'");
    return model;
  }

  void open_pty() {
    pty_.open();
    pty_.publish(link_);
    published_ = true;
    ++generation_;
  }

  void try_open_pty() {
    try {
      open_pty();
    } catch (const std::system_error&) {
      pty_.close();  // retried on the next turn, as a device that is slow to enumerate
    }
  }

  // Like udev removing /dev/serial/by-id/... : the link goes with the device.
  // The link goes first, so whoever sees the port fail finds it already gone.
  void unplug() {
    ::unlink(link_.c_str());
    published_ = false;
    pty_.close();
  }

  void wait(double now) {
    const double due = device_.next_due_s(now);
    double wait_ms = kLongestWait_ms;
    if (std::isfinite(due))
      wait_ms = std::clamp((due - now) / options_.speed * 1000.0, 0.0, wait_ms);
    std::array<pollfd, 2> fds{};
    fds[0] = {wake_[0], POLLIN, 0};
    fds[1] = {pty_.is_open() ? pty_.master_fd() : -1, POLLIN, 0};
    // Round up so a frame is never polled for a few microseconds early in a busy loop.
    ::poll(fds.data(), fds.size(), static_cast<int>(std::ceil(wait_ms)));
    if (fds[1].revents & (POLLHUP | POLLERR)) {
      // No host has the slave open: POLLHUP would return at once; sleep instead.
      ::poll(fds.data(), 1, static_cast<int>(std::ceil(wait_ms)));
    }
  }

  const SimulatorOptions& options_;
  const std::string& link_;
  std::atomic<std::uint64_t>& generation_;
  SimulatedDevice device_;
  PtyEndpoint pty_;
  Clock::time_point t0_{};
  int wake_[2] = {-1, -1};
  std::atomic<bool> stopping_{false};
  bool published_ = false;
};

PtySimulator::PtySimulator(SimulatorOptions options) : options_(std::move(options)) {
  if (!(options_.speed > 0) || !std::isfinite(options_.speed)) {
    throw std::invalid_argument("speed must be a number > 0");
  }
  if (!make_device_model(options_.device)) {
    throw std::invalid_argument("unknown simulated device '" + options_.device + "'");
  }
  link_path_ = options_.link_path.empty()
                   ? "/tmp/vigil-sim-" + options_.device + "-" + std::to_string(::getpid())
                   : options_.link_path;
  // The link is replaced while the device runs and removed when it stops: never a file of
  // someone else's (a database, notes) that happens to have that name.
  struct stat st {};
  if (::lstat(link_path_.c_str(), &st) == 0 && !S_ISLNK(st.st_mode)) {
    throw std::invalid_argument("link: " + link_path_ +
                                " exists and is not a symbolic link; the simulator replaces only "
                                "links");
  }
}

PtySimulator::~PtySimulator() { stop(); }

void PtySimulator::start() {
  if (worker_) return;
  auto worker = std::make_unique<Worker>(options_, link_path_, generation_);
  worker->begin();
  worker_ = std::move(worker);
  thread_ = std::thread([w = worker_.get()] { w->run(); });
}

void PtySimulator::stop() {
  if (!worker_) return;
  worker_->request_stop();
  if (thread_.joinable()) thread_.join();
  worker_.reset();
}

double PtySimulator::scenario_time_s() const {
  return worker_ ? worker_->scenario_time_s() : options_.start_at_s;
}

}  // namespace vigil::drivers::sim

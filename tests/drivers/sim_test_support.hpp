#pragma once
// Helpers for the simulator tests: a raw host-side port on a pty path, a sink that keeps what a
// decoder emits, and unique symlink paths.

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::sim_test {

using Bytes = std::vector<std::uint8_t>;
using Clock = std::chrono::steady_clock;

inline std::string unique_link(const std::string& what) {
  static std::atomic<int> counter{0};
  return "/tmp/vigil-sim-test-" + std::to_string(::getpid()) + "-" + what + "-" +
         std::to_string(counter++);
}

// The host's end: the symlink opened as a plain fd in raw mode.
class RawPort {
 public:
  explicit RawPort(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) return;
    termios t{};
    ::tcgetattr(fd_, &t);
    ::cfmakeraw(&t);
    ::tcsetattr(fd_, TCSANOW, &t);
  }
  ~RawPort() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawPort(const RawPort&) = delete;
  RawPort& operator=(const RawPort&) = delete;

  bool is_open() const { return fd_ >= 0; }
  bool disconnected() const { return disconnected_; }

  void write(const Bytes& bytes) const {
    [[maybe_unused]] const auto n = ::write(fd_, bytes.data(), bytes.size());
  }

  // Reads for `duration` (or until EOF / EIO, which sets disconnected()).
  Bytes read_for(std::chrono::milliseconds duration) {
    Bytes out;
    read_until(
        duration, [](const Bytes&) { return false; }, out);
    return out;
  }

  // Calls on_chunk(bytes) for every read until `duration` passes or on_chunk returns true
  // (done) or EOF / EIO. Returns whether on_chunk said done.
  bool read_each(std::chrono::milliseconds duration,
                 const std::function<bool(std::span<const std::uint8_t>)>& on_chunk) {
    const auto end = Clock::now() + duration;
    for (;;) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0 || disconnected_) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      std::uint8_t buf[4096];
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n > 0) {
        if (on_chunk(std::span<const std::uint8_t>(buf, static_cast<std::size_t>(n)))) return true;
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        disconnected_ = true;
      }
    }
  }

  // Reads into `out` until done(out) is true, EOF / EIO, or the timeout. Returns done(out).
  bool read_until(std::chrono::milliseconds timeout, const std::function<bool(const Bytes&)>& done,
                  Bytes& out) {
    const auto end = Clock::now() + timeout;
    while (!done(out)) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0 || disconnected_) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      std::uint8_t buf[4096];
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n > 0) {
        out.insert(out.end(), buf, buf + n);
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        disconnected_ = true;  // EOF or EIO: the master is gone
      }
    }
    return true;
  }

 private:
  int fd_ = -1;
  bool disconnected_ = false;
};

struct Collected : protocols::DecoderSink {
  std::vector<core::Reading> readings;
  std::vector<core::DeviceCondition> conditions;
  std::vector<protocols::DeviceReply> replies;
  void on_reading(const core::Reading& r) override { readings.push_back(r); }
  void on_condition(const core::DeviceCondition& c) override { conditions.push_back(c); }
  void on_reply(const protocols::DeviceReply& r) override { replies.push_back(r); }

  std::vector<std::optional<double>> values(core::Channel c) const {
    std::vector<std::optional<double>> v;
    for (const auto& r : readings) {
      if (r.channel == c) v.push_back(r.value);
    }
    return v;
  }
  std::optional<double> last(core::Channel c) const {
    auto v = values(c);
    return v.empty() ? std::nullopt : v.back();
  }
};

// Decodes `bytes` as `protocol` (offline: finish() is called).
struct Decoded {
  Collected sink;
  protocols::DecoderCounters counters;
};
inline Decoded decode(std::string_view protocol, const Bytes& bytes, bool finish = true) {
  Decoded d;
  auto decoder = protocols::make_decoder(protocol);
  decoder->feed(std::span(bytes.data(), bytes.size()), d.sink);
  if (finish) decoder->finish(d.sink);
  d.counters = decoder->counters();
  return d;
}

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

inline void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

}  // namespace vigil::sim_test

#pragma once
// Test helper: a fake serial device behind a real pseudo-terminal, published at a symlink path
// that the test re-points when the device "comes back" (as udev does with by-id links). The test
// writes device bytes to the master and reads the host's commands from it.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace vigil::drivers::test {

// A fresh folder under /tmp, removed at the end.
class TempDir : public vigil::test::TempDir {
 public:
  TempDir() : vigil::test::TempDir("vigil-drv") {}
};

class PtyDevice {
 public:
  explicit PtyDevice(std::string link) : link_(std::move(link)) { plug(); }
  ~PtyDevice() {
    stop_stream();
    unplug();
  }

  // A new pty; the link now points at its slave.
  void plug() {
    std::lock_guard lock(mutex_);
    close_locked();
    std::array<char, 128> name{};
    if (openpty(&master_, &slave_, name.data(), nullptr, nullptr) != 0) return;
    termios t{};
    tcgetattr(slave_, &t);
    cfmakeraw(&t);  // a device line: no echo, no line editing
    tcsetattr(slave_, TCSANOW, &t);
    fcntl(master_, F_SETFL, fcntl(master_, F_GETFL) | O_NONBLOCK);
    slave_name_ = name.data();
    const std::string tmp = link_ + ".new";
    std::filesystem::remove(tmp);
    std::filesystem::create_symlink(slave_name_, tmp);
    std::filesystem::rename(tmp, link_);  // atomic re-point
  }

  // The device goes away: both ends closed and the link removed, as udev removes a by-id link
  // (a dangling link could soon point at another process's pty under the same number).
  void unplug() {
    std::lock_guard lock(mutex_);
    close_locked();
    std::error_code ec;
    std::filesystem::remove(link_, ec);
  }

  bool write(std::span<const std::uint8_t> bytes) {
    std::lock_guard lock(mutex_);
    if (master_ < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(master_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Host bytes that arrived so far (non-blocking).
  std::vector<std::uint8_t> read_host_bytes() {
    std::lock_guard lock(mutex_);
    std::vector<std::uint8_t> out;
    if (master_ < 0) return out;
    std::array<std::uint8_t, 256> buf{};
    for (;;) {
      const ssize_t n = ::read(master_, buf.data(), buf.size());
      if (n <= 0) break;
      out.insert(out.end(), buf.begin(), buf.begin() + n);
    }
    return out;
  }

  // Calls make_bytes() every `period` on a thread and writes the result (while plugged in).
  void start_stream(std::function<std::vector<std::uint8_t>()> make_bytes,
                    std::chrono::milliseconds period) {
    stop_stream();
    streaming_ = true;
    streamer_ = std::thread([this, make_bytes = std::move(make_bytes), period] {
      auto next = std::chrono::steady_clock::now();
      while (streaming_) {
        write(make_bytes());
        next += period;
        std::this_thread::sleep_until(next);
      }
    });
  }
  void stop_stream() {
    streaming_ = false;
    if (streamer_.joinable()) streamer_.join();
  }

  const std::string& link() const { return link_; }
  const std::string& slave_name() const { return slave_name_; }

 private:
  void close_locked() {
    if (master_ >= 0) ::close(master_);
    if (slave_ >= 0) ::close(slave_);
    master_ = slave_ = -1;
  }

  std::string link_;
  std::string slave_name_;
  std::mutex mutex_;
  int master_ = -1;
  int slave_ = -1;
  std::atomic<bool> streaming_{false};
  std::thread streamer_;
};

// Polls pred until it holds or `limit` passes. Generous limits: the machine is shared.
inline bool wait_until(const std::function<bool()>& pred,
                       std::chrono::milliseconds limit = std::chrono::milliseconds(10000)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace vigil::drivers::test

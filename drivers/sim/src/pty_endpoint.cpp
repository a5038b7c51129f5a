// openpty, raw mode, symlink publishing and non-blocking I/O on the master.
#include "pty_endpoint.hpp"

#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

namespace vigil::drivers::sim {
namespace {
[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}
}  // namespace

void PtyEndpoint::open() {
  close();
  std::array<char, 128> name{};
  if (::openpty(&master_, &slave_, name.data(), nullptr, nullptr) != 0) fail("openpty");
  slave_path_ = name.data();
  termios t{};
  if (::tcgetattr(slave_, &t) != 0) fail("tcgetattr " + slave_path_);
  ::cfmakeraw(&t);
  if (::tcsetattr(slave_, TCSANOW, &t) != 0) fail("tcsetattr " + slave_path_);
  const int flags = ::fcntl(master_, F_GETFL);
  if (flags < 0 || ::fcntl(master_, F_SETFL, flags | O_NONBLOCK) != 0) fail("fcntl O_NONBLOCK");
  ::fcntl(master_, F_SETFD, FD_CLOEXEC);
  ::fcntl(slave_, F_SETFD, FD_CLOEXEC);
}

void PtyEndpoint::close() {
  if (slave_ >= 0) ::close(slave_);
  if (master_ >= 0) ::close(master_);
  slave_ = master_ = -1;
}

void PtyEndpoint::publish(const std::string& link) const {
  const std::string temporary = link + ".new-" + std::to_string(::getpid());
  ::unlink(temporary.c_str());
  if (::symlink(slave_path_.c_str(), temporary.c_str()) != 0) fail("symlink " + temporary);
  if (::rename(temporary.c_str(), link.c_str()) != 0) {
    const int e = errno;
    ::unlink(temporary.c_str());
    errno = e;
    fail("rename " + temporary + " -> " + link);
  }
}

void PtyEndpoint::read_host(std::vector<std::uint8_t>& out) {
  std::array<std::uint8_t, 1024> buf{};
  for (;;) {
    const ssize_t n = ::read(master_, buf.data(), buf.size());
    if (n <= 0) return;  // EAGAIN, or EIO while no host has the slave open
    out.insert(out.end(), buf.begin(), buf.begin() + n);
  }
}

void PtyEndpoint::write_device(std::span<const std::uint8_t> bytes, std::size_t backlog_limit) {
  int waiting = 0;
  if (::ioctl(slave_, FIONREAD, &waiting) == 0 &&
      static_cast<std::size_t>(waiting) > backlog_limit) {
    ::tcflush(slave_, TCIFLUSH);
  }
  while (!bytes.empty()) {
    const ssize_t n = ::write(master_, bytes.data(), bytes.size());
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;  // full (EAGAIN) or gone: the bytes are lost
    }
    bytes = bytes.subspan(static_cast<std::size_t>(n));
  }
}

}  // namespace vigil::drivers::sim

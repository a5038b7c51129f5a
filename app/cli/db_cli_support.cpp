#include "db_cli_support.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli_commands.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::cli {
namespace {

std::optional<std::string> prompt_no_echo(const std::string& prompt) {
  const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  termios old{};
  if (::tcgetattr(fd, &old) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  ::tcsetattr(fd, TCSAFLUSH, &quiet);
  const std::string text = prompt + ": ";
  [[maybe_unused]] auto w = ::write(fd, text.data(), text.size());
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  ::tcsetattr(fd, TCSAFLUSH, &old);
  [[maybe_unused]] auto nl = ::write(fd, "\n", 1);
  ::close(fd);
  return line;
}

}  // namespace

std::optional<std::string> read_password(const char* env_var, const std::string& prompt,
                                         bool confirm) {
  if (const char* v = std::getenv(env_var)) return std::string(v);
  auto first = prompt_no_echo(prompt);
  if (!first || !confirm) return first;
  auto second = prompt_no_echo(prompt + " (again)");
  if (!second || *second != *first) return std::nullopt;
  return first;
}

db::UtcMs wall_clock_utc_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

db::Actor login_from_cli(db::Store& store, const std::string& user) {
  const auto password = read_password("VIGIL_PASSWORD", "Password for " + user, false);
  if (!password) throw db::AuthenticationFailed("authentication failed: no password given");
  return db::authenticate(store, user, *password, wall_clock_utc_ms());
}

int report_error(const std::string& what) {
  std::cerr << "vigilctl: error: " << what << '\n';
  return kExitFailure;
}

}  // namespace vigil::cli

#pragma once
// Helpers for the station harnesses that measure whole processes: start a child (its own
// environment additions, stdout/stderr to a file), stop it, and read its CPU time and resident
// memory from /proc (utime + stime, VmRSS / VmHWM), also per thread.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

extern char** environ;

namespace vigil::bench {

// Starts argv[0] (a path) with `env_add` ("NAME=value") on top of this environment; stdout and
// stderr go to `log` (empty: /dev/null). Returns the pid, or -1.
inline pid_t spawn_process(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env_add, const std::string& log = {}) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string s = *e;
    const bool replaced = std::any_of(env_add.begin(), env_add.end(), [&](const std::string& a) {
      return s.compare(0, a.find('=') + 1, a, 0, a.find('=') + 1) == 0;
    });
    if (!replaced) env_strings.push_back(s);
  }
  env_strings.insert(env_strings.end(), env_add.begin(), env_add.end());
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (const auto& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string out = log.empty() ? "/dev/null" : log;
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    std::fprintf(stderr, "cannot start %s: %s\n", args[0], std::strerror(rc));
    return -1;
  }
  return pid;
}

// SIGTERM, then SIGKILL after `grace`; returns the exit status (or -1).
inline int stop_process(pid_t pid,
                        std::chrono::milliseconds grace = std::chrono::milliseconds(5000)) {
  if (pid <= 0) return -1;
  ::kill(pid, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Waits for the child to exit by itself; returns its exit status (-1: signal or timeout).
inline int wait_process(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) return stop_process(pid), -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A /proc/.../stat line: the command name and utime + stime in seconds.
struct CpuSample {
  std::string name;
  double cpu_s = -1;  // -1: not readable (process gone)
};

inline CpuSample read_stat(const std::string& stat_path) {
  std::ifstream in(stat_path);
  std::string line;
  if (!std::getline(in, line)) return {};
  const auto open = line.find('(');
  const auto close = line.rfind(')');
  if (open == std::string::npos || close == std::string::npos) return {};
  std::istringstream rest(line.substr(close + 2));
  std::vector<std::string> f;
  for (std::string w; rest >> w;) f.push_back(w);
  if (f.size() < 13) return {};
  // Fields after the name start at 3 (state): utime is field 14, stime 15.
  const double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
  return {line.substr(open + 1, close - open - 1), (std::stod(f[11]) + std::stod(f[12])) / ticks};
}

inline double process_cpu_s(pid_t pid) {
  return read_stat("/proc/" + std::to_string(pid) + "/stat").cpu_s;
}

// CPU seconds per thread id, with the thread's name.
inline std::map<int, CpuSample> thread_cpu(pid_t pid) {
  std::map<int, CpuSample> out;
  std::error_code ec;
  const std::filesystem::path dir = "/proc/" + std::to_string(pid) + "/task";
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const int tid = std::atoi(e.path().filename().c_str());
    CpuSample s = read_stat((e.path() / "stat").string());
    if (s.cpu_s >= 0) out[tid] = s;
  }
  return out;
}

// Prints the threads' CPU between two thread_cpu() samples, busiest first, as % of one core.
// The thread whose id is the process id is marked "main".
inline void print_thread_cpu(pid_t pid, const std::map<int, CpuSample>& before,
                             const std::map<int, CpuSample>& after, double wall_s) {
  std::vector<std::pair<double, std::string>> rows;
  for (const auto& [tid, s] : after) {
    const auto b = before.find(tid);
    const double used = s.cpu_s - (b == before.end() ? 0.0 : b->second.cpu_s);
    rows.emplace_back(100.0 * used / wall_s,
                      s.name + (tid == pid ? " (main)" : " (tid " + std::to_string(tid) + ")"));
  }
  std::sort(rows.rbegin(), rows.rend());
  for (const auto& [pct, name] : rows) {
    if (pct >= 0.05) std::printf("      thread %-32s %6.2f%%\n", name.c_str(), pct);
  }
}

// A line of /proc/PID/status in kB ("VmRSS", "VmHWM"); -1 when absent.
inline long status_kb(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(key + ":", 0) == 0) return std::atol(line.c_str() + key.size() + 1);
  }
  return -1;
}

// A fresh 0700 folder under /tmp (also a good XDG_RUNTIME_DIR), removed at the end.
using ScratchDir = vigil::test::TempDir;

// The value of `--name VALUE` in argv, or `fallback`.
inline std::string option(int argc, char** argv, const std::string& name,
                          const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (name == argv[i]) return argv[i + 1];
  }
  return fallback;
}
inline bool flag(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    if (name == argv[i]) return true;
  }
  return false;
}

}  // namespace vigil::bench

// Resident memory over a long session: runs `vigil --demo --speed 16` offscreen (or
// `vigilctl demo`, --cli) for MINUTES of wall time and samples its VmRSS from /proc every
// INTERVAL seconds. 30 minutes at speed 16 are 8 hours of session: the scripted session is 150
// minutes long (drivers/sim kDemoSessionLength_s; its record closes at +150 min), after which
// the simulated vitals stay at the base values and the screen keeps collecting trends.
// Target: <= 200 MB and flat. Too long for ctest; run by hand (release build):
//   cmake --preset release && cmake --build build/release --target vigil_session_memory_bench
//   ./build/release/tests/bench/station/vigil_session_memory_bench [--minutes 30] [--speed 16]
//       [--interval 10] [--cli]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "process_probe.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Sample {
  double wall_s = 0;
  double rss_mb = 0;
};

// Least-squares slope of RSS (MB) per wall second over samples[from, to).
double slope_mb_per_s(const std::vector<Sample>& s, std::size_t from, std::size_t to) {
  const double n = static_cast<double>(to - from);
  if (n < 2) return 0;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = from; i < to; ++i) {
    sx += s[i].wall_s;
    sy += s[i].rss_mb;
    sxx += s[i].wall_s * s[i].wall_s;
    sxy += s[i].wall_s * s[i].rss_mb;
  }
  const double d = n * sxx - sx * sx;
  return d == 0 ? 0 : (n * sxy - sx * sy) / d;
}

std::string session_time(double wall_s, double speed) {
  const long s = std::lround(wall_s * speed);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 3600, (s / 60) % 60);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  using vigil::bench::option;
  const double minutes = std::stod(option(argc, argv, "--minutes", "30"));
  const double speed = std::stod(option(argc, argv, "--speed", "16"));
  const double interval = std::stod(option(argc, argv, "--interval", "10"));
  const bool cli = vigil::bench::flag(argc, argv, "--cli");
  const std::string bin = cli ? option(argc, argv, "--vigilctl", VIGIL_VIGILCTL_PATH)
                              : option(argc, argv, "--vigil", VIGIL_GUI_PATH);
  if (!(minutes > 0) || !(speed > 0) || !(interval > 0)) {
    std::fprintf(stderr, "usage: %s [--minutes M] [--speed X] [--interval S] [--cli]\n", argv[0]);
    return 2;
  }
  vigil::bench::ScratchDir dir("vigil-memory-bench");
  const double run_s = minutes * 60;
  const std::string db = dir.file("demo.db");
  const std::string log = dir.file("station.log");
  std::vector<std::string> args;
  char speed_text[32];
  std::snprintf(speed_text, sizeof speed_text, "%g", speed);
  // The process runs a little longer than the sampling so the last sample sees it alive.
  const std::string run_for = std::to_string(static_cast<long>(run_s + 2 * interval + 5));
  if (cli) {
    args = {bin, "demo", "--speed", speed_text, "--db", db, "--for", run_for};
  } else {
    args = {bin,    "--demo", "--scripted",   "--speed", speed_text,
            "--db", db,       "--quit-after", run_for};
  }
  const pid_t pid = vigil::bench::spawn_process(
      args, {"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + dir.path()}, log);
  if (pid < 0) return 1;
  std::printf("%s: %s --speed %s for %.1f min wall (%s h:mm of session), VmRSS every %g s\n",
              cli ? "vigilctl demo" : "vigil --demo (offscreen)", bin.c_str(), speed_text, minutes,
              session_time(run_s, speed).c_str(), interval);
  std::printf("%9s %10s %10s %10s\n", "wall s", "session", "VmRSS MB", "CPU s");
  std::fflush(stdout);

  std::vector<Sample> samples;
  const auto t0 = Clock::now();
  for (int k = 1;; ++k) {
    std::this_thread::sleep_until(t0 + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(k * interval)));
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    const long kb = vigil::bench::status_kb(pid, "VmRSS");
    if (kb < 0) {
      std::fprintf(stderr, "the station ended early (see %s)\n", log.c_str());
      dir.keep();
      return 1;
    }
    samples.push_back({wall, static_cast<double>(kb) / 1024.0});
    std::printf("%9.0f %10s %10.1f %10.1f\n", wall, session_time(wall, speed).c_str(),
                samples.back().rss_mb, vigil::bench::process_cpu_s(pid));
    std::fflush(stdout);
    if (wall >= run_s) break;
  }
  const double hwm_mb = static_cast<double>(vigil::bench::status_kb(pid, "VmHWM")) / 1024.0;
  const int status = vigil::bench::wait_process(pid, std::chrono::seconds(120));
  std::error_code ec;
  const auto db_mb = static_cast<double>(std::filesystem::file_size(db, ec)) / 1e6;

  const std::size_t n = samples.size();
  auto at = [&](double q) {
    return samples[static_cast<std::size_t>(std::lround(q * static_cast<double>(n - 1)))];
  };
  std::printf("\nresident memory, %s at speed %s, %.1f min wall = %s h:mm of session, %u cores\n",
              cli ? "vigilctl demo" : "vigil --demo offscreen", speed_text, minutes,
              session_time(run_s, speed).c_str(), std::thread::hardware_concurrency());
  std::printf("%-10s %10s %10s %10s\n", "point", "wall s", "session", "VmRSS MB");
  const char* names[] = {"start", "1/4", "1/2", "3/4", "end"};
  double peak = 0;
  for (const auto& s : samples) peak = std::max(peak, s.rss_mb);
  for (int i = 0; i < 5; ++i) {
    const Sample s = at(i / 4.0);
    std::printf("%-10s %10.0f %10s %10.1f\n", names[i], s.wall_s,
                session_time(s.wall_s, speed).c_str(), s.rss_mb);
  }
  const double slope_all = slope_mb_per_s(samples, 0, n) * 3600;
  const double slope_late = slope_mb_per_s(samples, n / 2, n) * 3600;
  std::printf(
      "slope (least squares): %.2f MB per wall hour over the run = %.3f MB per session hour; "
      "second half %.2f MB per wall hour = %.3f MB per session hour\n",
      slope_all, slope_all / speed, slope_late, slope_late / speed);
  std::printf("peak sampled VmRSS %.1f MB, VmHWM %.1f MB; exit status %d; database %.1f MB\n", peak,
              hwm_mb, status, db_mb);
  // "Flat": the second half grows by less than 5% of the start per 8 session hours.
  const double growth_8h = slope_late / speed * 8;
  const bool flat = growth_8h <= 0.05 * samples.front().rss_mb;
  const bool ok = peak <= 200 && hwm_mb <= 200 && flat;
  std::printf(
      "target <= 200 MB and flat (second half < 5%% of the start per 8 session hours: %+.1f MB): "
      "%s\n",
      growth_8h, ok ? "met" : "NOT met");
  std::printf("rerun: %s --minutes %g --speed %s --interval %g%s\n", argv[0], minutes, speed_text,
              interval, cli ? " --cli" : "");
  if (status != 0) {
    dir.keep();
    std::printf("station output kept in %s\n", log.c_str());
  }
  return ok ? 0 : 1;
}

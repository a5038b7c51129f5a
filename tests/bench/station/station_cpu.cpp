// Station CPU: three devices at real time (Nonin DF2, Masimo ASCII, SunTech NIBP, the
// normal scenario), each simulated by its own `vigilctl simulate` process so the simulators'
// CPU is not the station's. Three figures over SECONDS (after a warm-up):
//   1. a Station in this process recording a dosing session into a real database, snapshots at
//      the screen's rate (34 ms, dropped): its acquisition thread (hub().thread().cpu_time_ns())
//      and this whole process (station, recorder, event log; the main thread only sleeps);
//   2. `vigilctl monitor --device ... --db ... --session ... --user ...`, the headless station
//      binary recording the same way, as a process (/proc/PID/stat utime + stime);
//   3. `vigil --demo` offscreen, the GUI station: its two simulators (Nonin DF2, SunTech) run
//      inside that process, so this figure includes them.
// Target: the station <= 15% of one core. Release build:
//   cmake --preset release && cmake --build build/release --target vigil_station_cpu_bench
//   ./build/release/tests/bench/station/vigil_station_cpu_bench [--seconds 30] [--only 1|2|3]
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "db/db_test_support.hpp"
#include "process_probe.hpp"
#include "station.hpp"
#include "vigil/db/recorder.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using namespace vigil;
using bench::option;

constexpr double kTargetPct = 15.0;
const std::vector<std::pair<std::string, std::string>> kDevices = {
    {"nonin-df2", "nonin"}, {"masimo-ascii", "masimo"}, {"suntech", "suntech"}};
constexpr auto kNibpEvery = std::chrono::minutes(5);  // as the demo's schedule

double self_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

class DroppingListener final : public station::StationListener {
 public:
  void on_snapshot(station::ScreenSnapshot&& s) override {
    station::ScreenSnapshot dropped = std::move(s);
    ++snapshots;
  }
  void on_alarm_event(const core::AlarmEvent&) override { ++alarm_events; }
  std::atomic<std::uint64_t> snapshots{0};
  std::atomic<std::uint64_t> alarm_events{0};
};

struct Row {
  std::string what;
  double pct = -1;
  bool station = false;  // counts against the target
};

// Measures `pid` over `seconds` after `warmup`: process CPU % of one core, and its threads.
double measure_process(pid_t pid, std::chrono::duration<double> warmup, double seconds,
                       const char* label) {
  std::this_thread::sleep_for(warmup);
  const auto threads0 = bench::thread_cpu(pid);
  const double cpu0 = bench::process_cpu_s(pid);
  const auto t0 = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const double cpu1 = bench::process_cpu_s(pid);
  const auto threads1 = bench::thread_cpu(pid);
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  if (cpu0 < 0 || cpu1 < 0) {
    std::fprintf(stderr, "%s: process %d ended during the measurement\n", label, pid);
    return -1;
  }
  const double pct = 100.0 * (cpu1 - cpu0) / wall;
  std::printf("  %s: %.2f%% of one core over %.1f s; threads:\n", label, pct, wall);
  bench::print_thread_cpu(pid, threads0, threads1, wall);
  return pct;
}

std::vector<Row> in_process_station(const std::vector<std::string>& links, double seconds) {
  db::test::StoreFixture store;
  const db::RowId session = store.dosing_session();
  db::Recorder recorder(db::Store::open(store.file, db::OpenMode::open_existing));
  station::StationConfig config;
  for (std::size_t i = 0; i < links.size(); ++i) {
    drivers::DeviceSessionConfig d;
    d.device_id = static_cast<core::DeviceId>(i + 1);
    d.protocol = kDevices[i].first;
    d.identity = drivers::DeviceIdentity::parse(links[i]);
    if (d.protocol == "suntech") d.nibp_interval = kNibpEvery;
    config.devices.push_back(d);
  }
  DroppingListener listener;
  station::Station st(std::move(config), listener);
  st.start();
  station::SessionRecording r;
  r.recorder = &recorder;
  r.actor = store.nurse;
  r.session_id = session;
  r.info.patient_id = "MRN-1";
  st.begin_session(std::move(r));
  std::this_thread::sleep_for(3s);  // ports open, first frames, recorder's first batches
  const auto threads0 = bench::thread_cpu(::getpid());
  const long long acq0 = st.hub().thread().cpu_time_ns();
  const double self0 = self_cpu_s();
  const auto counters0 = st.counters();
  const auto t0 = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  const double acq = static_cast<double>(st.hub().thread().cpu_time_ns() - acq0) / 1e9;
  const double self = self_cpu_s() - self0;
  const auto threads1 = bench::thread_cpu(::getpid());
  const auto counters1 = st.counters();
  st.end_session();
  st.stop();
  recorder.stop();
  const auto rc = recorder.counters();
  std::printf(
      "  in-process Station: %.1f s, %.0f readings/s, %.1f snapshots/s, %llu alarm events; "
      "recorder wrote %llu rows, %llu waveform blocks, dropped %llu\n",
      wall, static_cast<double>(counters1.readings - counters0.readings) / wall,
      static_cast<double>(counters1.snapshots - counters0.snapshots) / wall,
      static_cast<unsigned long long>(listener.alarm_events.load()),
      static_cast<unsigned long long>(rc.rows_written),
      static_cast<unsigned long long>(rc.blocks_written),
      static_cast<unsigned long long>(rc.dropped_vitals));
  bench::print_thread_cpu(::getpid(), threads0, threads1, wall);
  return {
      {"in-process Station: acquisition thread", 100.0 * acq / wall, true},
      {"in-process Station: whole process (station, recorder, log)", 100.0 * self / wall, true}};
}

Row monitor_process(const std::string& vigilctl, const std::vector<std::string>& links,
                    double seconds, const bench::ScratchDir& dir) {
  db::test::StoreFixture store;
  const db::RowId session = store.dosing_session();
  std::vector<std::string> argv = {vigilctl, "monitor"};
  for (std::size_t i = 0; i < links.size(); ++i) {
    argv.insert(argv.end(), {"--device", kDevices[i].first + ":" + links[i]});
  }
  argv.insert(argv.end(), {"--nibp-every", std::to_string(kNibpEvery.count() * 60), "--db",
                           store.file.string(), "--session", std::to_string(session), "--user",
                           "nina", "--for", std::to_string(seconds + 8)});
  const std::string log = dir.file("monitor.log");
  const pid_t pid =
      bench::spawn_process(argv, {std::string("VIGIL_PASSWORD=") + db::test::kPassword}, log);
  if (pid < 0) return {"vigilctl monitor", -1, true};
  const double pct = measure_process(pid, 4s, seconds, "vigilctl monitor");
  const int status = bench::wait_process(pid, 30s);
  std::printf("  vigilctl monitor exited with %d; last line of its output (%s):\n    ", status,
              log.c_str());
  std::string last;
  std::ifstream in(log);
  for (std::string l; std::getline(in, l);) last = l;
  std::printf("%s\n", last.c_str());
  return {"vigilctl monitor (3 devices, recording): whole process", pct, true};
}

Row gui_demo(const std::string& vigil_bin, double seconds, const bench::ScratchDir& dir) {
  const std::vector<std::string> argv = {vigil_bin,
                                         "--demo",
                                         "--scripted",
                                         "--db",
                                         dir.file("gui-demo.db"),
                                         "--quit-after",
                                         std::to_string(seconds + 8)};
  const pid_t pid = bench::spawn_process(
      argv, {"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + dir.path()}, dir.file("gui.log"));
  if (pid < 0) return {"vigil --demo", -1, false};
  const double pct = measure_process(pid, 4s, seconds, "vigil --demo (offscreen)");
  const int status = bench::wait_process(pid, 30s);
  std::printf("  vigil --demo exited with %d\n", status);
  return {"vigil --demo offscreen: whole process (incl. its 2 simulators)", pct, false};
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = std::stod(option(argc, argv, "--seconds", "30"));
  const std::string only = option(argc, argv, "--only", "");
  const std::string vigilctl = option(argc, argv, "--vigilctl", VIGIL_VIGILCTL_PATH);
  const std::string vigil_bin = option(argc, argv, "--vigil", VIGIL_GUI_PATH);
  bench::ScratchDir dir("vigil-cpu-bench");
  std::vector<Row> rows;

  if (only.empty() || only == "1" || only == "2") {
    std::vector<pid_t> sims;
    std::vector<std::string> links;
    for (const auto& [protocol, name] : kDevices) {
      links.push_back(dir.file(name));
      sims.push_back(bench::spawn_process({vigilctl, "simulate", "--device", protocol, "--scenario",
                                           "normal", "--link", links.back()},
                                          {}, dir.file("sim-" + name + ".log")));
    }
    for (const auto& l : links) {
      const auto deadline = Clock::now() + 5s;
      while (!std::filesystem::exists(l) && Clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
      }
    }
    double sims_cpu0 = 0;
    for (pid_t p : sims) sims_cpu0 += bench::process_cpu_s(p);
    const auto t0 = Clock::now();
    if (only.empty() || only == "1") {
      auto r = in_process_station(links, seconds);
      rows.insert(rows.end(), r.begin(), r.end());
    }
    if (only.empty() || only == "2") rows.push_back(monitor_process(vigilctl, links, seconds, dir));
    double sims_cpu1 = 0;
    for (pid_t p : sims) sims_cpu1 += bench::process_cpu_s(p);
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    rows.push_back({"3 vigilctl simulate processes (not the station)",
                    100.0 * (sims_cpu1 - sims_cpu0) / wall, false});
    for (pid_t p : sims) bench::stop_process(p);
  }
  if (only.empty() || only == "3") rows.push_back(gui_demo(vigil_bin, seconds, dir));

  std::printf(
      "\nstation CPU, devices nonin-df2 + masimo-ascii + suntech (normal scenario, real time), "
      "%.0f s each, %u cores, %% of one core:\n",
      seconds, std::thread::hardware_concurrency());
  std::printf("%-66s %8s  %s\n", "measured", "CPU", "target <= 15%");
  bool met = true;
  for (const auto& r : rows) {
    const bool ok = r.pct >= 0 && r.pct <= kTargetPct;
    if (r.station) met = met && ok;
    std::printf("%-66s %7.2f%%  %s\n", r.what.c_str(), r.pct,
                r.station ? (ok ? "met" : "NOT met") : "-");
  }
  std::printf("rerun: %s --seconds %.0f%s%s\n", argv[0], seconds, only.empty() ? "" : " --only ",
              only.c_str());
  return met ? 0 : 1;
}

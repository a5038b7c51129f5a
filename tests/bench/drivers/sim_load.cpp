// Acquisition load from drivers/sim simulators on real ptys (see sim_load.hpp). The simulators
// run on their own threads; only the acquisition thread's CPU time is the measured figure.
#include "sim_load.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string_view>
#include <thread>

#include "drivers/pty_device.hpp"
#include "vigil/drivers/device_hub.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace vigil::bench {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Frames per second a simulator sends at speed 1 (drivers/sim models); 0: only in answer to the
// host (SunTech: one reply per command, plus the 'K' that ends a measurement).
double frame_rate(std::string_view protocol) {
  if (protocol == "nonin-df2" || protocol == "nonin-df7") return 75;
  if (protocol == "contec-legacy" || protocol == "contec-v7") return 60;
  if (protocol == "nonin-df8" || protocol == "masimo-ascii") return 1;
  if (protocol == "ge-s5") return 0.2;  // the displayed-values interval the session asks for
  return 0;
}

class CountingListener final : public drivers::DeviceSessionListener {
 public:
  void on_reading(const core::Reading&) override {
    readings.fetch_add(1, std::memory_order_relaxed);
  }
  void on_condition(const core::DeviceCondition& c) override {
    using K = core::DeviceConditionKind;
    if ((c.kind == K::no_data || c.kind == K::disconnected) && c.active) ++lost;
    if (c.kind == K::nibp_failed) ++nibp_failed;
  }
  std::atomic<std::uint64_t> readings{0};
  std::atomic<std::uint64_t> lost{0};
  std::atomic<std::uint64_t> nibp_failed{0};
};

long read_number(const char* path) {
  std::ifstream in(path);
  long v = -1;
  in >> v;
  return v;
}

// The kernel's pty limit and the fd limit (raised to what is needed when the hard limit allows).
bool check_limits(int streams) {
  const long pty_max = read_number("/proc/sys/kernel/pty/max");
  const long pty_nr = read_number("/proc/sys/kernel/pty/nr");
  std::printf("ptys: %ld in use of %ld (/proc/sys/kernel/pty/max); this run needs %d more\n",
              pty_nr, pty_max, streams);
  if (pty_max >= 0 && pty_max - pty_nr < streams) {
    std::fprintf(stderr, "not enough ptys: raise kernel.pty.max or run fewer streams\n");
    return false;
  }
  // Per device: pty master + slave and a wake pipe (simulator), the session's port.
  const rlim_t need = 5 * static_cast<rlim_t>(streams) + 64;
  rlimit fds{};
  getrlimit(RLIMIT_NOFILE, &fds);
  if (fds.rlim_cur < need && fds.rlim_max >= need) {
    fds.rlim_cur = need;
    setrlimit(RLIMIT_NOFILE, &fds);
  }
  getrlimit(RLIMIT_NOFILE, &fds);
  std::printf("fds: about %llu needed (5 per device); soft limit %llu, hard %llu\n",
              static_cast<unsigned long long>(need), static_cast<unsigned long long>(fds.rlim_cur),
              static_cast<unsigned long long>(fds.rlim_max));
  if (fds.rlim_cur < need) {
    std::fprintf(stderr, "fd limit too low: ulimit -n %llu\n",
                 static_cast<unsigned long long>(need));
    return false;
  }
  return true;
}

double process_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Snapshot {
  Clock::time_point at;
  long long acquisition_cpu_ns = 0;
  double process_cpu_s = 0;
  std::uint64_t readings = 0;
  std::uint64_t lost = 0;
  std::vector<drivers::DeviceSessionStats> stats;  // by device index
};

Snapshot snapshot(drivers::DeviceHub& hub, const CountingListener& listener, int streams) {
  Snapshot s;
  s.at = Clock::now();
  s.acquisition_cpu_ns = hub.thread().cpu_time_ns();
  s.process_cpu_s = process_cpu_s();
  s.readings = listener.readings.load();
  s.lost = listener.lost.load();
  for (int i = 0; i < streams; ++i)
    s.stats.push_back(*hub.stats(static_cast<core::DeviceId>(i + 1)));
  return s;
}

struct ProtocolTally {
  int devices = 0;
  double expected = 0;  // frames the simulators sent in the window
  std::uint64_t decoded = 0;
  std::uint64_t discarded = 0;
  int behind = 0;  // devices that decoded fewer frames than sent, beyond the window's edges
  double worst = 1e9;
};

}  // namespace

int run_sim_load(int streams, double seconds, const std::vector<std::string>& protocols) {
  if (!check_limits(streams)) return 2;
  drivers::test::TempDir dir;
  CountingListener listener;
  drivers::DeviceHub hub(listener);
  std::vector<std::unique_ptr<drivers::sim::PtySimulator>> simulators;
  std::vector<std::string> protocol_of;
  for (int i = 0; i < streams; ++i) {
    const std::string& protocol = protocols[static_cast<std::size_t>(i) % protocols.size()];
    drivers::sim::SimulatorOptions o;
    o.device = protocol;
    o.timeline = *drivers::sim::make_scenario("normal");
    o.link_path = dir.file("dev" + std::to_string(i));
    o.seed = static_cast<std::uint64_t>(i) + 1;
    simulators.push_back(std::make_unique<drivers::sim::PtySimulator>(o));
    simulators.back()->start();
    drivers::DeviceSessionConfig c;
    c.device_id = static_cast<core::DeviceId>(i + 1);
    c.protocol = protocol;
    c.identity = drivers::DeviceIdentity::parse(o.link_path);
    if (protocol == "suntech") c.nibp_interval = 40s;  // and one at once, below
    hub.add_device(std::move(c));
    protocol_of.push_back(protocol);
  }
  hub.start();
  for (int i = 0; i < streams; ++i) {
    if (protocol_of[i] == "suntech") hub.request_nibp(static_cast<core::DeviceId>(i + 1));
  }

  std::this_thread::sleep_for(2s);  // ports opened, handshakes done, first GE records in
  const Snapshot a = snapshot(hub, listener, streams);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  const Snapshot b = snapshot(hub, listener, streams);
  hub.stop();
  simulators.clear();

  const double wall = std::chrono::duration<double>(b.at - a.at).count();
  std::map<std::string, ProtocolTally> tally;
  std::uint64_t losses = 0;
  for (int i = 0; i < streams; ++i) {
    const auto& s0 = a.stats[static_cast<std::size_t>(i)];
    const auto& s1 = b.stats[static_cast<std::size_t>(i)];
    const double rate = frame_rate(protocol_of[i]);
    const double commands = static_cast<double>(s1.commands_sent - s0.commands_sent);
    const double expected = rate > 0 ? rate * wall : commands;
    const auto decoded = s1.decoder.frames - s0.decoder.frames;
    // Frames in flight at either edge of the window: 2 % or one frame, whichever is more.
    const double slack = std::max(1.0, 0.02 * expected);
    auto& t = tally[protocol_of[i]];
    ++t.devices;
    t.expected += expected;
    t.decoded += decoded;
    t.discarded += s1.decoder.bytes_discarded - s0.decoder.bytes_discarded;
    if (static_cast<double>(decoded) < expected - slack) ++t.behind;
    if (expected > 0) t.worst = std::min(t.worst, static_cast<double>(decoded) / expected);
    losses += s1.link.losses - s0.link.losses;
  }

  const double cpu = static_cast<double>(b.acquisition_cpu_ns - a.acquisition_cpu_ns) / 1e9;
  const double load = 100.0 * cpu / wall;
  const double others = 100.0 * (b.process_cpu_s - a.process_cpu_s - cpu) / wall;
  std::printf(
      "streams %d from simulators (round-robin over %zu protocol%s), %.1f s: acquisition thread "
      "CPU "
      "%.3f s = %.1f%% of one core; %.0f readings/s; simulator threads %.1f%% of one core\n",
      streams, protocols.size(), protocols.size() == 1 ? "" : "s", wall, cpu, load,
      static_cast<double>(b.readings - a.readings) / wall, others);
  std::printf("%-14s %7s %10s %10s %8s %10s %7s\n", "protocol", "devices", "frames sent", "decoded",
              "worst", "discarded", "behind");
  int behind = 0;
  for (const auto& [name, t] : tally) {
    std::printf("%-14s %7d %11.0f %10llu %7.1f%% %10llu %7d\n", name.c_str(), t.devices, t.expected,
                static_cast<unsigned long long>(t.decoded), t.worst < 1e9 ? 100.0 * t.worst : 100.0,
                static_cast<unsigned long long>(t.discarded), t.behind);
    behind += t.behind;
  }
  const auto lost = b.lost - a.lost;
  std::printf("in the window: no_data/disconnected %llu, link losses %llu, NIBP failures %llu\n",
              static_cast<unsigned long long>(lost), static_cast<unsigned long long>(losses),
              static_cast<unsigned long long>(listener.nibp_failed.load()));
  const bool ok = load < 25.0 && behind == 0 && lost == 0 && losses == 0;
  std::printf("target (< 25%% of one core, every device kept up, no lost stream): %s\n",
              ok ? "met" : "NOT met");
  return ok ? 0 : 1;
}

}  // namespace vigil::bench

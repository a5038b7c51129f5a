// Acquisition load: N simulated devices on real ptys at real-time rates into one acquisition
// thread; reports the CPU time of that thread. Target: >= 64 streams under 25% of one core.
//
//   vigil_acquisition_bench [STREAMS=64] [SECONDS=10] [MIX=nonin]
//
// MIX nonin / masimo / mixed: one writer thread plays every device with the protocols encoders.
// Nonin DF2 streams write one 5-byte frame every 1/75 s (375 B/s, as a UART delivers them:
// the worst case for read completions); Masimo streams one line a second. The writer thread's
// own CPU is not counted.
// MIX sim: every device is a drivers/sim PtySimulator (own thread, real time), round-robin over all
// eight protocols, or over P1,P2,... with sim:P1,P2; see sim_load.cpp.
// Run a Release build: cmake --preset release.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "drivers/pty_device.hpp"
#include "sim_load.hpp"
#include "vigil/drivers/device_hub.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/protocols/masimo.hpp"
#include "vigil/protocols/nonin.hpp"

using namespace std::chrono_literals;
using namespace vigil;
using Clock = std::chrono::steady_clock;

namespace {

class CountingListener final : public drivers::DeviceSessionListener {
 public:
  void on_reading(const core::Reading&) override { ++readings; }
  void on_condition(const core::DeviceCondition& c) override {
    if (c.kind == core::DeviceConditionKind::no_data ||
        c.kind == core::DeviceConditionKind::disconnected) {
      ++problems;
    }
  }
  std::atomic<std::uint64_t> readings{0};
  std::atomic<std::uint64_t> problems{0};
};

struct Stream {
  std::unique_ptr<drivers::test::PtyDevice> device;
  bool nonin = true;
  std::unique_ptr<protocols::NoninEncoder> encoder;
};

}  // namespace

int main(int argc, char** argv) {
  const int streams = argc > 1 ? std::atoi(argv[1]) : 64;
  const double seconds = argc > 2 ? std::atof(argv[2]) : 10.0;
  const std::string mix = argc > 3 ? argv[3] : "nonin";
  if (streams <= 0 || seconds <= 0) {
    std::fprintf(stderr, "usage: %s [STREAMS] [SECONDS] [nonin|masimo|mixed|sim|sim:P1,P2]\n",
                 argv[0]);
    return 2;
  }
  if (mix == "sim" || mix.starts_with("sim:")) {
    const auto known = drivers::sim::simulated_device_names();
    std::vector<std::string> protocols;
    if (mix == "sim") protocols.assign(known.begin(), known.end());
    for (std::size_t at = 4; mix.size() > 4 && at <= mix.size();) {
      const std::size_t end = std::min(mix.find(',', at), mix.size());
      protocols.push_back(mix.substr(at, end - at));
      if (std::find(known.begin(), known.end(), protocols.back()) == known.end()) {
        std::fprintf(stderr, "unknown simulated device '%s'\n", protocols.back().c_str());
        return 2;
      }
      at = end + 1;
    }
    return bench::run_sim_load(streams, seconds, protocols);
  }

  drivers::test::TempDir dir;
  CountingListener listener;
  drivers::DeviceHub hub(listener);
  std::vector<Stream> devices;
  for (int i = 0; i < streams; ++i) {
    Stream s;
    s.nonin = mix == "nonin" || (mix == "mixed" && i % 2 == 0);
    s.device = std::make_unique<drivers::test::PtyDevice>(dir.file("dev" + std::to_string(i)));
    s.encoder = std::make_unique<protocols::NoninEncoder>(protocols::NoninFormat::df2);
    drivers::DeviceSessionConfig c;
    c.device_id = static_cast<core::DeviceId>(i + 1);
    c.protocol = s.nonin ? "nonin-df2" : "masimo-ascii";
    c.identity = drivers::DeviceIdentity::parse(s.device->link());
    hub.add_device(std::move(c));
    devices.push_back(std::move(s));
  }
  hub.start();

  protocols::OximeterState state;
  state.spo2 = 97;
  state.pulse_rate = 72;
  state.perfusion_index = 4.2;
  const protocols::MasimoAsciiEncoder masimo;
  std::vector<std::uint8_t> bytes;
  const auto frame_period = std::chrono::microseconds(1'000'000 / 75);
  auto tick = [&](int n) {
    for (auto& s : devices) {
      bytes.clear();
      if (s.nonin) {
        s.encoder->encode_frame(state, static_cast<std::uint16_t>(n % 200), bytes);
      } else if (n % 75 == 0) {
        masimo.encode_line(state, 1'700'000'000 + n / 75, 0, 0x800, bytes);
      }
      if (!bytes.empty()) s.device->write(bytes);
    }
  };

  // Warm up 1 s (opening, first frames), then measure.
  int n = 0;
  auto next = Clock::now();
  auto run_for = [&](std::chrono::duration<double> d) {
    const auto end = Clock::now() + d;
    while (Clock::now() < end) {
      tick(n++);
      next += frame_period;
      std::this_thread::sleep_until(next);
    }
  };
  run_for(1s);
  const long long cpu0 = hub.thread().cpu_time_ns();
  const auto readings0 = listener.readings.load();
  const auto t0 = Clock::now();
  run_for(std::chrono::duration<double>(seconds));
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  const double cpu = static_cast<double>(hub.thread().cpu_time_ns() - cpu0) / 1e9;
  const auto readings = listener.readings.load() - readings0;
  std::uint64_t bytes_read = 0;
  std::uint64_t completions = 0;
  for (auto id : hub.devices()) {
    const auto st = *hub.stats(id);
    bytes_read += st.link.bytes_read;
    completions += st.link.read_completions;
  }
  hub.stop();

  const double load = 100.0 * cpu / wall;
  std::printf(
      "streams %d (%s), %.1f s: acquisition thread CPU %.3f s = %.1f%% of one core; "
      "%.0f readings/s; %llu read completions, %llu bytes in total; no_data/disconnected %llu\n",
      streams, mix.c_str(), wall, cpu, load, static_cast<double>(readings) / wall,
      static_cast<unsigned long long>(completions), static_cast<unsigned long long>(bytes_read),
      static_cast<unsigned long long>(listener.problems.load()));
  const bool ok = load < 25.0 && listener.problems == 0;
  std::printf("target (< 25%% of one core, no lost stream): %s\n", ok ? "met" : "NOT met");
  return ok ? 0 : 1;
}

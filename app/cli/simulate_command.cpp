// `vigilctl simulate --device NAME --scenario S|--replay FILE [--link PATH] [--speed X]
// [--start-at S] [--duration S] [--out FILE]`: one simulated device behind a pty (its path on
// stdout) until the duration ends or SIGINT / SIGTERM; with --out, the device's byte stream for
// the duration written to FILE as fast as possible, host commands assumed sent.
#include <signal.h>

#include <cerrno>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "vigil/drivers/sim/byte_stream.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/replay.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace vigil::cli {
namespace {

namespace sim = drivers::sim;

constexpr double kMaxScenarioSeconds = 7 * 24 * 3600.0;
constexpr double kMaxSpeed = 1000.0;

struct SimulateOptions {
  std::string device;
  std::string scenario;
  std::string replay;
  std::string link;
  std::string out;
  double speed = 1.0;
  double start_at_s = 0.0;
  std::optional<double> duration_s;
};

template <typename Names>
std::string join(const Names& names) {
  std::string s;
  for (auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

int usage(const std::string& message) {
  std::cerr << "vigilctl: error: " << message << " (see vigilctl simulate --help)\n";
  return kExitUsage;
}

// Blocks until SIGINT / SIGTERM or the timeout (none = for ever). The signals must already be
// blocked in every thread.
void wait_for_signal(const sigset_t& signals, std::optional<double> timeout_s) {
  if (!timeout_s) {
    int sig = 0;
    sigwait(&signals, &sig);
    return;
  }
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(std::floor(*timeout_s));
  ts.tv_nsec = static_cast<long>((*timeout_s - std::floor(*timeout_s)) * 1e9);
  while (sigtimedwait(&signals, nullptr, &ts) < 0 && errno == EINTR) {
  }
}

int run_pty(const SimulateOptions& o, sim::Timeline timeline) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before the simulator thread starts

  sim::SimulatorOptions options;
  options.device = o.device;
  options.timeline = std::move(timeline);
  options.speed = o.speed;
  options.start_at_s = o.start_at_s;
  options.link_path = o.link;
  std::unique_ptr<sim::PtySimulator> started;
  try {
    started = std::make_unique<sim::PtySimulator>(std::move(options));
    started->start();
  } catch (const std::exception& e) {
    std::cerr << "vigilctl: error: cannot start the simulator: " << e.what() << '\n';
    return kExitFailure;
  }
  sim::PtySimulator& simulator = *started;
  std::cout << simulator.link_path() << std::endl;
  std::cerr << "vigilctl: simulating " << o.device << " ("
            << (o.replay.empty() ? "scenario " + o.scenario : "replay " + o.replay) << ", speed "
            << o.speed << ") at " << simulator.link_path() << "; SIGINT or SIGTERM stops it\n";
  // Real seconds: --duration is scenario time.
  std::optional<double> real_s;
  if (o.duration_s) real_s = *o.duration_s / o.speed;
  wait_for_signal(signals, real_s);
  simulator.stop();
  return kExitOk;
}

int run_out(const SimulateOptions& o, const sim::Timeline& timeline) {
  std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << "vigilctl: error: cannot write " << o.out << '\n';
    return kExitFailure;
  }
  const auto result = sim::write_byte_stream(o.device, timeline, o.start_at_s, *o.duration_s, file);
  file.close();
  if (!file) {
    std::cerr << "vigilctl: error: cannot write " << o.out << '\n';
    return kExitFailure;
  }
  std::cerr << "vigilctl: wrote " << result.bytes << " bytes of " << o.device << " ("
            << *o.duration_s << " s) to " << o.out << '\n';
  return kExitOk;
}

int run_simulate(const SimulateOptions& o) {
  if (o.scenario.empty() == o.replay.empty()) {
    return usage("--scenario or --replay: give exactly one of them");
  }
  if (!o.out.empty() && !o.duration_s) {
    return usage("--out: needs --duration (scenario seconds to write)");
  }
  std::optional<sim::Timeline> timeline;
  if (!o.scenario.empty()) {
    timeline = sim::make_scenario(o.scenario);
  } else {
    try {
      timeline.emplace(std::make_shared<const sim::ReplayTrack>(sim::ReplayTrack::load(o.replay)));
    } catch (const sim::ReplayError& e) {
      return usage(std::string("--replay: ") + e.what());
    }
  }
  return o.out.empty() ? run_pty(o, std::move(*timeline)) : run_out(o, *timeline);
}

CLI::Validator one_of(std::span<const std::string_view> names, std::string what) {
  return CLI::Validator(
      [names, what](std::string& value) -> std::string {
        for (auto n : names) {
          if (n == value) return {};
        }
        return "unknown " + what + " '" + value + "'; valid: " + join(names);
      },
      "NAME");
}

}  // namespace

void register_simulate_command(CLI::App& app) {
  auto o = std::make_shared<SimulateOptions>();
  auto* cmd = app.add_subcommand("simulate", "Run a simulated device behind a pseudo-terminal");
  cmd->add_option("--device", o->device, "Device protocol: " + join(sim::simulated_device_names()))
      ->required()
      ->check(one_of(sim::simulated_device_names(), "device"));
  auto* scenario =
      cmd->add_option("--scenario", o->scenario, "Scenario: " + join(sim::scenario_names()))
          ->check(one_of(sim::scenario_names(), "scenario"));
  auto* replay = cmd->add_option("--replay", o->replay,
                                 "CSV t_s,spo2,pulse_rate,nibp_systolic,nibp_diastolic");
  scenario->excludes(replay);
  cmd->add_option("--link", o->link, "Symlink to the pty (default /tmp/vigil-sim-DEVICE-PID)")
      ->check(non_empty_path());
  // Bounds keep every run finite: a week of scenario time, 1000x real time at the most.
  cmd->add_option("--speed", o->speed, "Scenario seconds per real second (0.01..1000)")
      ->check(finite_number(0.01, true, kMaxSpeed, "scenario seconds per real second"));
  cmd->add_option("--start-at", o->start_at_s, "Scenario time to start at, s (0..604800)")
      ->check(finite_number(0, true, kMaxScenarioSeconds, "seconds"));
  cmd->add_option("--duration", o->duration_s, "Scenario seconds to run (> 0, <= 604800)")
      ->check(finite_number(0, false, kMaxScenarioSeconds, "seconds"));
  cmd->add_option("--out", o->out, "Write the byte stream to FILE instead of a pty")
      ->check(non_empty_path());
  add_runner(cmd, [o] { return run_simulate(*o); });
}

}  // namespace vigil::cli

// `vigilctl demo [--speed X] [--start-at MINUTES] [--db FILE] [--for SECONDS]`: the GUI demo's
// bedside without a screen. The same simulators, pipeline and recorder as `vigil --demo`; prints
// the values once a second, each alarm event on its own line, and the clinical script's steps.
// At the end the database holds a complete session (closed, or ended early with the reason).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "demo_bedside.hpp"
#include "station.hpp"
#include "station_printer.hpp"

namespace vigil::cli {
namespace {

struct DemoCommandOptions {
  demo::DemoOptions demo;
  std::string db_file;
  double for_seconds = 60;
};

void print_lines(const std::vector<std::string>& lines) {
  for (const auto& l : lines) std::printf("SCRIPT %s\n", l.c_str());
  std::fflush(stdout);
}

int run_demo(DemoCommandOptions o) {
  o.demo.db_file = o.db_file;
  if (auto problem = demo::demo_options_problem(o.demo)) {
    std::cerr << "vigilctl: error: " << *problem << '\n';
    return kExitUsage;
  }
  if (!(o.for_seconds > 0 && o.for_seconds <= 86400)) {
    std::cerr << "vigilctl: error: --for: must be a number of seconds in 0..86400 (not 0)\n";
    return kExitUsage;
  }
  std::unique_ptr<demo::DemoBedside> bedside;
  try {
    bedside = std::make_unique<demo::DemoBedside>(o.demo);
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
  std::printf("demo: speed %g, starting at +%g min, %g s; oximeter on %s, NIBP on %s\n",
              o.demo.speed, o.demo.start_at_min, o.for_seconds, bedside->oximeter_port().c_str(),
              bedside->nibp_port().c_str());
  std::printf(
      "demo: recording session %lld into %s (users demo-nurse, demo-clinician, "
      "demo-admin; password %s)\n",
      static_cast<long long>(bedside->session_id()), bedside->db_file().c_str(),
      demo::kDemoPassword);
  std::fflush(stdout);

  auto config = bedside->station_config();
  config.snapshot_period = std::chrono::milliseconds(250);
  StationPrinter printer({"oximeter", "nibp"});
  station::Station station(std::move(config), printer);
  station.start();
  print_lines(bedside->begin(station));
  printer.run(o.for_seconds, [&] { print_lines(bedside->step(station)); });
  print_lines(bedside->finish(station));
  station.stop();
  std::printf("demo: done; session %lld in %s: %s\n", static_cast<long long>(bedside->session_id()),
              bedside->db_file().c_str(),
              printer.recording_summary(bedside->recorder().counters()).c_str());
  return kExitOk;
}

}  // namespace

void register_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoCommandOptions>();
  auto* cmd = app.add_subcommand(
      "demo", "Run the scripted demo session headless (simulators, pipeline, recorder)");
  cmd->add_option("--speed", options->demo.speed, "Scenario seconds per real second (0.1..100)");
  cmd->add_option("--start-at", options->demo.start_at_min,
                  "Start the scripted session at this minute (0..150; desaturation at 25)");
  cmd->add_option("--db", options->db_file,
                  "Record into this new database file (default: a new temporary file)");
  cmd->add_option("--for", options->for_seconds, "Run for SECONDS of wall-clock time (default 60)");
  add_runner(cmd, [options] { return run_demo(*options); });
}

}  // namespace vigil::cli

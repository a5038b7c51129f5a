// `vigilctl monitor --device PROTOCOL:PORT [--device ...] [--for SECONDS] [--nibp-every SECONDS]
//  [--db FILE --session ID --user NAME]`: the station pipeline without a screen. Prints the
// latest values once a second and every alarm event and device condition as it happens; with a
// database it records the session's vitals and alarm events as the bedside station does.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "session_lookup.hpp"
#include "station.hpp"
#include "station_printer.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/user_store.hpp"
#include "vigil/drivers/session_protocol.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct MonitorOptions {
  std::vector<std::string> devices;  // PROTOCOL:PORT
  double for_seconds = 0;            // 0 = until interrupted
  double nibp_every_s = 0;           // SunTech schedule; 0 = none
  std::string db_file;
  db::RowId session_id = 0;
  std::string user;
};

struct DeviceSpec {
  std::string protocol;
  std::string port;
};

std::string valid_protocols() {
  std::string out;
  for (auto name : protocols::protocol_names()) {
    if (!drivers::session_protocol_for(name)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Splits at the first ':' so the port may hold colons ("usb-serial:A1B2"). Empty = valid.
std::string parse_device(const std::string& text, DeviceSpec& out) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    return "--device: expected PROTOCOL:PORT (e.g. nonin-df2:/tmp/vigil-sim/nonin), got '" + text +
           "'";
  }
  out.protocol = text.substr(0, colon);
  out.port = text.substr(colon + 1);
  if (!drivers::session_protocol_for(out.protocol) || !protocols::make_decoder(out.protocol)) {
    return "--device: unknown protocol '" + out.protocol + "'; valid: " + valid_protocols();
  }
  return {};
}

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

// The session to record into, checked before any device is opened.
struct Recording {
  std::unique_ptr<db::Recorder> recorder;
  station::SessionForStation session;
  db::Actor actor;
};

std::optional<std::string> usage_error(const MonitorOptions& o) {
  if (o.for_seconds < 0 || o.nibp_every_s < 0) {
    return "--for and --nibp-every must not be negative";
  }
  const bool any_db = !o.db_file.empty() || o.session_id != 0 || !o.user.empty();
  if (any_db && (o.db_file.empty() || o.session_id <= 0 || o.user.empty())) {
    return "--db, --session and --user go together (recording needs the file, the session id "
           "(> 0) and the nurse or clinician recording)";
  }
  return std::nullopt;
}

int run_monitor(const MonitorOptions& o) {
  std::vector<DeviceSpec> specs;
  for (const auto& text : o.devices) {
    DeviceSpec spec;
    if (auto error = parse_device(text, spec); !error.empty()) {
      std::cerr << "vigilctl: error: " << error << '\n';
      return kExitUsage;
    }
    specs.push_back(spec);
  }
  if (auto error = usage_error(o)) {
    std::cerr << "vigilctl: error: " << *error << '\n';
    return kExitUsage;
  }

  std::optional<Recording> recording;
  station::StationConfig config;
  if (!o.db_file.empty()) {
    try {
      Recording r;
      {
        SQLite::Database db = db::open_database(o.db_file, db::OpenMode::open_existing);
        r.actor = login_from_cli(db, o.user);
        if (r.actor.role != db::Role::nurse && r.actor.role != db::Role::clinician) {
          return report_error("role " + std::string(db::role_name(r.actor.role)) +
                              " may not record vitals (nurse or clinician)");
        }
        r.session = station::lookup_session_for_station(db, o.session_id);
      }
      r.recorder =
          std::make_unique<db::Recorder>(db::open_database(o.db_file, db::OpenMode::open_existing));
      config.profile = r.session.profile;
      recording = std::move(r);
    } catch (const std::exception& e) {
      return report_error(e.what());
    }
  }

  std::vector<std::string> names;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    drivers::DeviceSessionConfig c;
    c.device_id = static_cast<core::DeviceId>(i + 1);
    c.name = specs[i].protocol;
    c.protocol = specs[i].protocol;
    c.identity = drivers::DeviceIdentity::parse(specs[i].port);
    if (o.nibp_every_s > 0) {
      c.nibp_interval = std::chrono::milliseconds(static_cast<long long>(o.nibp_every_s * 1000));
    }
    config.devices.push_back(std::move(c));
    names.push_back(specs[i].protocol);
    std::printf("monitoring %s on %s\n", specs[i].protocol.c_str(), specs[i].port.c_str());
  }
  config.snapshot_period = std::chrono::milliseconds(250);  // the printer reads one a second
  auto discovery = drivers::make_libserialport_discovery();
  config.discovery = discovery.get();

  StationPrinter printer(names);
  station::Station station(std::move(config), printer);
  if (recording) {
    station.set_phase(recording->session.info.phase);
    station.begin_session(station::SessionRecording{recording->recorder.get(), recording->actor,
                                                    recording->session.id,
                                                    recording->session.info});
    std::printf("recording session %lld into %s as %s\n",
                static_cast<long long>(recording->session.id), o.db_file.c_str(),
                recording->actor.name.c_str());
  }
  std::fflush(stdout);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  station.start();
  const auto start = Clock::now();
  auto next = start + std::chrono::seconds(1);
  const auto end = start + std::chrono::milliseconds(static_cast<long long>(o.for_seconds * 1000));
  while (!g_interrupted) {
    if (o.for_seconds > 0 && Clock::now() >= end) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (Clock::now() >= next) {
      printer.print_values();
      next += std::chrono::seconds(1);
    }
  }
  station.end_session();
  station.stop();
  if (recording) {
    recording->recorder->stop();
    const auto c = recording->recorder->counters();
    std::printf(
        "recorded %llu vitals rows, %llu waveform blocks, %llu alarm events; dropped %llu\n",
        static_cast<unsigned long long>(c.rows_written),
        static_cast<unsigned long long>(c.blocks_written),
        static_cast<unsigned long long>(printer.alarm_events()),
        static_cast<unsigned long long>(c.dropped_vitals));
  }
  return kExitOk;
}

}  // namespace

void register_monitor_command(CLI::App& app) {
  auto options = std::make_shared<MonitorOptions>();
  auto* cmd = app.add_subcommand("monitor", "Watch live devices headless, optionally recording");
  cmd->add_option("--device", options->devices,
                  "PROTOCOL:PORT; PORT is a path, /dev/serial/by-id/... or usb-serial:SERIAL; "
                  "protocols: " +
                      valid_protocols())
      ->required();
  cmd->add_option("--for", options->for_seconds, "Stop after SECONDS (default: until Ctrl-C)");
  cmd->add_option("--nibp-every", options->nibp_every_s,
                  "SunTech: start a measurement every SECONDS");
  cmd->add_option("--db", options->db_file, "Record into this Vigil database");
  cmd->add_option("--session", options->session_id, "The session (id) to record into");
  cmd->add_option("--user", options->user,
                  "The nurse or clinician recording (password: VIGIL_PASSWORD or a prompt)");
  add_runner(cmd, [options] { return run_monitor(*options); });
}

}  // namespace vigil::cli

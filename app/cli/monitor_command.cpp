// `vigilctl monitor --device PROTOCOL:PORT [--device ...] [--for SECONDS] [--nibp-every SECONDS]
//  [--db FILE --session ID --user NAME]`: the station pipeline without a screen. Prints the
// latest values once a second and every alarm event and device condition as it happens; with a
// database it records the session's vitals and alarm events as the bedside station does.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "device_spec.hpp"
#include "session_lookup.hpp"
#include "station.hpp"
#include "station_printer.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::cli {
namespace {

struct MonitorOptions {
  std::vector<std::string> devices;  // PROTOCOL:PORT
  double for_seconds = 0;            // 0 = until interrupted
  double nibp_every_s = 0;           // SunTech schedule; 0 = none
  std::string db_file;
  db::RowId session_id = 0;
  std::string user;
};

// The session to record into, checked before any device is opened.
struct Recording {
  std::unique_ptr<db::Recorder> recorder;
  station::SessionForStation session;
  db::Actor actor;
};

std::optional<std::string> usage_error(const MonitorOptions& o) {
  // --for, --nibp-every and --session are range-checked by their validators (cli_checks).
  const bool any_db = !o.db_file.empty() || o.session_id != 0 || !o.user.empty();
  if (any_db && (o.db_file.empty() || o.session_id <= 0 || o.user.empty())) {
    return "--db, --session and --user go together (recording needs the file, the session id "
           "(> 0) and the nurse or clinician recording)";
  }
  return std::nullopt;
}

// The devices from --device (and --nibp-every); a usage error when one is wrong.
std::optional<std::string> configure_devices(const MonitorOptions& o,
                                             station::StationConfig& config) {
  for (const auto& text : o.devices) {
    drivers::DeviceSessionConfig device;
    const auto id = static_cast<core::DeviceId>(config.devices.size() + 1);
    if (auto error = station::parse_device_spec(text, id, device); !error.empty()) return error;
    if (o.nibp_every_s > 0) {
      device.nibp_interval =
          std::chrono::milliseconds(static_cast<long long>(o.nibp_every_s * 1000));
    }
    config.devices.push_back(std::move(device));
  }
  if (auto error = station::duplicate_port_problem(config.devices); !error.empty()) return error;
  return usage_error(o);
}

// Signs the user in and opens the session through the store (audited), then gives the recorder
// its own writer connection. Throws what the store refuses.
Recording open_recording(const MonitorOptions& o) {
  Recording r;
  {
    db::Store store = db::Store::open(o.db_file, db::OpenMode::open_existing);
    r.actor = login_from_cli(store, o.user);
    if (r.actor.role != db::Role::nurse && r.actor.role != db::Role::clinician) {
      throw db::PermissionDenied("role " + std::string(db::role_name(r.actor.role)) +
                                 " may not record vitals (nurse or clinician)");
    }
    r.session =
        station::lookup_session_for_station(store, r.actor, o.session_id, wall_clock_utc_ms());
  }
  r.recorder =
      std::make_unique<db::Recorder>(db::Store::open(o.db_file, db::OpenMode::open_existing));
  return r;
}

void begin_recording(station::Station& station, Recording& recording, const std::string& file) {
  station.set_phase(recording.session.info.phase);
  station::SessionRecording r;
  r.recorder = recording.recorder.get();
  r.actor = recording.actor;
  r.session_id = recording.session.id;
  r.info = recording.session.info;
  r.database_file = file;  // phase changes made through the store reach the engine
  station.begin_session(std::move(r));
  std::printf("recording session %lld into %s as %s\n",
              static_cast<long long>(recording.session.id), file.c_str(),
              recording.actor.name.c_str());
}

int run_monitor(const MonitorOptions& o) {
  station::StationConfig config;
  if (auto error = configure_devices(o, config)) {
    std::cerr << "vigilctl: error: " << *error << '\n';
    return kExitUsage;
  }
  std::optional<Recording> recording;
  if (!o.db_file.empty()) {
    try {
      recording = open_recording(o);
      config.profile = recording->session.profile;
    } catch (const std::exception& e) {
      return report_error(e.what());
    }
  }
  std::vector<std::string> names;
  for (const auto& d : config.devices) {
    names.push_back(d.protocol);
    std::printf("monitoring %s on %s\n", d.protocol.c_str(), d.identity.describe().c_str());
  }
  config.snapshot_period = std::chrono::milliseconds(250);  // the printer reads one a second
  auto discovery = drivers::make_libserialport_discovery();
  config.discovery = discovery.get();

  StationPrinter printer(names);
  station::Station station(std::move(config), printer);
  if (recording) begin_recording(station, *recording, o.db_file);
  std::fflush(stdout);
  station.start();
  printer.run(o.for_seconds);
  station.end_session();
  station.stop();
  if (recording) {
    recording->recorder->stop();
    std::printf("recorded %s\n",
                printer.recording_summary(recording->recorder->counters()).c_str());
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
                      station::device_protocol_list())
      ->required();
  cmd->add_option("--for", options->for_seconds, "Stop after SECONDS (default: until Ctrl-C)")
      ->check(finite_number(0, false, 7 * 24 * 3600.0, "seconds"));
  // A cuff cycle takes about 30 s; docs/clinical.md's checkpoints are minutes apart.
  cmd->add_option("--nibp-every", options->nibp_every_s,
                  "SunTech: start a measurement every SECONDS (60..86400)")
      ->check(finite_number(60, true, 86400, "seconds"));
  cmd->add_option("--db", options->db_file, "Record into this Vigil database")
      ->check(non_empty_path());
  cmd->add_option("--session", options->session_id, "The session (id) to record into")
      ->check(whole_number_from(1));
  cmd->add_option("--user", options->user,
                  "The nurse or clinician recording (password: VIGIL_PASSWORD or a prompt)");
  add_runner(cmd, [options] { return run_monitor(*options); });
}

}  // namespace vigil::cli

// `vigilctl export csv --db FILE --session ID --user NAME [--out FILE]`: a session's numeric
// vitals as CSV (one row per timestamp, one column per channel, empty for absent). The user
// (clinician or auditor) logs in with VIGIL_PASSWORD or a prompt; the export is audited.
#include <iostream>
#include <memory>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "export_file.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/vitals_export.hpp"

namespace vigil::cli {
namespace {

struct ExportOptions {
  std::string file;
  std::string user;
  std::int64_t session = 0;
  std::string out;
};

int run_csv(const ExportOptions& o) {
  if (!o.out.empty() && same_file(o.out, o.file)) {
    return report_error("--out: must not be the --db file " + o.file);
  }
  try {
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor actor = login_from_cli(store, o.user);
    if (o.out.empty()) {
      db::export_vitals_csv(store, actor, o.session, std::cout, wall_clock_utc_ms());
      return kExitOk;
    }
    std::size_t rows = 0;
    write_export_file(o.out, o.file, [&](std::ostream& out) {
      rows = db::export_vitals_csv(store, actor, o.session, out, wall_clock_utc_ms()).rows;
    });
    std::cerr << "exported " << rows << " rows to " << o.out << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

}  // namespace

void register_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Export session records");
  cmd->require_subcommand(1);
  auto o = std::make_shared<ExportOptions>();
  auto* csv = cmd->add_subcommand("csv", "A session's numeric vitals as CSV");
  csv->add_option("--db", o->file, "Database file")->required()->check(non_empty_path());
  csv->add_option("--session", o->session, "Session id")->required()->check(whole_number_from(1));
  csv->add_option("--user", o->user, "Clinician or auditor who exports")->required();
  csv->add_option("--out", o->out, "Output file (default: standard output)")
      ->check(non_empty_path());
  add_runner(csv, [o] { return run_csv(*o); });
}

}  // namespace vigil::cli

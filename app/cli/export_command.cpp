// `vigilctl export csv --db FILE --session ID --user NAME [--out FILE]`: a session's numeric
// vitals as CSV (one row per timestamp, one column per channel, empty for absent). The user
// (clinician or auditor) logs in with VIGIL_PASSWORD or a prompt; the export is audited.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
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
    // A file is written beside the target and renamed over it only when complete: a refused or
    // failed export leaves an existing file as it was. A device or pipe (/dev/stdout, a FIFO)
    // is written directly: it is never replaced by a file.
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto kind = fs::status(o.out, ec).type();
    if (kind == fs::file_type::directory) {
      return report_error("--out: " + o.out + " is a directory");
    }
    const bool file = kind == fs::file_type::not_found || kind == fs::file_type::regular;
    const std::string written = file ? o.out + ".partial-" + std::to_string(::getpid()) : o.out;
    // An export holds a patient's record: the file is owner-only (0600), like the database.
    if (file) {
      const int fd = ::open(written.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      if (fd >= 0) ::close(fd);
    }
    std::ofstream out(written, std::ios::binary | std::ios::trunc);
    if (!out) return report_error("--out: cannot write " + o.out);
    try {
      const auto s = db::export_vitals_csv(store, actor, o.session, out, wall_clock_utc_ms());
      out.close();
      if (!out) throw std::runtime_error("--out: cannot write " + o.out);
      if (file) fs::rename(written, o.out);
      std::cerr << "exported " << s.rows << " rows to " << o.out << '\n';
      return kExitOk;
    } catch (...) {
      if (file) fs::remove(written, ec);
      throw;
    }
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

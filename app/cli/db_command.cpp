// `vigilctl db init --db FILE --admin NAME`: creates a Vigil database and its first admin.
// The admin's password comes from VIGIL_NEW_PASSWORD or a no-echo prompt (asked twice).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::cli {
namespace {

struct DbInitOptions {
  std::string file;
  std::string admin;
};

// Removes a database file this run created (and its WAL and shared-memory files).
void remove_created(const std::string& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(file + suffix, ignored);
  }
}

int run_init(const DbInitOptions& o) {
  if (std::filesystem::is_directory(o.file)) {
    return report_error("--db: " + o.file + " is a directory");
  }
  const bool existed = std::filesystem::exists(o.file);
  int status = kExitFailure;
  try {
    auto store = db::Store::open(o.file, db::OpenMode::create_or_open);
    if (db::has_users(store)) {
      return report_error("--db: " + o.file + " is already initialised (it has users)");
    }
    const auto password = read_password("VIGIL_NEW_PASSWORD", "New password for " + o.admin, true);
    if (!password) {
      status = report_error("password: set VIGIL_NEW_PASSWORD or type it twice at the prompt");
    } else {
      db::create_first_admin(store, o.admin, *password, wall_clock_utc_ms());
      std::cout << "created " << o.file << " with admin " << o.admin << '\n';
      return kExitOk;
    }
  } catch (const std::exception& e) {
    status = report_error(e.what());
  }
  // A refused init leaves no half-made database behind (the connection is closed by now).
  if (!existed) remove_created(o.file);
  return status;
}

}  // namespace

void register_db_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("db", "Create a Vigil database");
  cmd->require_subcommand(1);
  auto o = std::make_shared<DbInitOptions>();
  auto* init = cmd->add_subcommand("init", "Create a database and its first admin");
  init->add_option("--db", o->file, "Database file")->required()->check(non_empty_path());
  init->add_option("--admin", o->admin, "Name of the first admin")->required();
  add_runner(init, [o] { return run_init(*o); });
}

}  // namespace vigil::cli

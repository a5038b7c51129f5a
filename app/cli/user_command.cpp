// `vigilctl user add --db FILE --user ACTING_USER --name NAME --role ROLE`. The acting user's
// password comes from VIGIL_PASSWORD (or a prompt), the new user's from VIGIL_NEW_PASSWORD (or
// a prompt, asked twice). Only an admin may add users (the store refuses others, audited).
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

struct UserAddOptions {
  std::string file;
  std::string acting_user;
  std::string name;
  std::string role;
};

int run_add(const UserAddOptions& o) {
  try {
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor admin = login_from_cli(store, o.acting_user);
    const auto password = read_password("VIGIL_NEW_PASSWORD", "New password for " + o.name, true);
    if (!password) {
      return report_error("password: set VIGIL_NEW_PASSWORD or type it twice at the prompt");
    }
    db::add_user(store, admin, o.name, *db::role_from_name(o.role), *password, wall_clock_utc_ms());
    std::cout << "added " << o.role << ' ' << o.name << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

}  // namespace

void register_user_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("user", "Manage users (admin)");
  cmd->require_subcommand(1);
  auto o = std::make_shared<UserAddOptions>();
  auto* add = cmd->add_subcommand("add", "Add a user");
  add->add_option("--db", o->file, "Database file")->required()->check(non_empty_path());
  add->add_option("--user", o->acting_user, "The acting admin")->required();
  add->add_option("--name", o->name, "The new user's name")->required();
  add->add_option("--role", o->role, "nurse, clinician, auditor or admin")
      ->required()
      ->check(CLI::IsMember({"nurse", "clinician", "auditor", "admin"}));
  add_runner(add, [o] { return run_add(*o); });
}

}  // namespace vigil::cli

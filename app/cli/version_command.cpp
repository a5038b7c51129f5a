// `vigilctl version`: the program version and the build's library versions.
#include <sqlite3.h>

#include <iostream>

#include "cli_commands.hpp"
#include "vigil/core/version.hpp"

namespace vigil::cli {

void register_version_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "Print the version of vigilctl and its libraries");
  add_runner(cmd, [] {
    std::cout << "vigilctl " << core::version() << "\nSQLite " << sqlite3_libversion() << '\n';
    return kExitOk;
  });
}

}  // namespace vigil::cli

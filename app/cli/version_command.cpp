// `vigilctl version`: the program version and the build's library versions.
#include <iostream>

#include "cli_commands.hpp"
#include "vigil/core/version.hpp"
#include "vigil/db/store.hpp"

namespace vigil::cli {

void register_version_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "Print the version of vigilctl and its libraries");
  add_runner(cmd, [] {
    std::cout << "vigilctl " << core::version() << "\nSQLite " << db::sqlite_library_version()
              << '\n';
    return kExitOk;
  });
}

}  // namespace vigil::cli

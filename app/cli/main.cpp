// vigilctl: the station's command line (decode, simulate, monitor, audit, export, ...).
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "cli_commands.hpp"
#include "vigil/core/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"vigilctl - command line of the Vigil bedside monitoring station"};
  app.set_version_flag("--version", std::string("vigilctl ") + std::string(vigil::core::version()));
  // A missing subcommand is checked after parsing so that an unknown word is named first.
  app.require_subcommand(0, 1);
  vigil::cli::register_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Usage errors: one line naming what was wrong and the help of the (sub)command it was
    // given to, exit status 2.
    std::string command = "vigilctl";
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
      at = at->get_subcommands().front();
      command += " " + at->get_name();
    }
    std::cerr << "vigilctl: error: " << e.what() << " (see " << command << " --help)\n";
    return 2;
  }
  if (app.get_subcommands().empty()) {
    std::cerr << "vigilctl: error: a subcommand is required (see vigilctl --help)\n";
    return 2;
  }
  return vigil::cli::run_selected(app);
}

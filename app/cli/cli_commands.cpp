#include "cli_commands.hpp"

#include <map>

namespace vigil::cli {
namespace {
std::map<CLI::App*, CommandRunner>& runners() {
  static std::map<CLI::App*, CommandRunner> r;
  return r;
}
}  // namespace

void add_runner(CLI::App* subcommand, CommandRunner runner) {
  runners()[subcommand] = std::move(runner);
}

int run_selected(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands()) {
    // Walk down to the deepest parsed subcommand ("profile check", "audit verify").
    CLI::App* leaf = sub;
    while (!leaf->get_subcommands().empty()) leaf = leaf->get_subcommands().front();
    auto it = runners().find(leaf);
    if (it != runners().end()) return it->second();
  }
  return kExitUsage;
}

void register_version_command(CLI::App& app);
void register_decode_command(CLI::App& app);
void register_monitor_command(CLI::App& app);
void register_profile_command(CLI::App& app);
void register_db_command(CLI::App& app);
void register_user_command(CLI::App& app);
void register_site_command(CLI::App& app);
void register_audit_command(CLI::App& app);
void register_export_command(CLI::App& app);
void register_sessions_command(CLI::App& app);
void register_report_command(CLI::App& app);
void register_simulate_command(CLI::App& app);
void register_demo_command(CLI::App& app);

void register_commands(CLI::App& app) {
  register_decode_command(app);
  register_monitor_command(app);
  register_profile_command(app);
  register_simulate_command(app);
  register_demo_command(app);
  register_version_command(app);
  register_db_command(app);
  register_user_command(app);
  register_site_command(app);
  register_audit_command(app);
  register_export_command(app);
  register_sessions_command(app);
  register_report_command(app);
}

}  // namespace vigil::cli

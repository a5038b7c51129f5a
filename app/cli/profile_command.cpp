// `vigilctl profile show [FILE]` and `vigilctl profile check FILE`: the alarm profile file.
#include <iostream>
#include <memory>
#include <string>

#include "alarm_profile_toml.hpp"
#include "cli_commands.hpp"

namespace vigil::cli {
namespace {

struct ProfileOptions {
  std::string file;  // empty = the built-in default profile (show only)
};

// Problems print one per line as `KEY: RULE`; a file that cannot be read is an error naming it.
int report_failure(const config::ProfileLoadResult& r, const std::string& file, std::ostream& os) {
  if (r.read_error) {
    std::cerr << "vigilctl: error: cannot read " << file << ": " << *r.read_error << '\n';
    return kExitFailure;
  }
  for (const auto& p : r.problems) os << p.key << ": " << p.rule << '\n';
  return kExitFailure;
}

int run_show(const ProfileOptions& o) {
  if (o.file.empty()) {
    std::cout << config::to_toml(core::default_alarm_profile());
    return kExitOk;
  }
  const auto r = config::load_alarm_profile(o.file);
  if (!r.ok()) return report_failure(r, o.file, std::cerr);
  std::cout << config::to_toml(*r.profile);
  return kExitOk;
}

int run_check(const ProfileOptions& o) {
  const auto r = config::load_alarm_profile(o.file);
  if (!r.ok()) return report_failure(r, o.file, std::cout);
  std::cout << "ok\n";
  return kExitOk;
}

}  // namespace

void register_profile_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("profile", "Show or check an alarm profile file (TOML)");
  cmd->require_subcommand(1);

  auto show_options = std::make_shared<ProfileOptions>();
  auto* show = cmd->add_subcommand(
      "show", "Print the effective profile as TOML (the built-in default when no FILE)");
  show->add_option("FILE", show_options->file, "Profile file to load and print");
  add_runner(show, [show_options] { return run_show(*show_options); });

  auto check_options = std::make_shared<ProfileOptions>();
  auto* check = cmd->add_subcommand(
      "check", "Check a profile file: prints ok, or one `KEY: RULE` line per problem");
  check->add_option("FILE", check_options->file, "Profile file to check")->required();
  add_runner(check, [check_options] { return run_check(*check_options); });
}

}  // namespace vigil::cli

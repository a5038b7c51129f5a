// `vigilctl site set --db FILE --user ADMIN --key KEY (--value TEXT | --profile-file FILE)`:
// an admin changes a site setting (audited): idle_lock_minutes, latching, or a stored alarm
// profile "alarm_profile.<name>" that clinicians can choose when they plan a session. A profile
// file is checked first (every problem named by key and rule) and stored as its TOML text.
// `vigilctl site list --db FILE` prints the settings (not clinical content: no sign-in needed).
#include <iostream>
#include <memory>
#include <string>

#include "alarm_profile_toml.hpp"
#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/db/store.hpp"

namespace vigil::cli {
namespace {

struct SiteSetOptions {
  std::string file;
  std::string acting_user;
  std::string key;
  std::string value;
  std::string profile_file;
};

// The value to store, or nullopt after reporting why there is none.
std::optional<std::string> value_to_store(const SiteSetOptions& o) {
  const bool profile_key = o.key.rfind(db::kStoredProfilePrefix, 0) == 0;
  if (o.profile_file.empty()) {
    if (profile_key) {
      report_error("--profile-file: a stored alarm profile (" + o.key + ") comes from a file");
      return std::nullopt;
    }
    return o.value;
  }
  if (!profile_key || o.key.size() == db::kStoredProfilePrefix.size()) {
    report_error("--key: a profile file is stored as alarm_profile.<name> (got '" + o.key + "')");
    return std::nullopt;
  }
  const auto loaded = config::load_alarm_profile(o.profile_file);
  if (!loaded.ok()) {
    if (loaded.read_error) report_error("--profile-file: " + *loaded.read_error);
    for (const auto& p : loaded.problems) report_error(p.key + ": " + p.rule);
    return std::nullopt;
  }
  return config::to_toml(*loaded.profile);
}

int run_set(const SiteSetOptions& o) {
  try {
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor admin = login_from_cli(store, o.acting_user);
    const auto value = value_to_store(o);
    if (!value) return kExitFailure;
    db::set_site_setting(store, admin, o.key, *value, wall_clock_utc_ms());
    std::cout << "set " << o.key << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

int run_list(const std::string& file) {
  try {
    auto store = db::Store::open(file, db::OpenMode::read_only);
    for (const auto& [key, value] : db::site_settings_with_prefix(store, "")) {
      const bool profile = key.rfind(db::kStoredProfilePrefix, 0) == 0;
      std::cout << key << " = " << (profile ? "(alarm profile, TOML)" : value) << '\n';
    }
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

}  // namespace

void register_site_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("site", "Site settings (admin): idle lock, latching, profiles");
  cmd->require_subcommand(1);
  auto o = std::make_shared<SiteSetOptions>();
  auto* set = cmd->add_subcommand("set", "Change a site setting (audited)");
  set->add_option("--db", o->file, "Database file")->required()->check(non_empty_path());
  set->add_option("--user", o->acting_user, "The acting admin")->required();
  set->add_option("--key", o->key, "idle_lock_minutes, latching or alarm_profile.<name>")
      ->required();
  auto* value = set->add_option("--value", o->value, "The new value");
  auto* profile = set->add_option("--profile-file", o->profile_file,
                                  "An alarm profile file (TOML) to store as alarm_profile.<name>");
  value->excludes(profile);
  add_runner(set, [o, value, profile] {
    if (value->count() == 0 && profile->count() == 0) {
      report_error("--value or --profile-file: one is required");
      return kExitUsage;
    }
    return run_set(*o);
  });
  auto list_file = std::make_shared<std::string>();
  auto* list = cmd->add_subcommand("list", "Print the site settings");
  list->add_option("--db", *list_file, "Database file")->required()->check(non_empty_path());
  add_runner(list, [list_file] { return run_list(*list_file); });
}

}  // namespace vigil::cli

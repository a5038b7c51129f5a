#pragma once
// Shared by the database subcommands (db, user, audit, export): passwords from the environment
// or a no-echo terminal prompt, the wall clock, and error reporting.

#include <optional>
#include <string>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::cli {

// The value of `env_var` when set; otherwise a prompt on the terminal without echo (asked twice
// when `confirm`). nullopt when neither is available or the two entries differ.
std::optional<std::string> read_password(const char* env_var, const std::string& prompt,
                                         bool confirm);

db::UtcMs wall_clock_utc_ms();

// Logs `user` in with VIGIL_PASSWORD or a prompt. Throws db::AuthenticationFailed.
db::Actor login_from_cli(db::Store& store, const std::string& user);

// Prints "vigilctl: error: <what>" and returns kExitFailure.
int report_error(const std::string& what);

}  // namespace vigil::cli

#pragma once
// Registration of vigilctl's subcommands. Each subcommand lives in its own file and registers
// a callback that sets the exit status.

#include <CLI/CLI.hpp>

#include <functional>

namespace vigil::cli {

// Exit statuses shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the operation failed (bad file, failed check, ...)
inline constexpr int kExitUsage = 2;    // the command line was wrong

void register_commands(CLI::App& app);

// Runs the parsed subcommand and returns its exit status.
int run_selected(CLI::App& app);

// Used by each subcommand file to hook itself in.
using CommandRunner = std::function<int()>;
void add_runner(CLI::App* subcommand, CommandRunner runner);

}  // namespace vigil::cli

#pragma once
// Command-line checks shared by vigilctl's subcommands. Each returns a CLI11 validator whose
// failure CLI11 prints after the option's name, so a bad value reads "--session: must be a whole
// number >= 1, got 'abc'" and exits 2.

#include <CLI/CLI.hpp>

#include <string>

namespace vigil::cli {

// A whole number >= `min` (no sign tricks, no fraction, no overflow).
CLI::Validator whole_number_from(long long min);

// A finite number in (min, max] (or [min, max] when `min_included`), written in `unit`.
CLI::Validator finite_number(double min, bool min_included, double max, const std::string& unit);

// A path that is not empty (an empty --db would make SQLite use a temporary database).
CLI::Validator non_empty_path();

// A SHA-256 hash as `vigilctl audit head` prints it: 64 lower-case hexadecimal characters.
CLI::Validator sha256_hex();

// A UTC time as YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or with "T" (core::parse_utc_text).
CLI::Validator utc_time();

// True when the two paths name the same file (an existing file by identity, otherwise by their
// normalised absolute paths).
bool same_file(const std::string& a, const std::string& b);

}  // namespace vigil::cli

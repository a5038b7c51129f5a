#pragma once
// Opens a Vigil SQLite database with the durability settings DESIGN.md requires:
// WAL journal, synchronous=FULL, foreign keys on, and Vigil's application id.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace vigil::db {

// 'VGIL' in ASCII: marks a file as a Vigil database (PRAGMA application_id).
inline constexpr std::int32_t kApplicationId = 0x5647494c;

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class OpenMode { create_or_open, open_existing, read_only };

// Throws DatabaseError naming the file and the rule when the file is not a Vigil database
// (another application id, or a non-empty file without one); such a file is never modified.
SQLite::Database open_database(const std::filesystem::path& file, OpenMode mode);

}  // namespace vigil::db

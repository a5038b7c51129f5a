#pragma once
// Opens a Vigil SQLite database with the durability settings of docs/architecture.md:
// WAL journal, synchronous=FULL, foreign keys on, and Vigil's application id; a writable open
// applies the schema migrations (schema.hpp). One writer connection per file: every store
// function takes this connection and never opens its own.

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

// read_only: a live database read beside its writer (WAL is read, -shm may be created).
// archive: a file that must not be touched at all (an archived copy, read-only media): opened
// immutable, so no -wal or -shm file is created, even for root; when a non-empty -wal file lies
// beside it, it is opened as read_only instead so that no committed data is ignored.
enum class OpenMode { create_or_open, open_existing, read_only, archive };

// Throws DatabaseError naming the file and the rule when the file is not a Vigil database
// (another application id, or a non-empty file without one), or when its schema version is newer
// than the program's (the message names both); such a file is never modified.
SQLite::Database open_database(const std::filesystem::path& file, OpenMode mode);

}  // namespace vigil::db

#pragma once
// The schema as versioned migrations. open_database() applies them when it opens a file for
// writing; the version is PRAGMA user_version. A file whose version is newer than this
// program's is refused (DatabaseError naming both versions) before anything is written.

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>

namespace vigil::db {

// The schema version this program writes: the number of migrations it knows.
int program_schema_version();

// PRAGMA user_version of `db`.
int schema_version(SQLite::Database& db);

// Throws DatabaseError when the file's version is newer than program_schema_version().
void check_schema_not_newer(SQLite::Database& db, const std::string& file);

// Applies the missing migrations up to `up_to_version` (default: all), each in its own
// transaction.
void apply_migrations(SQLite::Database& db, const std::string& file,
                      int up_to_version = program_schema_version());

// open_database(file, create_or_open) that migrates only up to `version`: a file as an older
// Vigil wrote it, for upgrade tests. A later open_database() upgrades it.
SQLite::Database open_database_at_schema_version(const std::filesystem::path& file, int version);

}  // namespace vigil::db

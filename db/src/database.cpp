#include "vigil/db/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "vigil/db/schema.hpp"
#include "vigil/db/sha256.hpp"

namespace vigil::db {
namespace {

int flags_for(OpenMode mode) {
  switch (mode) {
    case OpenMode::create_or_open:
      return SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    case OpenMode::open_existing:
      return SQLite::OPEN_READWRITE;
    case OpenMode::read_only:
      return SQLite::OPEN_READONLY;
    case OpenMode::archive:
      return SQLite::OPEN_READONLY | SQLite::OPEN_URI;
  }
  return SQLite::OPEN_READONLY;
}

// file:...?immutable=1 with the characters URIs reserve escaped.
std::string immutable_uri(const std::filesystem::path& file) {
  std::string uri = "file:";
  for (char c : std::filesystem::absolute(file).string()) {
    if (c == '%') {
      uri += "%25";
    } else if (c == '?') {
      uri += "%3f";
    } else if (c == '#') {
      uri += "%23";
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

bool has_live_wal(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file.string() + "-wal", ec);
  return !ec && size > 0;
}

// A station database holds patient names: a file this program creates is owner-only (0600).
// SQLite gives its -wal and -shm files the mode of the database file, so they follow. An
// existing file keeps the mode its owner gave it.
void create_owner_only(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);  // otherwise it exists already, or SQLite's open reports why not
}

bool has_any_table(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
}

// vigil_sha256(text): hex SHA-256, used by the audited-row snapshots (audited_tables.cpp) so
// that a users row is tracked by the hash of its password hash, never the hash itself.
void sql_sha256(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
  const std::string hex = sha256_hex(std::string_view(text, size));
  sqlite3_result_text(ctx, hex.c_str(), static_cast<int>(hex.size()), SQLITE_TRANSIENT);
}

void register_sql_functions(SQLite::Database& db) {
  sqlite3_create_function_v2(db.getHandle(), "vigil_sha256", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, sql_sha256, nullptr, nullptr, nullptr);
}

SQLite::Database open_up_to(const std::filesystem::path& file, OpenMode mode, int version) {
  if (std::filesystem::is_directory(file)) {
    throw DatabaseError("database " + file.string() + ": is a directory, not a database file");
  }
  if (mode == OpenMode::archive && has_live_wal(file)) mode = OpenMode::read_only;
  if (mode == OpenMode::create_or_open) create_owner_only(file);
  SQLite::Database db = [&] {
    try {
      if (mode == OpenMode::archive) {
        if (!std::filesystem::exists(file)) throw SQLite::Exception("no such file");
        return SQLite::Database(immutable_uri(file), flags_for(mode), 5000);
      }
      return SQLite::Database(file.string(), flags_for(mode), /*busy timeout ms*/ 5000);
    } catch (const SQLite::Exception& e) {
      throw DatabaseError("database " + file.string() + ": cannot open: " + e.what());
    }
  }();

  std::int32_t app_id = 0;
  try {
    app_id = db.execAndGet("PRAGMA application_id").getInt();
    if (app_id == 0 && has_any_table(db)) app_id = -1;
  } catch (const SQLite::Exception& e) {
    // "file is not a database": refused before anything is written.
    throw DatabaseError("database " + file.string() + ": not a Vigil database (" + e.what() + ")");
  }
  if (app_id != 0 && app_id != kApplicationId) {
    throw DatabaseError("database " + file.string() +
                        ": not a Vigil database (application_id does not match)");
  }
  const bool reading = mode == OpenMode::read_only || mode == OpenMode::archive;
  if (reading && app_id == 0) {  // nothing to read: an empty file is no Vigil database yet
    throw DatabaseError("database " + file.string() + ": not a Vigil database (empty)");
  }
  register_sql_functions(db);
  // A newer schema is refused before anything (even the journal mode) is written.
  check_schema_not_newer(db, file.string());
  if (mode == OpenMode::read_only || mode == OpenMode::archive) return db;

  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=FULL");
  db.exec("PRAGMA foreign_keys=ON");
  if (app_id == 0) db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
  apply_migrations(db, file.string(), version);
  return db;
}

}  // namespace

SQLite::Database open_database(const std::filesystem::path& file, OpenMode mode) {
  return open_up_to(file, mode, program_schema_version());
}

SQLite::Database open_database_at_schema_version(const std::filesystem::path& file, int version) {
  return open_up_to(file, OpenMode::create_or_open, version);
}

}  // namespace vigil::db

#include "vigil/db/database.hpp"

#include <SQLiteCpp/Statement.h>

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
  }
  return SQLite::OPEN_READONLY;
}

bool has_any_table(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
}

}  // namespace

SQLite::Database open_database(const std::filesystem::path& file, OpenMode mode) {
  SQLite::Database db = [&] {
    try {
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
  if (mode == OpenMode::read_only) return db;

  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=FULL");
  db.exec("PRAGMA foreign_keys=ON");
  if (app_id == 0) db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
  return db;
}

}  // namespace vigil::db

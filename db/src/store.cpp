#include "vigil/db/store.hpp"

#include <sqlite3.h>

#include "vigil/db/database.hpp"

namespace vigil::db {

Store::Store(std::unique_ptr<SQLite::Database> connection, std::filesystem::path file)
    : connection_(std::move(connection)), file_(std::move(file)) {}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& file, OpenMode mode) {
  return adopt_connection(open_database(file, mode), file);
}

std::string sqlite_library_version() { return sqlite3_libversion(); }

SQLite::Database& raw_connection(Store& store) { return *store.connection_; }

Store adopt_connection(SQLite::Database connection, std::filesystem::path file) {
  return Store(std::make_unique<SQLite::Database>(std::move(connection)), std::move(file));
}

}  // namespace vigil::db

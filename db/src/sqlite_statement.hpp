#pragma once
// Raw prepared statements for the recorder's hot path (the sqlite3 C API: no allocation per
// row, bound in place).

#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace vigil::db::detail {

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

[[noreturn]] inline void fail(sqlite3* db, const char* what) {
  throw std::runtime_error(std::string("recorder: ") + what + ": " + sqlite3_errmsg(db));
}

inline Statement prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) {
    fail(db, "prepare");
  }
  return Statement(st);
}

}  // namespace vigil::db::detail

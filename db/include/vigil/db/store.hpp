#pragma once
// The one door to the record (docs/database.md, "The store API"). A Store owns one connection to
// a Vigil database file; every read and write of a record goes through a db/ function that takes
// the Store and the acting user (roles.hpp Actor) or, for a program's own background reads, a
// SystemIdentity. No SQLite type appears in this header: code outside db/ cannot go around the
// role checks, the audit and the validation that those functions apply.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace SQLite {
class Database;
}

namespace vigil::db {

// 'VGIL' in ASCII: marks a file as a Vigil database (PRAGMA application_id).
inline constexpr std::int32_t kApplicationId = 0x5647494c;

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// create_or_open: the station's and vigilctl's writer (created owner-only, 0600).
// open_existing: a writer on a file that must already be a Vigil database.
// read_only: a live database read beside its writer (WAL is read, -shm may be created).
// archive: a file that must not be touched at all (an archived copy, read-only media): opened
// immutable, so no -wal or -shm file is created, even for root; when a non-empty -wal file lies
// beside it, it is opened as read_only instead so that no committed data is ignored.
enum class OpenMode { create_or_open, open_existing, read_only, archive };

// A program acting on its own, never a person: the station's once-a-second watch of the session
// it records, vigilctl checking the audit chain. It reads only what the program needs to run
// (a phase, a baseline, hashes), is never audited for those reads, and is named by `name` in the
// audit log where it writes ("vigilctl" for a chain verification).
struct SystemIdentity {
  std::string name;
};

// The version of the SQLite library the store runs on ("3.40.1").
std::string sqlite_library_version();

class Store {
 public:
  // Opens with the durability settings of docs/database.md (WAL, synchronous=FULL, foreign keys,
  // Vigil's application id); a writable open applies the schema migrations. Throws
  // DatabaseError naming the file and the rule for a file that is not a Vigil database, a newer
  // schema, or a directory; such a file is never modified.
  static Store open(const std::filesystem::path& file, OpenMode mode);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::filesystem::path& file() const noexcept { return file_; }

 private:
  Store(std::unique_ptr<SQLite::Database> connection, std::filesystem::path file);
  friend SQLite::Database& raw_connection(Store& store);
  friend Store adopt_connection(SQLite::Database connection, std::filesystem::path file);

  std::unique_ptr<SQLite::Database> connection_;
  std::filesystem::path file_;
};

}  // namespace vigil::db

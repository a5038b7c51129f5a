#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "vigil/db/database.hpp"

using namespace vigil::db;
namespace fs = std::filesystem;

namespace {
class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() /
              ("vigil-db-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const char* name) const { return path_ / name; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};
}  // namespace

TEST(Database, NewFileGetsWalFullSyncAndVigilId) {
  TempDir dir;
  auto store = Store::open(dir / "vigil.db", OpenMode::create_or_open);
  SQLite::Database& db = raw_connection(store);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.execAndGet("PRAGMA synchronous").getInt(), 2);  // FULL
  EXPECT_EQ(db.execAndGet("PRAGMA foreign_keys").getInt(), 1);
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt(), kApplicationId);
}

TEST(Database, RefusesAndDoesNotTouchAFileThatIsNotVigils) {
  TempDir dir;
  const auto text = dir / "notes.txt";
  { std::ofstream(text) << "this is not a database, it is a nurse's shopping list\n"; }
  const auto before = fs::file_size(text);
  EXPECT_THROW(open_database(text, OpenMode::open_existing), DatabaseError);
  EXPECT_EQ(fs::file_size(text), before);

  const auto other = dir / "other.db";
  {
    SQLite::Database foreign(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    foreign.exec("CREATE TABLE t(x)");
  }
  try {
    open_database(other, OpenMode::open_existing);
    FAIL() << "a foreign database was accepted";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("not a Vigil database"), std::string::npos);
  }
}

TEST(Database, ADirectoryIsNamedAsSuch) {
  TempDir dir;
  fs::create_directories(dir / "folder.db");
  for (const auto mode : {OpenMode::create_or_open, OpenMode::open_existing, OpenMode::read_only,
                          OpenMode::archive}) {
    try {
      open_database(dir / "folder.db", mode);
      ADD_FAILURE() << "a directory opened";
    } catch (const DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
    }
  }
}

// Reading an empty file (an export target, a file made by mistake) says what it is instead of
// "no such table", and leaves it empty.
TEST(Database, AnEmptyFileIsNoVigilDatabaseToRead) {
  TempDir dir;
  const auto empty = dir / "empty.db";
  { std::ofstream touch(empty); }
  for (const auto mode : {OpenMode::read_only, OpenMode::archive}) {
    try {
      open_database(empty, mode);
      ADD_FAILURE() << "an empty file opened for reading";
    } catch (const DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find("not a Vigil database (empty)"), std::string::npos)
          << e.what();
    }
    EXPECT_EQ(fs::file_size(empty), 0u);
  }
}

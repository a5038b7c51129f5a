#pragma once
// The raw connection under a Store, for db/'s own sources and for tests (which tamper with rows
// to prove the audit catches it). Code outside db/ and tests/ never includes this header: it
// uses Store (store.hpp) and the store functions (a ctest check keeps app/ free of SQL).
//
// open_database opens a Vigil SQLite database with the durability settings of
// docs/database.md: WAL journal, synchronous=FULL, foreign keys on, and Vigil's application id;
// a writable open applies the schema migrations (schema.hpp). One writer connection per file:
// every store function takes its Store and never opens its own connection.

#include <SQLiteCpp/Database.h>

#include <filesystem>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/store.hpp"

namespace vigil::db {

// Throws DatabaseError naming the file and the rule when the file is not a Vigil database
// (another application id, or a non-empty file without one), or when its schema version is newer
// than the program's (the message names both); such a file is never modified. A file it creates
// is owner-only (0600): a station database holds patient names.
SQLite::Database open_database(const std::filesystem::path& file, OpenMode mode);

// The connection a Store owns.
SQLite::Database& raw_connection(Store& store);
// A Store owning an already open connection (tests, and open_database_at_schema_version users).
Store adopt_connection(SQLite::Database connection, std::filesystem::path file);

// Appends an audit entry after the current head. Call inside the transaction of the change it
// records; seq, prev_hash and hash are filled in. Returns the stored entry.
AuditEntry append_audit_entry(SQLite::Database& db, AuditEntry entry);

}  // namespace vigil::db

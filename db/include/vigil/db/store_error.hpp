#pragma once
// The store's error model: every refused store call throws one of these. All derive from
// StoreError (itself a DatabaseError), so a caller that only reports can catch StoreError.
//   PermissionDenied     the actor's role may not perform the action ("role auditor may not
//                        record_administration"); the refusal is already in the audit log.
//   ValidationError      bad input; the message names the field and the rule.
//   AuthenticationFailed wrong name or password, inactive or locked account (audited).
//   NotFound             the record named by an id does not exist.
// SQLite errors (a trigger refusing a change, a full disk) propagate as SQLite::Exception, a
// std::runtime_error.

#include <cstdint>
#include <string>

#include "vigil/db/store.hpp"

namespace vigil::db {

// UTC wall-clock time in milliseconds since the Unix epoch, as stored in every *_utc_ms column.
using UtcMs = std::int64_t;
using RowId = std::int64_t;

class StoreError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class PermissionDenied : public StoreError {
 public:
  using StoreError::StoreError;
};

class ValidationError : public StoreError {
 public:
  using StoreError::StoreError;
};

class AuthenticationFailed : public StoreError {
 public:
  using StoreError::StoreError;
};

class NotFound : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace vigil::db

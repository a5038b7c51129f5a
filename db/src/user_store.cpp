// Users, passwords (argon2id), logins and lockout.
#include "vigil/db/user_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sodium.h>

#include <nlohmann/json.hpp>

#include <array>
#include <mutex>

#include "audit_write.hpp"

namespace vigil::db {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw StoreError("libsodium failed to initialise");
  });
}

void check_name(std::string_view name) {
  if (name.empty() || name.size() > 64) throw ValidationError("name: must be 1-64 characters");
  for (const unsigned char c : name) {
    // A name is printed on signatures and in the audit log, one line per entry.
    if (c < 0x20 || c == 0x7f) {
      throw ValidationError(
          "name: printable characters only (no tab, line break or control "
          "character)");
    }
  }
}

struct UserRow {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::nurse;
  std::string hash;
  bool active = false;
  int failed = 0;
  std::optional<UtcMs> locked_until;
  Actor actor() const { return Actor{id, name, role}; }
};

std::optional<UserRow> find_user(SQLite::Database& db, const std::string& where,
                                 std::string_view name_or_empty, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT id, name, role, password_hash, active, failed_attempts, "
                      "locked_until_utc_ms FROM users WHERE " +
                          where);
  if (name_or_empty.empty()) {
    q.bind(1, id);
  } else {
    q.bind(1, std::string(name_or_empty));
  }
  if (!q.executeStep()) return std::nullopt;
  UserRow u;
  u.id = q.getColumn(0).getInt64();
  u.name = q.getColumn(1).getString();
  u.role = role_from_name(q.getColumn(2).getString()).value_or(Role::nurse);
  u.hash = q.getColumn(3).getString();
  u.active = q.getColumn(4).getInt() == 1;
  u.failed = q.getColumn(5).getInt();
  if (!q.getColumn(6).isNull()) u.locked_until = q.getColumn(6).getInt64();
  return u;
}
std::optional<UserRow> user_by_name(SQLite::Database& db, std::string_view name) {
  if (name.empty()) return std::nullopt;
  return find_user(db, "name = ?", name, 0);
}
std::optional<UserRow> user_by_id(SQLite::Database& db, std::int64_t id) {
  return find_user(db, "id = ?", {}, id);
}

Actor insert_user(SQLite::Database& db, std::optional<std::int64_t> by_id, std::string_view by,
                  std::string_view name, Role role, std::string_view password, UtcMs now,
                  PasswordCost cost) {
  check_name(name);
  const std::string hash = hash_password(password, cost);
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (user_by_name(db, name)) {
    throw ValidationError("name: a user named " + std::string(name) + " already exists");
  }
  SQLite::Statement ins(db, "INSERT INTO users (name, role, password_hash) VALUES (?,?,?)");
  ins.bind(1, std::string(name));
  ins.bind(2, std::string(role_name(role)));
  ins.bind(3, hash);
  ins.exec();
  const Actor created{db.getLastInsertRowid(), std::string(name), role};
  audit_row_change_as(db, by_id, by, "create_user", "users", created.id, std::nullopt, now);
  tx.commit();
  return created;
}

// A failed attempt against an existing user: counted, locking at the limit; committed.
void record_failure(SQLite::Database& db, const UserRow& u, std::string_view action, UtcMs now) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  auto before = snapshot_before(db, "users", u.id);
  const int failed = u.failed + 1;
  SQLite::Statement up(db,
                       "UPDATE users SET failed_attempts = ?, locked_until_utc_ms = ? "
                       "WHERE id = ?");
  up.bind(1, failed >= kMaxFailedLogins ? 0 : failed);
  if (failed >= kMaxFailedLogins) up.bind(2, now + kLockoutMs);
  up.bind(3, u.id);
  up.exec();
  audit_row_change(db, u.actor(), action, "users", u.id, std::move(before), now);
  tx.commit();
}

[[noreturn]] void refuse_login(SQLite::Database& db, const UserRow* u, std::string_view name,
                               std::string_view why, UtcMs now) {
  nlohmann::ordered_json j;
  j["name"] = std::string(name);
  j["reason"] = std::string(why);
  audit_event(db, nullptr, name, "login_failed", "users", j.dump(), now);
  if (u != nullptr && u->locked_until && *u->locked_until > now) {
    throw AuthenticationFailed("authentication failed: account locked until " +
                               std::to_string(*u->locked_until) + " (UTC ms)");
  }
  throw AuthenticationFailed("authentication failed");
}

// Checks the password of `u`; on failure records it and throws.
void check_password(SQLite::Database& db, const UserRow& u, std::string_view password,
                    std::string_view failure_action, UtcMs now) {
  if (!u.active) refuse_login(db, &u, u.name, "inactive account", now);
  if (u.locked_until && *u.locked_until > now) refuse_login(db, &u, u.name, "locked", now);
  if (!password_matches(u.hash, password)) {
    record_failure(db, u, failure_action, now);
    throw AuthenticationFailed("authentication failed");
  }
}

}  // namespace

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
PasswordCost PasswordCost::cheapest() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::string hash_password(std::string_view password, PasswordCost cost) {
  ensure_sodium();
  if (password.size() < kMinPasswordLength) {
    throw ValidationError("password: at least " + std::to_string(kMinPasswordLength) +
                          " characters");
  }
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.opslimit,
                            cost.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw StoreError("argon2id: out of memory while hashing the password");
  }
  return std::string(out.data());
}

bool password_matches(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  const std::string h(stored_hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool has_users(Store& store) {
  return raw_connection(store).execAndGet("SELECT count(*) FROM users").getInt64() != 0;
}

Actor create_first_admin(Store& store, std::string_view name, std::string_view password, UtcMs now,
                         PasswordCost cost) {
  SQLite::Database& db = raw_connection(store);
  if (db.execAndGet("SELECT count(*) FROM users").getInt64() != 0) {
    throw ValidationError("admin: the database already has users; add users as an admin");
  }
  return insert_user(db, std::nullopt, "vigilctl", name, Role::admin, password, now, cost);
}

std::vector<UserListing> list_active_users(Store& store, const Actor& actor,
                                           std::optional<Role> role, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SQLite::Statement q(db,
                      "SELECT id, name, role FROM users WHERE active = 1 "
                      "AND (?1 IS NULL OR role = ?1) ORDER BY name COLLATE NOCASE, name");
  if (role) q.bind(1, std::string(role_name(*role)));
  std::vector<UserListing> out;
  while (q.executeStep()) {
    const auto r = role_from_name(q.getColumn(2).getString());
    if (!r) throw StoreError("users: unknown role '" + q.getColumn(2).getString() + "'");
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), *r});
  }
  return out;
}

Actor add_user(Store& store, const Actor& admin, std::string_view name, Role role,
               std::string_view password, UtcMs now, PasswordCost cost) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, admin, Action::manage_users, now, [&] {
    return insert_user(db, admin.id, admin.name, name, role, password, now, cost);
  });
}

void set_user_active(Store& store, const Actor& admin, std::int64_t user_id, bool active,
                     UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, admin, Action::manage_users, now, [&] {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db, "users", user_id);
    auto before = snapshot_before(db, "users", user_id);
    SQLite::Statement up(db, "UPDATE users SET active = ? WHERE id = ?");
    up.bind(1, active ? 1 : 0);
    up.bind(2, user_id);
    up.exec();
    audit_row_change(db, admin, active ? "activate_user" : "deactivate_user", "users", user_id,
                     std::move(before), now);
    tx.commit();
  });
}

void unlock_user(Store& store, const Actor& admin, std::int64_t user_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, admin, Action::manage_users, now, [&] {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db, "users", user_id);
    auto before = snapshot_before(db, "users", user_id);
    SQLite::Statement up(db,
                         "UPDATE users SET failed_attempts = 0, locked_until_utc_ms = NULL "
                         "WHERE id = ?");
    up.bind(1, user_id);
    up.exec();
    audit_row_change(db, admin, "unlock_user", "users", user_id, std::move(before), now);
    tx.commit();
  });
}

// After a correct password the count of failures in a row starts again (audited as `action`).
void reset_failed_attempts(SQLite::Database& db, const UserRow& u, std::string_view action,
                           UtcMs now) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  auto before = snapshot_before(db, "users", u.id);
  SQLite::Statement up(db,
                       "UPDATE users SET failed_attempts = 0, locked_until_utc_ms = NULL "
                       "WHERE id = ?");
  up.bind(1, u.id);
  up.exec();
  audit_row_change(db, u.actor(), action, "users", u.id, std::move(before), now);
  tx.commit();
}

Actor authenticate(Store& store, std::string_view name, std::string_view password, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  const auto u = user_by_name(db, name);
  if (!u) refuse_login(db, nullptr, name, "unknown user", now);
  check_password(db, *u, password, "login_failed", now);
  reset_failed_attempts(db, *u, "login", now);
  return u->actor();
}

void reauthenticate(Store& store, const Actor& actor, std::string_view password, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  const auto u = user_by_id(db, actor.id);
  if (!u || u->name != actor.name) refuse_login(db, nullptr, actor.name, "unknown user", now);
  check_password(db, *u, password, "signature_password_failed", now);
  // "Five failed logins in a row": a correct signature password ends the row too.
  if (u->failed != 0) reset_failed_attempts(db, *u, "signature_password_ok", now);
}

}  // namespace vigil::db

#pragma once
// Users, passwords and logins. Passwords are argon2id (libsodium crypto_pwhash_str), at least
// 10 characters. Five failed logins in a row lock the account for 5 minutes. Every login,
// failed or not, is audited; so are user changes (admin only).

#include "vigil/db/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr int kMaxFailedLogins = 5;
inline constexpr UtcMs kLockoutMs = 5 * 60 * 1000;

// argon2id cost. interactive() is the production setting (libsodium OPSLIMIT/MEMLIMIT
// _INTERACTIVE: 2 passes, 64 MiB). cheapest() (1 pass, 8 KiB) exists only so that test suites
// that create many users stay fast; never use it for real accounts.
struct PasswordCost {
  unsigned long long opslimit = 0;
  std::size_t memlimit = 0;
  static PasswordCost interactive();
  static PasswordCost cheapest();
};

// argon2id hash in crypto_pwhash_str format; throws ValidationError ("password: at least 10
// characters") for a short password.
std::string hash_password(std::string_view password, PasswordCost cost);
bool password_matches(std::string_view stored_hash, std::string_view password);

// True once the database has a user (the first admin): `vigilctl db init` refuses such a file
// before it asks for a password. Tells nothing about any account.
bool has_users(Store& store);

// Creates the first admin of an empty database (no users yet); throws ValidationError when a
// user already exists. Audited as actor "vigilctl" (there is no user yet).
Actor create_first_admin(Store& store, std::string_view name, std::string_view password, UtcMs now,
                         PasswordCost cost = PasswordCost::interactive());

// Admin only.
Actor add_user(Store& store, const Actor& admin, std::string_view name, Role role,
               std::string_view password, UtcMs now,
               PasswordCost cost = PasswordCost::interactive());
void set_user_active(Store& store, const Actor& admin, std::int64_t user_id, bool active,
                     UtcMs now);
void unlock_user(Store& store, const Actor& admin, std::int64_t user_id, UtcMs now);

// A user as a form lists them (a session's nurse): no password hash, no lock state.
struct UserListing {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::nurse;
};

// The active users, of `role` only when given, ordered by name (case-insensitive). For those who
// may read records (nurse, clinician, auditor); an admin is refused: the admin's own view of the
// accounts (inactive and locked ones included) belongs with manage_users, not with this list.
// Role-checked, not audited (a list, like find_patients).
std::vector<UserListing> list_active_users(Store& store, const Actor& actor,
                                           std::optional<Role> role, UtcMs now);

// Checks name and password. Throws AuthenticationFailed ("authentication failed" or
// "authentication failed: account locked until <ms>") for an unknown name, a wrong password,
// an inactive or a locked account.
Actor authenticate(Store& store, std::string_view name, std::string_view password, UtcMs now);

// Re-checks the password of an already authenticated actor (e-signatures); a wrong password
// counts as a failed login. Throws AuthenticationFailed.
void reauthenticate(Store& store, const Actor& actor, std::string_view password, UtcMs now);

}  // namespace vigil::db

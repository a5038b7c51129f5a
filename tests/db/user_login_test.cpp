#include <gtest/gtest.h>

#include "db_test_support.hpp"

using namespace vigil::db;
using namespace vigil::db::test;

TEST(DbUserLogin, PasswordsAreArgon2idAndAtLeastTenCharacters) {
  StoreFixture f;
  const auto hash =
      f.db.execAndGet("SELECT password_hash FROM users WHERE name='nina'").getString();
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  try {
    add_user(f.store, f.admin, "short", Role::nurse, "123456789", f.tick(),
             PasswordCost::cheapest());
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "password: at least 10 characters");
  }
  EXPECT_THROW(add_user(f.store, f.admin, "nina", Role::nurse, kPassword, f.tick(),
                        PasswordCost::cheapest()),
               ValidationError);
}

TEST(DbUserLogin, InteractiveCostIsLibsodiumInteractive) {
  const auto hash = hash_password("a long enough password", PasswordCost::interactive());
  EXPECT_NE(hash.find("m=65536,t=2"), std::string::npos) << hash;
}

TEST(DbUserLogin, SuccessAndFailureAreAudited) {
  StoreFixture f;
  const Actor a = authenticate(f.store, "nina", kPassword, f.tick());
  EXPECT_EQ(a.id, f.nurse.id);
  EXPECT_EQ(a.role, Role::nurse);
  EXPECT_EQ(f.last_action(), "login");
  EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  EXPECT_EQ(f.last_action(), "login_failed");
  EXPECT_THROW(authenticate(f.store, "nobody", kPassword, f.tick()), AuthenticationFailed);
  EXPECT_EQ(f.last_action(), "login_failed");
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbUserLogin, FiveFailuresLockForFiveMinutes) {
  StoreFixture f;
  for (int i = 0; i < kMaxFailedLogins; ++i) {
    EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  }
  const UtcMs locked_at = f.now;
  try {
    authenticate(f.store, "nina", kPassword, locked_at + 1000);
    FAIL() << "a locked account logged in";
  } catch (const AuthenticationFailed& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
  EXPECT_THROW(authenticate(f.store, "nina", kPassword, locked_at + kLockoutMs - 1),
               AuthenticationFailed);
  EXPECT_NO_THROW(authenticate(f.store, "nina", kPassword, locked_at + kLockoutMs));
  EXPECT_EQ(f.db.execAndGet("SELECT failed_attempts FROM users WHERE name='nina'").getInt(), 0);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbUserLogin, FourFailuresDoNotLockAndSuccessResetsTheCount) {
  StoreFixture f;
  for (int i = 0; i < kMaxFailedLogins - 1; ++i) {
    EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  }
  EXPECT_NO_THROW(authenticate(f.store, "nina", kPassword, f.tick()));
  EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  EXPECT_NO_THROW(authenticate(f.store, "nina", kPassword, f.tick()));
}

// Failures count in a row whether they were at login or at a signature: a correct signature
// password ends the row, so typos spread over a shift do not add up to a lockout.
TEST(DbUserLogin, CorrectSignaturePasswordResetsTheCount) {
  StoreFixture f;
  for (int i = 0; i < kMaxFailedLogins - 1; ++i) {
    EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  }
  reauthenticate(f.store, f.nurse, kPassword, f.tick());
  EXPECT_EQ(f.last_action(), "signature_password_ok");
  EXPECT_EQ(f.db.execAndGet("SELECT failed_attempts FROM users WHERE name='nina'").getInt(), 0);
  EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  EXPECT_NO_THROW(authenticate(f.store, "nina", kPassword, f.tick())) << "one failure, not five";
  const auto entries = f.audit_count();
  reauthenticate(f.store, f.nurse, kPassword, f.tick());
  EXPECT_EQ(f.audit_count(), entries) << "nothing to reset, nothing written";
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbUserLogin, AdminUnlocksAndDeactivates) {
  StoreFixture f;
  for (int i = 0; i < kMaxFailedLogins; ++i) {
    EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  }
  unlock_user(f.store, f.admin, f.nurse.id, f.tick());
  EXPECT_NO_THROW(authenticate(f.store, "nina", kPassword, f.tick()));
  set_user_active(f.store, f.admin, f.nurse.id, false, f.tick());
  EXPECT_THROW(authenticate(f.store, "nina", kPassword, f.tick()), AuthenticationFailed);
  EXPECT_TRUE(verify_audit_chain(f.store).ok);
}

TEST(DbUserLogin, FirstAdminOnlyOnAnEmptyDatabase) {
  StoreFixture f;
  EXPECT_THROW(create_first_admin(f.store, "root", kPassword, f.tick(), PasswordCost::cheapest()),
               ValidationError);
  SQLite::Statement q(f.db, "SELECT actor_id, actor_name FROM audit_log WHERE seq = 1");
  ASSERT_TRUE(q.executeStep());
  EXPECT_TRUE(q.getColumn(0).isNull());
  EXPECT_EQ(q.getColumn(1).getString(), "vigilctl");
}

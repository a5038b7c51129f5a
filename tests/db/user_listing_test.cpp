// The active users as a form lists them (the planning form's nurse).
#include <gtest/gtest.h>

#include "db_test_support.hpp"

namespace vigil::db {
namespace {

using test::kPassword;
using test::StoreFixture;

Actor add(StoreFixture& f, const char* name, Role role) {
  return add_user(f.store, f.admin, name, role, kPassword, f.tick(), PasswordCost::cheapest());
}

std::vector<std::string> names(const std::vector<UserListing>& users) {
  std::vector<std::string> out;
  for (const auto& u : users) out.push_back(u.name);
  return out;
}

TEST(DbUserListing, ListsOnlyTheActiveUsersOfTheRoleOrderedByName) {
  StoreFixture f;
  const Actor zoe = add(f, "Zoe", Role::nurse);
  add(f, "bea", Role::nurse);
  const Actor gone = add(f, "Al", Role::nurse);
  set_user_active(f.store, f.admin, gone.id, false, f.tick());
  const auto nurses = list_active_users(f.store, f.clinician, Role::nurse, f.tick());
  EXPECT_EQ(names(nurses), (std::vector<std::string>{"bea", "nina", "Zoe"}))
      << "no clinician, auditor or admin, not the inactive Al; by name, case aside";
  ASSERT_EQ(nurses.size(), 3u);
  EXPECT_EQ(nurses[2].id, zoe.id);
  EXPECT_EQ(nurses[2].role, Role::nurse);
  EXPECT_EQ(names(list_active_users(f.store, f.nurse, Role::clinician, f.tick())),
            std::vector<std::string>{"carl"});
  EXPECT_EQ(names(list_active_users(f.store, f.nurse, Role::admin, f.tick())),
            std::vector<std::string>{"admin"});
}

TEST(DbUserListing, WithoutARoleEveryActiveUserIsListed) {
  StoreFixture f;
  const auto all = list_active_users(f.store, f.auditor, std::nullopt, f.tick());
  EXPECT_EQ(names(all), (std::vector<std::string>{"admin", "aud", "carl", "nina"}));
  EXPECT_EQ(all[1].role, Role::auditor);
  EXPECT_EQ(all[2].role, Role::clinician);
}

TEST(DbUserListing, ALockedNurseIsStillListedAndTheListIsNotAudited) {
  StoreFixture f;
  for (int i = 0; i < kMaxFailedLogins; ++i) {
    EXPECT_THROW(authenticate(f.store, "nina", "wrong password!", f.tick()), AuthenticationFailed);
  }
  const auto before = f.audit_count();
  EXPECT_EQ(names(list_active_users(f.store, f.auditor, Role::nurse, f.tick())),
            std::vector<std::string>{"nina"})
      << "a lock ends in 5 minutes; the nurse still works here";
  EXPECT_EQ(f.audit_count(), before);
}

TEST(DbUserListing, AnAdminAndAnInactiveActorAreRefusedAndTheRefusalIsAudited) {
  StoreFixture f;
  try {
    list_active_users(f.store, f.admin, Role::nurse, f.tick());
    ADD_FAILURE() << "an admin was given the list";
  } catch (const PermissionDenied& e) {
    EXPECT_STREQ(e.what(), "role admin may not read_records");
  }
  EXPECT_EQ(f.last_action(), "refused");
  set_user_active(f.store, f.admin, f.nurse.id, false, f.tick());
  EXPECT_THROW(list_active_users(f.store, f.nurse, Role::nurse, f.tick()), PermissionDenied);
}

}  // namespace
}  // namespace vigil::db

// The shipped core/profiles/default_alarm_profile.toml is default_alarm_profile(), and safe.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "alarm_profile_toml.hpp"
#include "profile_equality.hpp"

using namespace vigil;

namespace {
std::filesystem::path default_profile_file() {
  const char* root = std::getenv("VIGIL_SOURCE_DIR");
  return std::filesystem::path(root ? root : VIGIL_SOURCE_DIR) /
         "core/profiles/default_alarm_profile.toml";
}
}  // namespace

TEST(DefaultProfileFile, LoadsToExactlyTheBuiltInDefault) {
  const auto r = config::load_alarm_profile(default_profile_file());
  ASSERT_FALSE(r.read_error) << *r.read_error;
  for (const auto& p : r.problems) ADD_FAILURE() << p.key << ": " << p.rule;
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(test::profile_differences(*r.profile, core::default_alarm_profile()),
            std::vector<std::string>{});
}

TEST(DefaultProfileFile, BuiltInDefaultValidatesWithoutProblems) {
  EXPECT_EQ(core::validate_alarm_profile(core::default_alarm_profile()),
            std::vector<core::ProfileProblem>{});
}

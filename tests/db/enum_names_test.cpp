// Every named enum of db: each enumerator has a name, names are unique and read back.
#include <gtest/gtest.h>

#include "support/enum_round_trip.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::db {
namespace {

template <typename E>
class DbEnumNames : public ::testing::Test {};

using DbNamedEnums = ::testing::Types<Role, Action, NoteType, SignatureMeaning, Scale>;
TYPED_TEST_SUITE(DbEnumNames, DbNamedEnums);

TYPED_TEST(DbEnumNames, EveryEnumeratorRoundTripsThroughItsName) {
  test::expect_names_round_trip<TypeParam>();
}

TEST(DbEnumNames, CountsAreDerived) {
  static_assert(role_count == 4);
  static_assert(action_count == 25);
  EXPECT_EQ(role_from_name("auditor"), Role::auditor);
  EXPECT_EQ(action_name(Action::change_site_settings), "change_site_settings");
}

}  // namespace
}  // namespace vigil::db

#pragma once
// Round-trips every enumerator of a named enum (core/enum_names.hpp) through its name.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::test {

template <core::NamedEnum E>
void expect_names_round_trip() {
  std::set<std::string_view> seen;
  for (E e : core::enum_values<E>) {
    const std::string_view name = enum_name(e);
    EXPECT_FALSE(name.empty()) << "enumerator " << static_cast<int>(e) << " has no name";
    EXPECT_TRUE(seen.insert(name).second) << "name '" << name << "' is used twice";
    EXPECT_EQ(core::enum_from_name<E>(name), e) << "name '" << name << "' does not read back";
  }
  EXPECT_EQ(seen.size(), core::enum_count<E>());
  EXPECT_FALSE(core::enum_from_name<E>("").has_value());
  EXPECT_FALSE(core::enum_from_name<E>("no-such-name").has_value());
}

}  // namespace vigil::test

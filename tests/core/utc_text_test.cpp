#include "vigil/core/utc_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace vigil::core {
namespace {

TEST(UtcText, MillisecondsSinceTheEpochReadAsUtcDateAndTime) {
  EXPECT_EQ(utc_text(0), "1970-01-01 00:00:00.000");
  EXPECT_EQ(utc_text(1'790'000'000'000), "2026-09-21 14:13:20.000");
  EXPECT_EQ(utc_text(1'796'317'531'739), "2026-12-03 17:05:31.739");
  EXPECT_EQ(utc_text(-1), "1969-12-31 23:59:59.999");  // floor, not truncation
  // Any value a file may hold is text, never undefined behaviour.
  EXPECT_FALSE(utc_text(INT64_MIN).empty());
  EXPECT_FALSE(utc_text(INT64_MAX).empty());
}

}  // namespace
}  // namespace vigil::core

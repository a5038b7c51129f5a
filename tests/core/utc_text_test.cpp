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

TEST(UtcText, ParsesTheDateAndTimeForms) {
  EXPECT_EQ(parse_utc_text("1970-01-01"), 0);
  EXPECT_EQ(parse_utc_text("2026-09-21 14:13:20"), 1'790'000'000'000);
  EXPECT_EQ(parse_utc_text("2026-09-21T14:13:20Z"), 1'790'000'000'000);
  EXPECT_EQ(parse_utc_text("2026-09-21T14:13"), 1'790'000'000'000 - 20'000);
  EXPECT_EQ(parse_utc_text("2024-02-29"), 1'709'164'800'000);
  EXPECT_EQ(parse_utc_text("1969-12-31 23:59:59"), -1000);
  for (const char* bad : {"", "2026-9-21", "2026-02-29", "2026-13-01", "2026-01-32",
                          "2026-01-01 24:00", "2026-01-01 10:60", "2026-01-01x10:00",
                          "2026-01-01 10:00:5", "tomorrow", "2026-01-01 10:00:00.5"}) {
    EXPECT_FALSE(parse_utc_text(bad)) << bad;
  }
  // Round trip with the printed form (the printed one carries milliseconds).
  EXPECT_EQ(utc_text(*parse_utc_text("2026-12-03 17:05:31")), "2026-12-03 17:05:31.000");
}

}  // namespace
}  // namespace vigil::core

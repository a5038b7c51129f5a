// Reading a profile file: every structural problem named by key and rule, then validation.
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>

#include "alarm_profile_toml.hpp"

using namespace vigil;

namespace {

// The default profile as TOML with the first `from` replaced by `to`.
std::string default_with(std::string_view from, std::string_view to) {
  std::string text = config::to_toml(core::default_alarm_profile());
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// True when some problem has exactly `key` and a rule containing `rule_part`.
::testing::AssertionResult has_problem(const config::ProfileLoadResult& r, std::string_view key,
                                       std::string_view rule_part) {
  std::string all;
  for (const auto& p : r.problems) {
    if (p.key == key && p.rule.find(rule_part) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
    all += "\n  " + p.key + ": " + p.rule;
  }
  return ::testing::AssertionFailure()
         << "no problem `" << key << "` with \"" << rule_part << "\" among:" << all;
}

config::ProfileLoadResult load(const std::string& text) {
  return config::load_alarm_profile_from_string(text, "site.toml");
}

}  // namespace

TEST(AlarmProfileTomlReader, DefaultTextLoads) {
  const auto r = load(config::to_toml(core::default_alarm_profile()));
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.problems.empty());
}

struct StructureCase {
  const char* name;
  const char* from;
  const char* to;
  const char* key;
  const char* rule_part;
};

// ctest and gtest name each case by its name instead of printing the struct's bytes.
void PrintTo(const StructureCase& c, std::ostream* os) { *os << c.name; }

class AlarmProfileTomlStructure : public ::testing::TestWithParam<StructureCase> {};

TEST_P(AlarmProfileTomlStructure, NamesTheKeyAndTheRule) {
  const auto& c = GetParam();
  const auto r = load(default_with(c.from, c.to));
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.profile);
  EXPECT_TRUE(has_problem(r, c.key, c.rule_part));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AlarmProfileTomlStructure,
    ::testing::Values(
        StructureCase{"typo_in_limit_key", "threshold = 90", "treshold = 90", "limit[1].treshold",
                      "typos must not silently disable an alarm"},
        StructureCase{"typo_leaves_key_missing", "threshold = 90", "treshold = 90",
                      "limit[1].threshold", "missing key `limit[1].threshold`"},
        StructureCase{"typo_in_top_level_key", "latching = false", "latchng = false", "latchng",
                      "unknown key `latchng`"},
        StructureCase{"typo_in_table_name", "[nibp_rise]", "[nibp_rice]", "nibp_rice",
                      "unknown key"},
        StructureCase{"unknown_hysteresis_channel", "spo2 = 1", "spo3 = 1", "hysteresis.spo3",
                      "valid channels: spo2, pulse_rate"},
        StructureCase{"unknown_technical_condition", "[technical.low_battery]",
                      "[technical.low_batery]", "technical.low_batery",
                      "valid conditions: sensor_off, no_data"},
        StructureCase{"missing_top_level_key", "audio_pause_s = 120\n", "", "audio_pause_s",
                      "a profile file must be complete"},
        StructureCase{"threshold_is_a_string", "threshold = 90", "threshold = \"90\"",
                      "limit[1].threshold", "expected a number, got a string"},
        StructureCase{"audio_pause_not_integer", "audio_pause_s = 120", "audio_pause_s = 120.5",
                      "audio_pause_s", "expected an integer, got a floating-point number"},
        StructureCase{"latching_not_boolean", "latching = false", "latching = \"no\"", "latching",
                      "expected a boolean"},
        StructureCase{"hysteresis_not_a_table", "[hysteresis]", "hysteresis = 1\n[hysteresis_x]",
                      "hysteresis", "expected a table"},
        StructureCase{"unknown_channel_name", "channel = \"spo2\"", "channel = \"sp02\"",
                      "limit[1].channel", "unknown channel `sp02`"},
        StructureCase{"unknown_comparison", "comparison = \"below\"", "comparison = \"under\"",
                      "limit[1].comparison", "valid comparisons: below, at_or_below, above"},
        StructureCase{"unknown_priority", "priority = \"medium\"", "priority = \"urgent\"",
                      "nibp_rise.priority", "valid priorities: low, medium, high"},
        StructureCase{"infinite_delay", "delay_s = 10", "delay_s = inf",
                      "technical.sensor_off.delay_s", "finite number of seconds"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AlarmProfileTomlReader, ParseErrorGivesFileLineAndColumn) {
  const auto r = load("audio_pause_s = 120\nlatching = = false\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].key.rfind("site.toml:2:", 0), 0u) << r.problems[0].key;
  EXPECT_EQ(r.problems[0].rule.rfind("TOML parse error: ", 0), 0u) << r.problems[0].rule;
}

TEST(AlarmProfileTomlReader, ValidationRunsAfterAStructurallySoundRead) {
  const auto r = load(default_with("delay_s = 10\n\n# spo2 <= 85", "delay_s = 70\n\n# x"));
  EXPECT_TRUE(has_problem(r, "limit[1].delay_s", "exceeds the 60 s maximum"));
  EXPECT_TRUE(has_problem(r, "limit[1].delay_s", "(line "));
}

TEST(AlarmProfileTomlReader, LimitMustBeAnArrayOfTables) {
  auto p = core::default_alarm_profile();
  p.limits.clear();
  std::string text = config::to_toml(p);
  const auto at = text.find("limit = []");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 10, "limit = 3");
  const auto r = load(text);
  EXPECT_TRUE(has_problem(r, "limit", "expected an array of tables"));
}

TEST(AlarmProfileTomlReader, UnreadableFileNamesTheReason) {
  const auto r = config::load_alarm_profile("/nonexistent/vigil/profile.toml");
  ASSERT_TRUE(r.read_error);
  EXPECT_EQ(*r.read_error, "No such file or directory");
  EXPECT_TRUE(has_problem(r, "/nonexistent/vigil/profile.toml", "cannot read"));
}

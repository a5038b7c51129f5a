#include <gtest/gtest.h>

#include <set>

#include "vigil/core/channel.hpp"
#include "vigil/core/device_condition.hpp"
#include "vigil/core/reading_flags.hpp"

using namespace vigil::core;

TEST(Channel, NamesRoundTripAndAreUnique) {
  std::set<std::string_view> names;
  for (const auto& info : all_channels()) {
    EXPECT_EQ(channel_from_name(info.name), info.channel);
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_LT(info.min_valid, info.max_valid) << info.name;
  }
  EXPECT_EQ(channel_from_name("spo3"), std::nullopt);
}

TEST(Channel, SpO2CarriesItsStandardCodes) {
  const auto& spo2 = channel_info(Channel::spo2);
  EXPECT_EQ(spo2.unit, "%");
  EXPECT_EQ(spo2.mdc_code, 150456u);  // MDC_PULS_OXIM_SAT_O2
  EXPECT_EQ(spo2.loinc, "59408-5");
  EXPECT_EQ(channel_unit(Channel::nibp_systolic), "mmHg");
}

TEST(ReadingFlags, SetClearAndIterateInOrder) {
  ReadingFlags f;
  EXPECT_TRUE(f.empty());
  f.set(ReadingFlag::searching).set(ReadingFlag::sensor_off).set(ReadingFlag::value_out_of_range);
  EXPECT_TRUE(f.has(ReadingFlag::searching));
  f.set(ReadingFlag::searching, false);
  EXPECT_FALSE(f.has(ReadingFlag::searching));
  std::vector<std::string_view> names;
  f.for_each([&](ReadingFlag x) { names.push_back(reading_flag_name(x)); });
  EXPECT_EQ(names, (std::vector<std::string_view>{"sensor_off", "value_out_of_range"}));
}

TEST(DeviceCondition, NamesRoundTrip) {
  for (std::size_t i = 0; i < device_condition_kind_count; ++i) {
    auto k = static_cast<DeviceConditionKind>(i);
    EXPECT_EQ(device_condition_from_name(device_condition_name(k)), k);
  }
  EXPECT_EQ(device_condition_from_name("bogus"), std::nullopt);
}

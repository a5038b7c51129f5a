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

// MDC codes verified against public sources; LOINC codes as cited (see core/src/channel.cpp).
TEST(Channel, CarriesVerifiedMdcAndLoincCodes) {
  struct Expected {
    Channel channel;
    std::uint32_t mdc;
    std::string_view loinc;
  };
  const Expected expected[] = {
      {Channel::spo2, 150456, "59408-5"},            // MDC_PULS_OXIM_SAT_O2 (19384)
      {Channel::pulse_rate, 149530, "8889-8"},       // MDC_PULS_OXIM_PULS_RATE (18458)
      {Channel::pleth, 150452, ""},                  // MDC_PULS_OXIM_PLETH (19380)
      {Channel::perfusion_index, 150448, ""},        // MDC_PULS_OXIM_PERF_REL (19376)
      {Channel::nibp_systolic, 150021, "8480-6"},    // MDC_PRESS_BLD_NONINV_SYS (18949)
      {Channel::nibp_diastolic, 150022, "8462-4"},   // MDC_PRESS_BLD_NONINV_DIA (18950)
      {Channel::nibp_mean, 150023, "8478-0"},        // MDC_PRESS_BLD_NONINV_MEAN (18951)
      {Channel::nibp_pulse_rate, 149546, "8867-4"},  // MDC_PULS_RATE_NON_INV (18474)
      {Channel::cuff_pressure, 150300, ""},          // MDC_PRESS_CUFF (19228)
  };
  for (const auto& e : expected) {
    const auto& info = channel_info(e.channel);
    EXPECT_EQ(info.mdc_code, e.mdc) << info.name;
    EXPECT_EQ(info.mdc_code, (2u << 16) | (info.mdc_code & 0xFFFFu)) << info.name << " partition 2";
    EXPECT_EQ(info.loinc, e.loinc) << info.name;
  }
  // No verified source yet: these stay unassigned rather than guessed.
  for (auto c : {Channel::spco, Channel::spmet, Channel::pvi}) {
    EXPECT_EQ(channel_info(c).mdc_code, 0u) << channel_name(c);
    EXPECT_EQ(channel_info(c).loinc, "") << channel_name(c);
  }
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

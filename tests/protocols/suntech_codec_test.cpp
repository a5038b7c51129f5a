// SunTech NIBP codec: docs/devices.md vectors, host commands, replies, error names, encoder.

#include <gtest/gtest.h>

#include "protocols/suntech_test_support.hpp"

using namespace suntech_test;

TEST(SunTechVectors, DevicesMdBpResultDecodes) {
  EXPECT_EQ(std::accumulate(kVector.begin(), kVector.end(), 0u) % 256u, 0u);
  DecoderCounters c;
  const Items got = decode(kVector, &c);
  Model m;
  m.bp(nibp(115, 74, 88, 85));
  EXPECT_EQ(got, m.items);
  EXPECT_EQ(c, (DecoderCounters{.frames = 1, .bytes_discarded = 0, .checksum_errors = 0}));
}

TEST(SunTechVectors, EncoderPutsFieldsWhereTheVectorHasThem) {
  Bytes out;
  encode_bp_result(nibp(115, 74, 88, 85), 30, out);
  ASSERT_EQ(out.size(), kVector.size());
  Bytes expected = kVector;
  expected[suntech_bp::status] = 0;  // the encoder writes status and test codes as 0
  expected[14] = expected[15] = 0;
  expected[23] = static_cast<std::uint8_t>(kVector[23] + 0x01 + 0x31 + 0x07);
  EXPECT_EQ(out, expected);
}

TEST(SunTechVectors, HostCommandsByteForByte) {
  const std::vector<std::pair<SunTechCommand, Bytes>> cases{
      {SunTechCommand::start_adult, bytes_of({0x3A, 0x20, 0xA6})},
      {SunTechCommand::start_pediatric, bytes_of({0x3A, 0x87, 0x3F})},
      {SunTechCommand::start_neonatal, bytes_of({0x3A, 0x28, 0x9E})},
      {SunTechCommand::abort, bytes_of({0x3A, 0x79, 0x01, 0x00, 0x4C})},
      {SunTechCommand::get_cuff_pressure, bytes_of({0x3A, 0x79, 0x05, 0x00, 0x48})},
      {SunTechCommand::get_bp_data, bytes_of({0x3A, 0x79, 0x03, 0x00, 0x4A})},
  };
  for (const auto& [cmd, bytes] : cases) {
    Bytes out;
    encode_command(cmd, out);
    EXPECT_EQ(out, bytes) << suntech_command_name(cmd);
    SunTechCommandParser parser;
    std::vector<SunTechCommand> seen;
    parser.feed(bytes, [&](SunTechCommand c) { seen.push_back(c); });
    EXPECT_EQ(seen, std::vector<SunTechCommand>{cmd}) << suntech_command_name(cmd);
  }
}

TEST(SunTechReplies, AckLettersAndMeasurementDone) {
  Bytes in;
  for (char l : {'O', 'K', 'A', 'B'}) encode_ack(l, in);
  EXPECT_EQ(Bytes(in.begin(), in.begin() + 4), bytes_of({0x3E, 0x04, 'O', 0x6F}));
  Model m;
  for (char l : {'O', 'K', 'A', 'B'}) m.ack(l);
  EXPECT_EQ(decode(in), m.items);
}

TEST(SunTechReplies, UnknownAckLetterIsNotAFrame) {
  Bytes in;
  encode_ack('Z', in);
  DecoderCounters c;
  EXPECT_EQ(decode(in, &c), Items{});
  EXPECT_EQ(c, (DecoderCounters{.frames = 0, .bytes_discarded = 4, .checksum_errors = 0}));
}

TEST(SunTechReplies, CuffPressureIsAMeasuringReading) {
  Bytes in;
  add_packet(in, {0x3E, 0x05, 0x96, 0x00});  // 150 mmHg, written by hand
  encode_cuff_pressure(0x012C, in);          // 300 mmHg: the high byte counts
  EXPECT_EQ(Bytes(in.begin() + 5, in.end()), bytes_of({0x3E, 0x05, 0x2C, 0x01, 0x90}));
  Model m;
  m.cuff(150);
  m.cuff(300);
  EXPECT_EQ(decode(in), m.items);
}

TEST(SunTechErrors, EachCodeHasItsNameAndNoValues) {
  const std::vector<std::pair<int, std::string_view>> table{
      {1, "weak signal"},         {2, "erratic signal"},  {3, "out of range"},
      {4, "measurement timeout"}, {85, "blocked valve"},  {86, "user abort"},
      {87, "loose cuff"},         {88, "safety timeout"}, {89, "overpressure"},
      {90, "hardware error"},     {91, "no permission"},  {97, "transducer out of range"},
      {99, "EEPROM failure"}};
  for (const auto& [code, name] : table) {
    EXPECT_EQ(suntech_error_name(code), name);
    EXPECT_TRUE(suntech_error_known(code));
    Bytes in;
    // Leftover numbers in a failed reply must not come out as values.
    encode_bp_result(nibp(120, 80, 93, 70, code), 12, in);
    const Items got = decode(in);
    ASSERT_EQ(got.readings.size(), 4u);
    for (const auto& r : got.readings) EXPECT_EQ(std::get<2>(r), std::nullopt) << code;
    EXPECT_EQ(got.conditions, (std::vector<ConditionRow>{
                                  {0, DeviceConditionKind::nibp_failed, std::string(name), code}}));
  }
}

TEST(SunTechErrors, UnknownCodeKeepsItsNumber) {
  EXPECT_EQ(suntech_error_name(42), "unknown error");
  EXPECT_FALSE(suntech_error_known(42));
  EXPECT_FALSE(suntech_error_known(0));
  Bytes in;
  encode_bp_result(nibp(120, {}, {}, {}, 42), 0, in);
  EXPECT_EQ(
      decode(in).conditions,
      (std::vector<ConditionRow>{{0, DeviceConditionKind::nibp_failed, "unknown error", 42}}));
}

TEST(SunTechEncoder, AbsentValuesAreZeroAndOutOfRangeIsClamped) {
  Bytes in;
  encode_bp_result(nibp({}, {}, {}, {}, 300), 999, in);
  ASSERT_EQ(in.size(), kSunTechBpLength);
  EXPECT_EQ(in[suntech_bp::systolic], 0);
  EXPECT_EQ(in[suntech_bp::beats], 0xFF);
  EXPECT_EQ(in[suntech_bp::error_code], 0xFF);
  Bytes cuff;
  encode_cuff_pressure(-5, cuff);
  encode_cuff_pressure(70000, cuff);
  EXPECT_EQ(cuff, bytes_of({0x3E, 0x05, 0, 0, 0xBD, 0x3E, 0x05, 0xFF, 0xFF, 0xBF}));
}

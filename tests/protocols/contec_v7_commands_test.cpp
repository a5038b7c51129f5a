// Contec V7.0 host commands (encoder, device-side parser) and device replies.

#include <gtest/gtest.h>

#include <random>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/contec.hpp"

using namespace vigil;
using namespace vigil::protocols;
using test::bytes_of;
using test::RecordingSink;

TEST(ContecV7, HostCommandsAreNineBytesWithTheCodeInByte2) {
  const std::pair<ContecCommand, int> cases[] = {
      {ContecCommand::start_live, 0xA1}, {ContecCommand::stop_live, 0xA2},
      {ContecCommand::keep_alive, 0xAF}, {ContecCommand::device_id, 0xAA},
      {ContecCommand::model, 0xA8},      {ContecCommand::vendor, 0xA9},
      {ContecCommand::pi_support, 0xAC}, {ContecCommand::notice, 0xB0}};
  for (const auto& [cmd, code] : cases) {
    std::vector<std::uint8_t> out;
    ContecV7Encoder::encode_command(cmd, out);
    EXPECT_EQ(out, bytes_of({0x7D, 0x81, code, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80}))
        << contec_command_name(cmd);
    EXPECT_EQ(contec_command_from_code(static_cast<std::uint8_t>(code)), cmd);
  }
  EXPECT_FALSE(contec_command_from_code(0xA3));
}

TEST(ContecV7, CommandParserFindsCommandsInNoiseAnyChunking) {
  std::vector<std::uint8_t> stream = bytes_of({0x80, 0x01, 0x7D, 0x81});  // junk + truncated
  ContecV7Encoder::encode_command(ContecCommand::start_live, stream);
  stream.push_back(0x33);
  ContecV7Encoder::encode_command(ContecCommand::keep_alive, stream);
  const auto unknown = bytes_of({0x7D, 0x81, 0xA3, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80});
  stream.insert(stream.end(), unknown.begin(), unknown.end());

  ContecV7CommandParser parser;
  std::vector<ContecV7CommandPacket> got;
  for (auto b : stream) {
    if (auto p = parser.push(b)) got.push_back(*p);
  }
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].command, ContecCommand::start_live);
  EXPECT_EQ(got[1].command, ContecCommand::keep_alive);
  EXPECT_FALSE(got[2].command);  // unknown: the simulator answers 0x0B
  EXPECT_EQ(got[2].code, 0xA3);
  EXPECT_EQ(parser.packets(), 3u);
  EXPECT_EQ(parser.bytes_discarded(), 5u);  // 80 01 7D 81 33
}

TEST(ContecV7, RepliesReachTheSinkWithKindCodeAndText) {
  std::vector<std::uint8_t> stream;
  ContecV7Encoder::encode_stop_ack(stream);
  EXPECT_EQ(stream, bytes_of({0x0C, 0x80}));  // docs/devices.md: reply `0C 80`
  ContecV7Encoder::encode_device_id("CMS50E", stream);
  ContecV7Encoder::encode_model("CMS50D+xyz", stream);  // cut to 7 characters
  ContecV7Encoder::encode_vendor("CONTEC", stream);
  ContecV7Encoder::encode_pi_support(true, stream);
  ContecV7Encoder::encode_notice(3, stream);
  ContecV7Encoder::encode_unknown_command(stream);
  stream.insert(stream.end(), {0x01, 0xE0, 0x85, 0xAD, 0x95, 0xD1, 0xE2, 0xFF, 0xFF});

  ContecV7Decoder dec;
  RecordingSink sink(dec);
  std::mt19937 rng(3);
  test::feed_in_chunks(dec, stream, sink, rng, 4);
  ASSERT_EQ(sink.replies.size(), 7u);
  const auto& r = sink.replies;
  EXPECT_EQ(r[0].reply.kind, ReplyKind::ack);
  EXPECT_EQ(r[0].reply.code, 0xA2);
  EXPECT_EQ(r[1].reply.kind, ReplyKind::device_id);
  EXPECT_EQ(r[1].reply.text_view(), "CMS50E");
  EXPECT_EQ(r[2].reply.kind, ReplyKind::model);
  EXPECT_EQ(r[2].reply.text_view(), "CMS50D+");
  EXPECT_EQ(r[3].reply.kind, ReplyKind::vendor);
  EXPECT_EQ(r[3].reply.text_view(), "CONTEC");
  EXPECT_EQ(r[4].reply.kind, ReplyKind::capability);
  EXPECT_EQ(r[4].reply.text_view(), "pi_support");
  EXPECT_EQ(r[4].reply.code, 1);
  EXPECT_EQ(r[5].reply.kind, ReplyKind::capability);
  EXPECT_EQ(r[5].reply.text_view(), "notice");
  EXPECT_EQ(r[5].reply.code, 3);
  EXPECT_EQ(r[6].reply.kind, ReplyKind::nak);
  EXPECT_EQ(r[6].reply.code, kContecV7UnknownCommandReason);
  for (std::size_t i = 0; i < r.size(); ++i) EXPECT_EQ(r[i].seq, i);
  ASSERT_EQ(sink.readings.size(), 4u);
  EXPECT_EQ(sink.readings[0].seq, 7u);
  EXPECT_EQ(dec.counters(), (DecoderCounters{8, 0, 0}));
}

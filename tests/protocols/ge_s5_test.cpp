// GE S/5: hand-built vectors from the docs/devices.md layout, sentinels, groups, encoder, requests.

#include <gtest/gtest.h>

#include "protocols/ge_s5_test_support.hpp"

using namespace vigil;
using namespace vigil::test::ge;
using core::Channel;
using core::ReadingFlag;
using protocols::GeS5Decoder;
using protocols::GeS5NibpMode;
using protocols::GeS5RequestParser;
using test::RecordingSink;

namespace {

struct Decoded {
  GeS5Decoder decoder;
  RecordingSink sink{decoder};
  explicit Decoded(const std::vector<std::uint8_t>& bytes) { decoder.feed(bytes, sink); }
};

}  // namespace

TEST(GeS5Framing, ChecksumIsEightBitSumAndEverySpecialByteIsStuffed) {
  // Record 01 7E 7D FF: sum = 0x1FB -> 0xFB. 7E and 7D are escaped, the rest is not.
  const std::vector<std::uint8_t> rec{0x01, 0x7E, 0x7D, 0xFF};
  EXPECT_EQ(protocols::ge_s5::checksum(rec), 0xFB);
  std::vector<std::uint8_t> out;
  protocols::ge_s5::append_frame(rec, out);
  EXPECT_EQ(out, test::bytes_of({0x7E, 0x01, 0x7D, 0x5E, 0x7D, 0x5D, 0xFF, 0xFB, 0x7E}));
  // A checksum that equals 7E (or 7D) is stuffed too: 3F + 3F = 7E.
  out.clear();
  protocols::ge_s5::append_frame(test::bytes_of({0x3F, 0x3F}), out);
  EXPECT_EQ(out, test::bytes_of({0x7E, 0x3F, 0x3F, 0x7D, 0x5E, 0x7E}));
  out.clear();
  protocols::ge_s5::append_frame(test::bytes_of({0x3F, 0x3E}), out);
  EXPECT_EQ(out, test::bytes_of({0x7E, 0x3F, 0x3E, 0x7D, 0x5D, 0x7E}));
}

TEST(GeS5Decoder, HandBuiltDisplayedValuesRecord) {
  const auto rec = hand_built_record(1700000000);
  // The absolute offsets of docs/devices.md are where our layout puts the values.
  EXPECT_EQ(rec[168] | (rec[169] << 8), 9700);
  EXPECT_EQ(rec[122] | (rec[123] << 8), 12000);
  Decoded d(frame_of(rec));
  EXPECT_EQ(d.decoder.protocol(), "ge-s5");
  EXPECT_EQ(d.decoder.counters(), (protocols::DecoderCounters{1, 0, 0}));
  ASSERT_EQ(d.sink.readings.size(), 6u);
  EXPECT_EQ(value_of(d.sink, Channel::spo2), 97.0);
  EXPECT_EQ(value_of(d.sink, Channel::pulse_rate), 72.0);
  EXPECT_EQ(value_of(d.sink, Channel::nibp_systolic), 120.0);
  EXPECT_EQ(value_of(d.sink, Channel::nibp_diastolic), 80.0);
  EXPECT_EQ(value_of(d.sink, Channel::nibp_mean), 93.0);
  EXPECT_EQ(value_of(d.sink, Channel::nibp_pulse_rate), 70.0);
  for (const auto& r : d.sink.readings) {
    EXPECT_EQ(r.seq, 0u);
    EXPECT_EQ(r.reading.device_time_s, 1700000000);
    EXPECT_TRUE(r.reading.flags.empty());
  }
  EXPECT_EQ(d.decoder.last_nibp_mode(), GeS5NibpMode::manual);
}

TEST(GeS5Decoder, FractionalValuesKeepTheirHundredths) {
  auto rec = hand_built_record();
  put16(rec, kSpo2, 9655);
  put16(rec, kNibpSys, 12050);
  Decoded d(frame_of(rec));
  EXPECT_DOUBLE_EQ(*value_of(d.sink, Channel::spo2), 96.55);
  EXPECT_DOUBLE_EQ(*value_of(d.sink, Channel::nibp_systolic), 120.5);
}

TEST(GeS5Decoder, RecordWhoseDataAndChecksumNeedStuffing) {
  // r_time 0x5F7E7D10 puts 7E and 7D into the header and the subrecord time; r_nbr is chosen
  // so that the checksum itself is 7E.
  auto rec = hand_built_record(0x5F7E7D10);
  rec[2] = 0;
  rec[2] = static_cast<std::uint8_t>(0x7E - sum8(rec));
  ASSERT_EQ(sum8(rec), 0x7E);
  const auto frame = frame_of(rec);
  ASSERT_EQ(frame[frame.size() - 3], 0x7D);  // ... 7D 5E 7E: the stuffed checksum
  ASSERT_EQ(frame[frame.size() - 2], 0x5E);
  Decoded d(frame);
  EXPECT_EQ(d.decoder.counters(), (protocols::DecoderCounters{1, 0, 0}));
  EXPECT_EQ(value_of(d.sink, Channel::spo2), 97.0);
  EXPECT_EQ(d.sink.readings.at(0).reading.device_time_s, 0x5F7E7D10);

  // Written like the open-source hosts (checksum not stuffed) the raw 7E ends the frame early:
  // the record is rejected and counted, and the next frame still decodes.
  auto bytes = frame_of(rec, /*stuff_checksum=*/false);
  const auto good = frame_of(hand_built_record());
  bytes.insert(bytes.end(), good.begin(), good.end());
  Decoded bad(bytes);
  EXPECT_EQ(bad.decoder.counters().frames, 1u);
  EXPECT_EQ(bad.decoder.counters().checksum_errors, 1u);
  EXPECT_GT(bad.decoder.counters().bytes_discarded, 300u);
  EXPECT_EQ(bad.sink.readings.size(), 6u);
  EXPECT_EQ(bad.sink.readings.at(0).seq, 0u);
}

TEST(GeS5Decoder, SentinelsAreAbsentAndRangeSentinelsAreFlagged) {
  for (const int sentinel : {-32767, -32766, -32765, -32764, -32763, -32762, -32001, -32768}) {
    auto rec = hand_built_record();
    put16(rec, kSpo2, sentinel);
    put16(rec, kNibpDia, sentinel);
    Decoded d(frame_of(rec));
    SCOPED_TRACE(sentinel);
    EXPECT_EQ(value_of(d.sink, Channel::spo2), std::nullopt);
    EXPECT_EQ(value_of(d.sink, Channel::nibp_diastolic), std::nullopt);
    EXPECT_EQ(value_of(d.sink, Channel::pulse_rate), 72.0);  // neighbours unaffected
    EXPECT_EQ(value_of(d.sink, Channel::nibp_systolic), 120.0);
    const bool range = sentinel == -32764 || sentinel == -32763;
    EXPECT_EQ(reading_of(d.sink, Channel::spo2)->flags.has(ReadingFlag::value_out_of_range), range);
    EXPECT_EQ(
        reading_of(d.sink, Channel::nibp_diastolic)->flags.has(ReadingFlag::value_out_of_range),
        range);
    EXPECT_FALSE(
        reading_of(d.sink, Channel::pulse_rate)->flags.has(ReadingFlag::value_out_of_range));
  }
  auto rec = hand_built_record();
  put16(rec, kSpo2, -32000);  // just above the sentinel range: a (strange) real number
  Decoded d(frame_of(rec));
  EXPECT_EQ(value_of(d.sink, Channel::spo2), -320.0);
}

TEST(GeS5Decoder, GroupsThatDoNotExistOrAreInactiveGiveAbsentValues) {
  for (const std::uint32_t status : {0u, 1u, 2u, 0xFFFFFFFCu}) {
    auto rec = hand_built_record();
    put32(rec, kNibpStatus, status);
    put16(rec, kNibpLabel, 0x1A0);  // measuring | calibrating | old: ignored for a dead group
    put32(rec, kSpo2Status, status);
    Decoded d(frame_of(rec));
    SCOPED_TRACE(status);
    ASSERT_EQ(d.sink.readings.size(), 6u);
    for (const auto& r : d.sink.readings) {
      EXPECT_EQ(r.reading.value, std::nullopt);
      EXPECT_TRUE(r.reading.flags.empty());
    }
    EXPECT_EQ(d.decoder.last_nibp_mode(), GeS5NibpMode::unknown);
  }
  auto rec = hand_built_record();
  put32(rec, kSpo2Status, 1);  // SpO2 exists but not active; NIBP still live
  Decoded d(frame_of(rec));
  EXPECT_EQ(value_of(d.sink, Channel::spo2), std::nullopt);
  EXPECT_EQ(value_of(d.sink, Channel::nibp_mean), 93.0);
}

TEST(GeS5Decoder, NibpLabelGivesFlagsAndMode) {
  struct Case {
    int label;
    bool measuring, calibrating, stale;
    GeS5NibpMode mode;
  };
  for (const Case c : {Case{0x008, false, false, false, GeS5NibpMode::automatic},
                       Case{0x010, false, false, false, GeS5NibpMode::stat},
                       Case{0x020, true, false, false, GeS5NibpMode::manual},
                       Case{0x040, false, false, false, GeS5NibpMode::manual},  // stasis
                       Case{0x080, false, true, false, GeS5NibpMode::manual},
                       Case{0x100, false, false, true, GeS5NibpMode::manual},
                       Case{0x1A8, true, true, true, GeS5NibpMode::automatic}}) {
    auto rec = hand_built_record();
    put16(rec, kNibpLabel, c.label);
    Decoded d(frame_of(rec));
    SCOPED_TRACE(c.label);
    for (const auto ch : {Channel::nibp_systolic, Channel::nibp_diastolic, Channel::nibp_mean,
                          Channel::nibp_pulse_rate}) {
      const auto flags = reading_of(d.sink, ch)->flags;
      EXPECT_EQ(flags.has(ReadingFlag::measuring), c.measuring);
      EXPECT_EQ(flags.has(ReadingFlag::calibrating), c.calibrating);
      EXPECT_EQ(flags.has(ReadingFlag::stale), c.stale);
    }
    EXPECT_TRUE(reading_of(d.sink, Channel::spo2)->flags.empty());  // the SpO2 group is separate
    EXPECT_EQ(d.decoder.last_nibp_mode(), c.mode);
  }
}

TEST(GeS5Decoder, HeaderAndSubrecordBoundsAreValidated) {
  auto expect_rejected = [](std::vector<std::uint8_t> rec, const char* why) {
    Decoded d(frame_of(rec));
    SCOPED_TRACE(why);
    EXPECT_EQ(d.decoder.counters().frames, 0u);
    EXPECT_EQ(d.decoder.counters().checksum_errors, 0u);
    EXPECT_EQ(d.decoder.malformed_records(), 1u);
    EXPECT_GT(d.decoder.counters().bytes_discarded, 0u);
    EXPECT_TRUE(d.sink.readings.empty());
  };
  auto rec = hand_built_record();
  put16(rec, 0, 317);
  expect_rejected(rec, "r_len shorter than the record");
  put16(rec, 0, 319);
  expect_rejected(rec, "r_len longer than the bytes received");
  rec = hand_built_record();
  put16(rec, 16, 1);
  expect_rejected(rec, "subrecord runs past r_len");
  put16(rec, 16, -2);
  expect_rejected(rec, "negative subrecord offset");
  rec = hand_built_record();
  rec.resize(200);
  put16(rec, 0, 200);
  expect_rejected(rec, "record too short for a displayed-values subrecord");
}

TEST(GeS5Decoder, OtherRecordsAreFramesWithoutReadings) {
  auto wave = hand_built_record();
  put16(wave, 14, 1);  // r_maintype WAVE
  auto trend = hand_built_record();
  trend[18] = 2;  // sr type: 10 s trend
  auto extended = hand_built_record();
  put16(extended, kClassWord, 0x0109);  // class 1 (ext1) has another layout
  for (const auto& rec : {wave, trend, extended}) {
    Decoded d(frame_of(rec));
    EXPECT_EQ(d.decoder.counters(), (protocols::DecoderCounters{1, 0, 0}));
    EXPECT_TRUE(d.sink.readings.empty());
  }
}

TEST(GeS5Decoder, TwoDisplayedSubrecordsInOneRecord) {
  auto rec = hand_built_record();
  const std::vector<std::uint8_t> sub(rec.begin() + 40, rec.end());
  rec.insert(rec.end(), sub.begin(), sub.end());
  put16(rec, 0, static_cast<int>(rec.size()));
  put16(rec, 19, 278);  // sr_desc[1] = {278, displayed}
  rec[21] = 1;
  rec[24] = 0xFF;
  put16(rec, 40 + 278 + 128, 9800);  // SpO2 of the second copy
  Decoded d(frame_of(rec));
  EXPECT_EQ(d.decoder.counters().frames, 1u);
  EXPECT_EQ(d.sink.values(Channel::spo2), (std::vector<std::optional<double>>{97.0, 98.0}));
}

TEST(GeS5Encoder, DisplayedValuesMatchTheHandBuiltLayout) {
  protocols::OximeterState ox;
  ox.spo2 = 97;
  ox.pulse_rate = 72;
  protocols::NibpState nibp;
  nibp.systolic = 120;
  nibp.diastolic = 80;
  nibp.mean = 93;
  nibp.pulse_rate = 70;
  std::vector<std::uint8_t> out;
  protocols::encode_displayed_values(ox, nibp, 1700000000, out);
  // Same bytes as the hand-built record except dri_level (byte 3) and cl_drilvl_subt low byte.
  auto expected = hand_built_record(1700000000);
  expected[3] = protocols::ge_s5::kSimulatedDriLevel;
  expected[kClassWord] = protocols::ge_s5::kSimulatedDriLevel;
  EXPECT_EQ(out, frame_of(expected));
}

TEST(GeS5Encoder, ValuesThatDoNotFitBecomeRangeSentinels) {
  protocols::OximeterState ox;
  ox.spo2 = 400;  // 40000 does not fit int16
  protocols::NibpState nibp;
  nibp.systolic = -400;
  std::vector<std::uint8_t> out;
  protocols::encode_displayed_values(ox, nibp, 0, out);
  Decoded d(out);
  EXPECT_EQ(value_of(d.sink, Channel::spo2), std::nullopt);
  EXPECT_TRUE(reading_of(d.sink, Channel::spo2)->flags.has(ReadingFlag::value_out_of_range));
  EXPECT_TRUE(
      reading_of(d.sink, Channel::nibp_systolic)->flags.has(ReadingFlag::value_out_of_range));
  EXPECT_EQ(value_of(d.sink, Channel::pulse_rate), std::nullopt);
}

TEST(GeS5Encoder, RequestBytesFollowTheLayout) {
  std::vector<std::uint8_t> rec(49, 0);
  put16(rec, 0, 49);
  rec[3] = protocols::ge_s5::kRequestDriLevel;
  rec[21] = 0xFF;
  rec[40] = 1;         // displayed values
  put16(rec, 41, 10);  // every 10 s
  put32(rec, 43, 0);   // basic class
  std::vector<std::uint8_t> out;
  protocols::encode_displayed_values_request(10, out);
  EXPECT_EQ(out, frame_of(rec));
  out.clear();
  protocols::encode_displayed_values_request(-1, out);
  put16(rec, 41, -1);
  EXPECT_EQ(out, frame_of(rec));
}

TEST(GeS5RequestParser, RecognisesRequestsInAnyChunking) {
  std::vector<std::uint8_t> stream{0x13, 0x37};  // line noise first
  protocols::encode_displayed_values_request(5, stream);
  std::vector<std::uint8_t> monitor_record;
  protocols::encode_displayed_values({}, {}, 0, monitor_record);  // not a request
  stream.insert(stream.end(), monitor_record.begin(), monitor_record.end());
  protocols::encode_displayed_values_request(0, stream);

  GeS5RequestParser whole;
  EXPECT_EQ(whole.feed(stream), 0);  // the last request in the chunk wins
  EXPECT_EQ(whole.counters(), (protocols::DecoderCounters{3, 2, 0}));

  GeS5RequestParser bytewise;
  std::vector<int> seen;
  for (const auto b : stream) {
    if (auto interval = bytewise.feed(std::span(&b, 1))) seen.push_back(*interval);
  }
  EXPECT_EQ(seen, (std::vector<int>{5, 0}));
  EXPECT_EQ(bytewise.counters(), whole.counters());

  auto corrupt = stream;
  corrupt[10] ^= 0x01;  // inside the first request
  GeS5RequestParser parser;
  EXPECT_EQ(parser.feed(std::span(corrupt).first(40)), std::nullopt);
  EXPECT_EQ(parser.feed(std::span(corrupt).subspan(40)), 0);
  EXPECT_EQ(parser.counters().checksum_errors, 1u);
}

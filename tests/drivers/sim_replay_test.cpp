// Replay CSV files: parsing, absent values, holding rows, and errors that name line and column.
#include <gtest/gtest.h>

#include <fstream>

#include "vigil/drivers/sim/replay.hpp"
#include "vigil/drivers/sim/timeline.hpp"

using namespace vigil::drivers::sim;

namespace {
ReplayError error_of(std::string_view csv) {
  try {
    ReplayTrack::parse(csv);
  } catch (const ReplayError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << csv;
  return ReplayError(0, 0, "none");
}
}  // namespace

TEST(SimReplay, ParsesRowsWithHeaderCommentsAndAbsentValues) {
  const auto track = ReplayTrack::parse(
      "t_s,spo2,pulse_rate,nibp_systolic,nibp_diastolic\r\n"
      "# a comment\n"
      "0,97,70,118,76\n"
      "\n"
      "12.5, 91 ,,,\n"
      "30,,,140,90\n");
  ASSERT_EQ(track.rows().size(), 3u);
  EXPECT_EQ(track.rows()[0].spo2, 97);
  EXPECT_EQ(track.rows()[0].nibp_diastolic, 76);
  EXPECT_DOUBLE_EQ(track.rows()[1].t_s, 12.5);
  EXPECT_EQ(track.rows()[1].spo2, 91);
  EXPECT_FALSE(track.rows()[1].pulse_rate);
  EXPECT_FALSE(track.rows()[1].nibp_systolic);
  EXPECT_FALSE(track.rows()[2].spo2);
  EXPECT_EQ(track.rows()[2].nibp_systolic, 140);
}

TEST(SimReplay, RowsHoldUntilTheNextAndTheLastForEver) {
  const auto track = std::make_shared<const ReplayTrack>(
      ReplayTrack::parse("5,97,70,,\n10,90,80,130,85\n20,,,,\n"));
  EXPECT_EQ(track->at(0).spo2, 97);  // before the first row: the first row
  EXPECT_EQ(track->at(9.99).spo2, 97);
  EXPECT_EQ(track->at(10).spo2, 90);
  Timeline t(track);
  EXPECT_EQ(t.at(15).pulse_rate, 80);
  EXPECT_EQ(t.at(15).nibp_systolic, 130);
  EXPECT_EQ(t.at(7).nibp_systolic, std::nullopt);
  EXPECT_FALSE(t.at(25).spo2);
  EXPECT_FALSE(t.at(25).perfusion_index);  // no pulse, no perfusion
  EXPECT_FALSE(t.at(1e6).pulse_rate);
}

TEST(SimReplay, BadRowsNameLineAndColumn) {
  auto e = error_of("0,97,70,118,76\n1,97,abc,118,76\n");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 3u);
  EXPECT_STREQ(e.what(), "line 2, column 3 (pulse_rate): 'abc' is not a whole number");

  e = error_of("0,101,70,118,76\n");
  EXPECT_EQ(e.column(), 2u);
  EXPECT_STREQ(e.what(), "line 1, column 2 (spo2): 101 is outside 0..100");

  e = error_of("t_s,spo2,pulse_rate,nibp_systolic,nibp_diastolic\n0,97,70\n");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 0u);
  EXPECT_NE(std::string(e.what()).find("expected 5 columns"), std::string::npos);

  e = error_of("0,97,70,118,76\n\n0,97,70,118,76\n");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 1u);
  EXPECT_NE(std::string(e.what()).find("times must increase"), std::string::npos);

  e = error_of("-1,97,70,118,76\n");
  EXPECT_EQ(e.column(), 1u);
  e = error_of(",97,70,118,76\n");
  EXPECT_STREQ(e.what(), "line 1, column 1 (t_s): the time is required");
  e = error_of("0,97,70,118,7.5\n");
  EXPECT_EQ(e.column(), 5u);
  e = error_of("# only a comment\n");
  EXPECT_NE(std::string(e.what()).find("no rows"), std::string::npos);
  e = error_of("0,99999999999,70,,\n");
  EXPECT_STREQ(e.what(), "line 1, column 2 (spo2): '99999999999' is outside 0..100");
}

TEST(SimReplay, ABloodPressureIsWholeAndDiastolicBelowSystolic) {
  auto e = error_of("0,97,70,80,120\n");
  EXPECT_EQ(e.column(), 5u);
  EXPECT_STREQ(e.what(),
               "line 1, column 5 (nibp_diastolic): nibp_diastolic 120 must be below "
               "nibp_systolic 80");
  e = error_of("0,97,70,120,\n");
  EXPECT_EQ(e.column(), 5u);
  EXPECT_NE(std::string(e.what()).find("needs both nibp_systolic and nibp_diastolic"),
            std::string::npos);
  e = error_of("0,97,70,,80\n");
  EXPECT_EQ(e.column(), 4u);
}

TEST(SimReplay, LoadNamesTheFile) {
  const std::string path = ::testing::TempDir() + "/vigil_sim_replay_bad.csv";
  std::ofstream(path) << "0,97,70,118,76\n3,97,70,x,76\n";
  try {
    ReplayTrack::load(path);
    FAIL() << "no error";
  } catch (const ReplayError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 4u);
    EXPECT_EQ(std::string(e.what()),
              path + ": line 2, column 4 (nibp_systolic): 'x' is not a whole number");
  }
  EXPECT_THROW(ReplayTrack::load("/nonexistent/replay.csv"), ReplayError);
}

// Channel codes are stored in files: each is pinned here, and the `channels` table of a new
// file holds exactly the same codes and names.

#include "vigil/db/channel_code.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>

#include "db_test_support.hpp"

namespace vigil::db {
namespace {

using core::Channel;

// Never edit a value here to make a test pass: files hold these codes.
const std::map<Channel, std::int32_t> kPinned{
    {Channel::spo2, 150456},
    {Channel::pulse_rate, 149530},
    {Channel::pleth, 150452},
    {Channel::perfusion_index, 150448},
    {Channel::spco, 1},
    {Channel::spmet, 2},
    {Channel::pvi, 3},
    {Channel::nibp_systolic, 150021},
    {Channel::nibp_diastolic, 150022},
    {Channel::nibp_mean, 150023},
    {Channel::nibp_pulse_rate, 149546},
    {Channel::cuff_pressure, 150300},
};

TEST(DbChannelCode, EveryChannelHasItsPinnedUniqueCode) {
  ASSERT_EQ(kPinned.size(), core::channel_count) << "a new core channel needs a pinned code";
  std::set<std::int32_t> seen;
  for (const auto& info : core::all_channels()) {
    const auto code = channel_code(info.channel);
    EXPECT_EQ(code, kPinned.at(info.channel)) << info.name;
    EXPECT_TRUE(seen.insert(code).second) << info.name << ": code used twice";
    EXPECT_EQ(channel_from_code(code), info.channel) << info.name;
    // Vigil's own codes stay below the file-local range; MDC codes are 2 << 16 and up.
    EXPECT_TRUE(code < 1000 || code >= (2 << 16)) << info.name;
  }
  EXPECT_EQ(channel_from_code(0), std::nullopt);
  EXPECT_EQ(channel_from_code(1000), std::nullopt);
}

TEST(DbChannelCode, WhereCoreHadAnMdcCodeAtVersionTwoItIsTheStoredCode) {
  // True when the codes were fixed. Should core ever correct an MDC code, the stored code stays:
  // drop that channel from this check instead.
  for (const auto& info : core::all_channels()) {
    if (info.mdc_code != 0) {
      EXPECT_EQ(channel_code(info.channel), static_cast<std::int32_t>(info.mdc_code)) << info.name;
    }
  }
}

TEST(DbChannelCode, TheChannelsTableHoldsTheSameCodes) {
  test::TempDir dir;
  auto store = Store::open(dir / "c.db", OpenMode::create_or_open);
  SQLite::Database& db = raw_connection(store);
  SQLite::Statement q(db, "SELECT code, name FROM channels ORDER BY code");
  std::size_t rows = 0;
  while (q.executeStep()) {
    ++rows;
    const auto ch = core::channel_from_name(q.getColumn(1).getString());
    ASSERT_TRUE(ch) << q.getColumn(1).getString();
    EXPECT_EQ(q.getColumn(0).getInt(), channel_code(*ch)) << q.getColumn(1).getString();
  }
  EXPECT_EQ(rows, core::channel_count);
}

}  // namespace
}  // namespace vigil::db

#include "min_max_reducer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <span>

using vigil::gui::MinMaxReducer;
using vigil::gui::TimedValue;

TEST(MinMaxReducer, EmptyInputGivesEmptyOutput) {
  EXPECT_TRUE(MinMaxReducer::reduce({}, 0, 10, 100).empty());
}

TEST(MinMaxReducer, NoColumnsOrEmptyWindowGivesEmptyOutput) {
  const std::vector<TimedValue> in{{1, 5}, {2, 6}};
  EXPECT_TRUE(MinMaxReducer::reduce(in, 0, 10, 0).empty());
  EXPECT_TRUE(MinMaxReducer::reduce(in, 5, 5, 10).empty());
}

TEST(MinMaxReducer, FewerPointsThanColumnsPassThroughUnchanged) {
  const std::vector<TimedValue> in{{0, 97}, {1, 96}, {2, 98}, {3, 91}, {4, 99}};
  EXPECT_EQ(MinMaxReducer::reduce(in, 0, 5, 100), in);
}

TEST(MinMaxReducer, KeepsOnlyPointsInsideTheWindow) {
  const std::vector<TimedValue> in{{0, 1}, {5, 2}, {10, 3}, {15, 4}};
  const std::vector<TimedValue> expected{{5, 2}, {10, 3}};
  EXPECT_EQ(MinMaxReducer::reduce(in, 4, 10, 100), expected);
}

TEST(MinMaxReducer, OneMinMaxPairPerColumnInTimeOrder) {
  // 4 columns of 10 s, 10 samples each; known extremes per column.
  std::vector<TimedValue> in;
  for (int i = 0; i < 40; ++i) in.push_back({static_cast<double>(i), 50.0});
  in[3].v = 10;   // column 0 min, before its max
  in[7].v = 90;   // column 0 max
  in[12].v = 95;  // column 1 max before its min
  in[18].v = 5;
  in[25].v = 60;  // column 2 max only (min = 50 first occurrence at 20)
  // column 3 all equal: one point
  const std::vector<TimedValue> expected{{3, 10},  {7, 90},  {12, 95}, {18, 5},
                                         {20, 50}, {25, 60}, {30, 50}};
  EXPECT_EQ(MinMaxReducer::reduce(in, 0, 40, 4), expected);
}

TEST(MinMaxReducer, ExactEnvelopeOnRandomData) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> value(60, 100);
  std::vector<TimedValue> in;
  for (int i = 0; i < 28800; ++i) in.push_back({i * 1.0, value(rng)});  // 8 h at 1 Hz
  const int columns = 900;  // 32 s per column: exact column edges
  const auto out = MinMaxReducer::reduce(in, 0, 28800, columns);
  EXPECT_LE(out.size(), static_cast<std::size_t>(2 * columns));
  EXPECT_TRUE(std::is_sorted(out.begin(), out.end(),
                             [](const TimedValue& a, const TimedValue& b) { return a.t < b.t; }));
  // Per column: the output's min and max equal the input's.
  for (int c = 0; c < columns; ++c) {
    const double t0 = c * 32.0;
    const double t1 = (c + 1) * 32.0;
    double in_lo = 1e9, in_hi = -1e9, out_lo = 1e9, out_hi = -1e9;
    for (const auto& s : in) {
      if (s.t >= t0 && s.t < t1) in_lo = std::min(in_lo, s.v), in_hi = std::max(in_hi, s.v);
    }
    for (const auto& s : out) {
      if (s.t >= t0 && s.t < t1) out_lo = std::min(out_lo, s.v), out_hi = std::max(out_hi, s.v);
    }
    ASSERT_EQ(in_lo, out_lo) << "column " << c;
    ASSERT_EQ(in_hi, out_hi) << "column " << c;
  }
}

TEST(MinMaxReducer, ReusesTheOutputVector) {
  std::vector<TimedValue> out{{99, 99}};
  const std::vector<TimedValue> in{{1, 2}};
  MinMaxReducer::reduce(in, 0, 2, 10, out);
  EXPECT_EQ(out, in);
}

using vigil::gui::IncrementalMinMax;

TEST(IncrementalMinMax, AppendingGivesTheSameEnvelopeAsReducingEverything) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> value(60, 100);
  std::uniform_int_distribution<int> step(0, 2);  // repeated timestamps too
  std::vector<TimedValue> in;
  double t = 0;
  for (int i = 0; i < 5000; ++i) {
    in.push_back({t, std::round(value(rng))});  // rounded: many equal values
    t += step(rng);
  }
  for (int columns : {1, 7, 333, 4000}) {
    const double t1 = in.back().t + 10;
    IncrementalMinMax inc;
    inc.reset(std::span(in).first(1000), 5, t1, columns);
    std::vector<TimedValue> before = inc.points();
    for (std::size_t k = 1000; k < in.size(); ++k) {
      const std::size_t changed = inc.append(in[k]);
      const std::vector<TimedValue>& now = inc.points();
      if (changed == IncrementalMinMax::npos) {
        ASSERT_EQ(now, before) << "sample " << k;
      } else {  // nothing before `changed` moved
        ASSERT_LE(changed, before.size());
        ASSERT_TRUE(
            std::equal(now.begin(), now.begin() + static_cast<long>(changed), before.begin()));
      }
      ASSERT_GE(inc.newestColumnStart() + 2, now.size());  // the newest column is 1-2 points
      before = now;
    }
    EXPECT_EQ(inc.points(), MinMaxReducer::reduce(in, 5, t1, columns)) << columns << " columns";
  }
}

TEST(IncrementalMinMax, AOneSampleSpikeChangesTheNewestColumnOnly) {
  IncrementalMinMax inc;
  std::vector<TimedValue> in;
  for (int i = 0; i < 600; ++i) in.push_back({double(i), 97});
  inc.reset(in, 0, 1000, 100);  // 10 s a column
  const auto before = inc.points();
  EXPECT_EQ(inc.append({600, 97}), before.size());  // column 60 starts
  EXPECT_EQ(inc.append({601, 97}), IncrementalMinMax::npos);
  EXPECT_EQ(inc.append({602, 80}), before.size());            // a one-second desaturation
  EXPECT_EQ(inc.append({603, 97}), IncrementalMinMax::npos);  // back to normal: kept
  const std::vector<TimedValue> tail(inc.points().begin() + static_cast<long>(before.size()),
                                     inc.points().end());
  EXPECT_EQ(tail, (std::vector<TimedValue>{{600, 97}, {602, 80}}));
}

TEST(IncrementalMinMax, SamplesOutsideTheWindowChangeNothing) {
  IncrementalMinMax inc;
  inc.reset({}, 100, 200, 10);
  EXPECT_EQ(inc.append({50, 1}), IncrementalMinMax::npos);
  EXPECT_EQ(inc.append({150, 2}), 0u);
  EXPECT_EQ(inc.append({250, 3}), IncrementalMinMax::npos);
  EXPECT_EQ(inc.points(), (std::vector<TimedValue>{{150, 2}}));
  IncrementalMinMax none;
  none.reset({}, 0, 10, 0);
  EXPECT_EQ(none.append({5, 1}), IncrementalMinMax::npos);
}

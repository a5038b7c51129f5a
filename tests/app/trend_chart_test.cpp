#include "trend_chart.hpp"

#include <gtest/gtest.h>

#include <QPushButton>
#include <QTest>

using vigil::core::Channel;
using vigil::gui::TrendChart;
using vigil::station::TrendPoint;

namespace {

std::vector<TrendPoint> hours(int h) {
  std::vector<TrendPoint> points;
  for (int t = 0; t < h * 3600; ++t) {
    points.push_back({Channel::spo2, double(t), 90.0 + t % 9});
    points.push_back({Channel::pulse_rate, double(t), 60.0 + t % 13});
  }
  return points;
}

}  // namespace

TEST(TrendChart, HandsQtChartsAtMostTwoPointsPerPixelColumn) {
  TrendChart chart;
  chart.resize(700, 300);
  chart.show();
  QCoreApplication::processEvents();
  chart.setRange(TrendChart::Range::session);
  chart.append(hours(8), {}, 8 * 3600.0, true);
  using S = TrendChart::Series;
  EXPECT_EQ(chart.storedPointCount(S::spo2), 8u * 3600u);
  EXPECT_GT(chart.plotColumns(), 100);
  EXPECT_GT(chart.shownPointCount(S::spo2), chart.plotColumns());  // the envelope is kept
  EXPECT_LE(chart.shownPointCount(S::spo2), 2 * chart.plotColumns());
  EXPECT_LE(chart.shownPointCount(S::pulse_rate), 2 * chart.plotColumns());
}

TEST(TrendChart, RangeButtonsSelectTheWindow) {
  TrendChart chart;
  chart.resize(700, 300);
  chart.show();
  QCoreApplication::processEvents();
  chart.append(hours(2), {}, 2 * 3600.0, true);
  EXPECT_EQ(chart.range(), TrendChart::Range::last_15_min);
  const qsizetype last_15 = chart.shownPointCount(TrendChart::Series::spo2);
  EXPECT_LE(last_15, 2 * 15 * 60 + 2);
  const auto buttons = chart.findChildren<QPushButton*>();
  ASSERT_EQ(buttons.size(), 3);
  QTest::mouseClick(buttons[1], Qt::LeftButton);  // "1 h"
  EXPECT_EQ(chart.range(), TrendChart::Range::last_hour);
  QTest::mouseClick(buttons[2], Qt::LeftButton);  // "Session"
  EXPECT_EQ(chart.range(), TrendChart::Range::session);
  EXPECT_LE(chart.shownPointCount(TrendChart::Series::spo2), 2 * chart.plotColumns());
}

TEST(TrendChart, OutOfOrderPointsAreDropped) {
  TrendChart chart;
  chart.append({{Channel::spo2, 10, 97}, {Channel::spo2, 5, 90}}, {}, 10, true);
  EXPECT_EQ(chart.storedPointCount(TrendChart::Series::spo2), 1u);
}

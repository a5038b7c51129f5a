#include "trend_chart.hpp"

#include <gtest/gtest.h>

#include <QChart>
#include <QChartView>
#include <QImage>
#include <QPushButton>
#include <QTest>
#include <memory>

#include "gui_test_support.hpp"
#include "min_max_reducer.hpp"

using vigil::core::Channel;
using vigil::gui::TrendChart;
using vigil::station::TrendPoint;
namespace t = vigil::gui::test;

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

namespace {

using S = TrendChart::Series;

void settle() { QCoreApplication::processEvents(); }

std::unique_ptr<TrendChart> shownChart(int width, TrendChart::Range range) {
  auto chart = std::make_unique<TrendChart>();
  chart->resize(width, 300);
  chart->show();
  settle();
  chart->setRange(range);
  return chart;
}

// SpO2, pulse rate and NIBP (every 30 s) from t0 to t1, one point a second; a one-second
// desaturation to 80 % at `dip`.
std::vector<TrendPoint> trend(int t0, int t1, int dip = -1, bool nibp = true) {
  std::vector<TrendPoint> points;
  for (int t = t0; t < t1; ++t) {
    points.push_back({Channel::spo2, double(t), t == dip ? 80.0 : 96.0 + t % 3});
    points.push_back({Channel::pulse_rate, double(t), 60.0 + t % 13});
    if (nibp && t % 30 == 0) {
      points.push_back({Channel::nibp_systolic, double(t), 120.0 + t % 7});
      points.push_back({Channel::nibp_diastolic, double(t), 80.0 + t % 5});
    }
  }
  return points;
}

}  // namespace

TEST(TrendChart, AOneSecondDesaturationSurvivesIncrementalAppends) {
  auto chart = shownChart(700, TrendChart::Range::session);
  // 28,000 s of history: the session window ends at 28,800 s, so the next points do not move it.
  // No NIBP here: its markers on the right axis would cover the SpO2 pixels checked below.
  chart->append(trend(0, 28000, -1, false), {}, 28000, true);
  const long rebuilds = chart->rebuilds();
  const int dip = 28060;
  for (int t = 28000; t < 28120; ++t) chart->append(trend(t, t + 1, dip, false), {}, t, true);
  EXPECT_EQ(chart->rebuilds(), rebuilds);  // only hand-overs of the newest columns

  // Exactly the envelope of reducing everything at once, dip included.
  std::vector<vigil::gui::TimedValue> all;
  for (const TrendPoint& p : trend(0, 28120, dip)) {
    if (p.channel == Channel::spo2) all.push_back({p.t_s, p.value});
  }
  const auto expected = vigil::gui::MinMaxReducer::reduce(all, 0, 28800, chart->plotColumns());
  const QList<QPointF> shown = chart->shownPoints(S::spo2);
  ASSERT_EQ(shown.size(), static_cast<qsizetype>(expected.size()));
  for (std::size_t k = 0; k < expected.size(); ++k) {
    ASSERT_EQ(shown[static_cast<qsizetype>(k)], QPointF(expected[k].t / 60.0, expected[k].v)) << k;
  }
  EXPECT_TRUE(shown.contains(QPointF(dip / 60.0, 80)));

  // And on screen: the SpO2 line reaches down to 80 % at the dip.
  settle();
  auto* view = chart->findChild<QChartView*>();
  ASSERT_NE(view, nullptr);
  const QPointF at =
      view->chart()->mapToPosition(QPointF(dip / 60.0, 80), view->chart()->series()[0]);
  const QImage image = view->grab().toImage();
  bool found = false;
  for (int dx = -1; dx <= 1; ++dx) {
    for (int dy = -1; dy <= 1; ++dy) {
      found = found || image.pixelColor(at.toPoint() + QPoint(dx, dy)) == QColor(0, 190, 255);
    }
  }
  EXPECT_TRUE(found) << "no SpO2 pixel at " << at.x() << "," << at.y();
}

TEST(TrendChart, HandsOverNothingWhenNothingChanged) {
  auto chart = shownChart(700, TrendChart::Range::last_15_min);
  chart->append(trend(0, 1000), {}, 1000, true);
  const long handovers = chart->seriesHandovers();
  const long rebuilds = chart->rebuilds();
  chart->append({}, {}, 1000, true);  // a snapshot without trend points
  // A point in the newest column that is neither a new minimum nor a new maximum (t = 999 has
  // 96 already).
  chart->append({{Channel::spo2, 999, 96}}, {}, 1000, true);
  EXPECT_EQ(chart->seriesHandovers(), handovers);
  EXPECT_EQ(chart->rebuilds(), rebuilds);
  // A new extreme in the newest column: one replace of that series' short head, nothing else.
  chart->append({{Channel::spo2, 999, 91}}, {}, 1000, true);
  EXPECT_EQ(chart->seriesHandovers(), handovers + 1);
  EXPECT_EQ(chart->rebuilds(), rebuilds);
  EXPECT_TRUE(chart->shownPoints(S::spo2).contains(QPointF(999 / 60.0, 91)));
}

TEST(TrendChart, RepaintsCopyTheCachedRender) {
  auto chart = shownChart(700, TrendChart::Range::last_hour);
  chart->append(trend(0, 3600), {}, 3600, true);
  settle();
  const QImage first = chart->grab().toImage();
  const long renders = chart->chartRenders();
  const QImage second = chart->grab().toImage();
  EXPECT_EQ(chart->chartRenders(), renders);
  EXPECT_EQ(t::differingPixels(first, second), 0);
}

TEST(TrendChart, IncrementalRendersMatchAFullRebuild) {
  // 1 h on 1,900 columns: 280 s of appends make ~150 new columns, so the heads move into the
  // bodies; each hand-over renders only the changed pixels into the cache.
  auto live = shownChart(2000, TrendChart::Range::last_hour);
  live->append(trend(0, 3601), {}, 3601, true);
  settle();
  (void)live->grab();
  const long rebuilds = live->rebuilds();
  for (int t = 3601; t < 3880; ++t) {
    live->append(trend(t, t + 1, 3700), {}, t, true);
    if (t == 3650)
      live->append({}, {{vigil::station::TrendMarker::Kind::dose, 3650, "dose", {}}}, t);
    settle();
  }
  EXPECT_EQ(live->rebuilds(), rebuilds);
  auto fresh = shownChart(2000, TrendChart::Range::last_hour);
  fresh->append(trend(0, 3880, 3700), {{vigil::station::TrendMarker::Kind::dose, 3650, "dose", {}}},
                3879, true);
  settle();
  for (S s : {S::spo2, S::pulse_rate, S::nibp_systolic, S::nibp_diastolic}) {
    EXPECT_EQ(live->shownPoints(s), fresh->shownPoints(s));
  }
  EXPECT_EQ(t::differingPixels(live->grab().toImage(), fresh->grab().toImage()), 0);
}

TEST(TrendChart, AWindowStepRebuildsEverySeries) {
  auto chart = shownChart(700, TrendChart::Range::last_15_min);
  chart->append(trend(0, 1000), {}, 1000, true);  // window [120, 1020] s, 1-minute steps
  const long rebuilds = chart->rebuilds();
  chart->append(trend(1000, 1201), {}, 1201, true);
  EXPECT_EQ(chart->rebuilds(), rebuilds + 1);
  EXPECT_LE(chart->shownPointCount(S::spo2), 2 * chart->plotColumns());
}

#pragma once
// Trend charts (Qt Charts): SpO2 (left axis, %), pulse rate and NIBP systolic/diastolic (right
// axis, bpm / mmHg) over the last 15 min, the last hour or the whole session, with dose markers
// (white dashed lines) and alarm markers (ticks in the alarm colour). The full-resolution data
// stays here; each series is reduced to a min/max pair per pixel column (IncrementalMinMax)
// before Qt Charts sees it, kept up to date point by point, and Qt Charts gets only what changed.
// The chart is rendered into a cache where its scene changed (a hand-over: the few pixels of
// the newest columns); repaints and grabs copy the cache, so a full-window frame at 30 Hz does
// not draw ~5,000 chart points again.

#include <QList>
#include <QPointF>
#include <QWidget>
#include <array>
#include <chrono>
#include <vector>

#include "min_max_reducer.hpp"
#include "screen_snapshot.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
class QPushButton;
class QXYSeries;
QT_END_NAMESPACE

namespace vigil::gui {

class TrendChartView;

class TrendChart : public QWidget {
  Q_OBJECT
 public:
  enum class Range { last_15_min, last_hour, session };
  enum class Series { spo2, pulse_rate, nibp_systolic, nibp_diastolic };
  static constexpr std::size_t kSeriesCount = 4;

  explicit TrendChart(QWidget* parent = nullptr);
  ~TrendChart() override;

  // New points and markers from a snapshot; `now_s` is the timeline's present. Points go into
  // each series' column envelope at once; the series whose envelope changed are handed to Qt
  // Charts together (only the changed points) at most every `kHandOverInterval`: a 1 Hz trend
  // changes at most its newest column a second. When the window moves (axis step) or the plot
  // width changes, every series is reduced and replaced at once. force = true hands over now.
  void append(const std::vector<station::TrendPoint>& points,
              const std::vector<station::TrendMarker>& markers, double now_s, bool force = false);
  void clear();
  void setRange(Range r);
  Range range() const { return range_; }
  // Points Qt Charts holds for a series (<= 2 per pixel column), x in min.
  qsizetype shownPointCount(Series s) const;
  QList<QPointF> shownPoints(Series s) const;
  std::size_t storedPointCount(Series s) const { return data_[index(s)].size(); }
  const std::vector<station::TrendMarker>& markers() const { return markers_; }
  int plotColumns() const;
  void rebuild();  // reduce and replace every series and set the axis, now

  // Work counters (tests, bench): QXYSeries replace calls, full rebuilds, and (partial) renders
  // of the chart into its cache.
  long seriesHandovers() const { return handovers_; }
  long rebuilds() const { return rebuilds_; }
  long chartRenders() const;

  static constexpr std::chrono::milliseconds kHandOverInterval{1000};

 private:
  static std::size_t index(Series s) { return static_cast<std::size_t>(s); }
  std::pair<double, double> window() const;  // [t0, t1] in s
  void handOver(std::size_t i);              // the changed part of envelope i to Qt Charts

  static constexpr std::size_t kMaxHeadPoints = 128;

  TrendChartView* view_;
  QChart* chart_;
  // Each series is drawn by two Qt Charts series: the body (in the legend) holds the envelope's
  // first body_points_, the head the rest (the newest columns, which change as points arrive).
  std::array<QXYSeries*, kSeriesCount> series_{};
  std::array<QXYSeries*, kSeriesCount> heads_{};
  std::array<std::size_t, kSeriesCount> body_points_{};
  QValueAxis* x_axis_;
  QValueAxis* spo2_axis_;
  QValueAxis* rate_axis_;
  std::array<QPushButton*, 3> range_buttons_{};
  std::array<std::vector<TimedValue>, kSeriesCount> data_;
  std::array<IncrementalMinMax, kSeriesCount> envelopes_;  // data_ reduced to shown_window_
  // First envelope point Qt Charts does not have yet (npos: up to date).
  std::array<std::size_t, kSeriesCount> changed_from_{};
  std::vector<station::TrendMarker> markers_;
  Range range_ = Range::last_15_min;
  double now_s_ = 0;
  std::chrono::steady_clock::time_point last_handover_{};
  std::pair<double, double> shown_window_{0, 0};
  int shown_columns_ = 0;
  double shown_tick_ = 0;
  long handovers_ = 0;
  long rebuilds_ = 0;
};

}  // namespace vigil::gui

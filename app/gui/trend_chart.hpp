#pragma once
// Trend charts (Qt Charts): SpO2 (left axis, %), pulse rate and NIBP systolic/diastolic (right
// axis, bpm / mmHg) over the last 15 min, the last hour or the whole session, with dose markers
// (white dashed lines) and alarm markers (ticks in the alarm colour). The full-resolution data
// stays here; each series is reduced to a min/max pair per pixel column (MinMaxReducer) before
// Qt Charts sees it, and the chart is rebuilt at most once a second (trends are 1 Hz data).

#include <QWidget>
#include <array>
#include <chrono>
#include <vector>

#include "min_max_reducer.hpp"
#include "screen_snapshot.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QLineSeries;
class QScatterSeries;
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

  // New points and markers from a snapshot; `now_s` is the timeline's present. At most every
  // `kRebuildInterval` the series with new points are handed to Qt Charts again, one series per
  // call so no single frame pays for all; when the window moves (axis step or resize) all are
  // rebuilt at once. force = true rebuilds now.
  void append(const std::vector<station::TrendPoint>& points,
              const std::vector<station::TrendMarker>& markers, double now_s, bool force = false);
  void clear();
  void setRange(Range r);
  Range range() const { return range_; }
  // Points Qt Charts holds for a series after the last rebuild (<= 2 per pixel column).
  qsizetype shownPointCount(Series s) const;
  std::size_t storedPointCount(Series s) const { return data_[index(s)].size(); }
  int plotColumns() const;
  void rebuild();  // every series and the axis, now

  static constexpr std::chrono::milliseconds kRebuildInterval{1000};

 private:
  static std::size_t index(Series s) { return static_cast<std::size_t>(s); }
  std::pair<double, double> window() const;  // [t0, t1] in s
  void replaceSeries(std::size_t i);         // reduce series i into shown_window_

  TrendChartView* view_;
  QChart* chart_;
  std::array<QXYSeries*, kSeriesCount> series_{};
  QValueAxis* x_axis_;
  QValueAxis* spo2_axis_;
  QValueAxis* rate_axis_;
  std::array<QPushButton*, 3> range_buttons_{};
  std::array<std::vector<TimedValue>, kSeriesCount> data_;
  std::vector<station::TrendMarker> markers_;
  std::vector<TimedValue> reduced_;  // reused storage
  Range range_ = Range::last_15_min;
  double now_s_ = 0;
  std::chrono::steady_clock::time_point last_rebuild_{};
  std::pair<double, double> shown_window_{0, 0};
  int shown_columns_ = 0;
  std::array<bool, kSeriesCount> series_dirty_{};  // new points not yet handed over
  std::array<bool, kSeriesCount> pending_{};       // to hand over, one per append()
};

}  // namespace vigil::gui

#pragma once
// A trend chart drawn with QPainter for a printed page: one channel's lowest-to-highest band
// per time bucket (SpO2, pulse rate) or BP readings as systolic-diastolic bars, with the dose
// and alarm markers and the device gaps of the session on the same time axis.

#include <QColor>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <string>
#include <vector>

#include "vigil/db/session_trends.hpp"

namespace vigil::report {

struct PlotMarker {
  db::UtcMs t_utc_ms = 0;
  QString label;  // "D1", "D2"
  QColor colour;
};

struct PlotSpan {  // a shaded time span (a device gap)
  db::UtcMs from_utc_ms = 0;
  db::UtcMs to_utc_ms = 0;
};

struct PlotBp {
  db::UtcMs t_utc_ms = 0;
  double systolic = 0;
  double diastolic = 0;
};

struct PlotSample {  // one point of a line (a waveform at full rate)
  db::UtcMs t_utc_ms = 0;
  double value = 0;
};

struct TrendPlot {
  QString title;  // "SpO2 (%)"
  db::UtcMs from_utc_ms = 0;
  db::UtcMs to_utc_ms = 0;
  double y_min = 0;
  double y_max = 100;
  std::vector<double> reference_lines;  // dashed, labelled (alarm limits in force)
  std::vector<db::TrendBucket> band;
  std::vector<PlotBp> bps;
  std::vector<PlotSample> line;  // drawn as a polyline, broken where samples are > 1 s apart
  QColor colour = QColor(0x00, 0x66, 0xcc);
  std::vector<PlotMarker> doses;   // drawn as vertical lines with their label
  std::vector<PlotMarker> alarms;  // drawn as triangles along the top, in the priority colour
  std::vector<PlotSpan> gaps;
};

// An alarm marker's colour by the stored priority name: red high, yellow medium, cyan low.
QColor alarm_priority_colour(const std::string& priority);

// `unit`: device units per point (line widths and text sizes are in points).
void draw_trend_plot(QPainter& painter, const QRectF& rect, const TrendPlot& plot, double unit);

// The chart's y range for a band: the data's range widened to whole steps of `step`, within
// [floor, ceiling]; `fallback` when there is no data.
std::pair<double, double> plot_range(const std::vector<db::TrendBucket>& band, double step,
                                     double floor, double ceiling,
                                     std::pair<double, double> fallback);

}  // namespace vigil::report

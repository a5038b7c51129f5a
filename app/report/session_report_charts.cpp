#include <algorithm>

#include "report_text.hpp"
#include "session_report_pdf.hpp"
#include "vigil/db/session_trends.hpp"

namespace vigil::report {
namespace {

constexpr int kBuckets = 480;  // about one per 0.4 mm across the page

// The charted span: the session's start (or first vitals) to its end (or last vitals).
std::pair<db::UtcMs, db::UtcMs> chart_span(db::Store& store, const db::Actor& actor,
                                           const db::SessionReport& r, db::UtcMs now) {
  const auto vitals = db::session_vitals_span(store, actor, r.panel.id, now);
  db::UtcMs from = r.started_utc_ms.value_or(vitals ? vitals->first : now);
  db::UtcMs to = r.ended_utc_ms.value_or(vitals ? vitals->second : now);
  if (vitals) {
    from = std::min(from, vitals->first);
    to = std::max(to, vitals->second);
  }
  if (to <= from) to = from + 60'000;
  return {from, to};
}

// Which device families' gaps a chart shades: SunTech measures only NIBP, GE S/5 both.
bool carries_oximetry(const std::string& family) { return family != "suntech"; }
bool carries_nibp(const std::string& family) { return family == "suntech" || family == "ge-s5"; }

TrendPlot base_plot(const db::SessionReport& r, std::pair<db::UtcMs, db::UtcMs> span,
                    bool (*charted)(const std::string&)) {
  TrendPlot p;
  p.from_utc_ms = span.first;
  p.to_utc_ms = span.second;
  int n = 0;
  for (const auto& d : r.panel.doses) {
    p.doses.push_back({d.start_utc_ms, QStringLiteral("D%1").arg(++n), QColor(0x6a, 0x1b, 0x9a)});
  }
  for (const auto& a : r.alarms) {
    p.alarms.push_back({a.start_utc_ms, QString(), alarm_priority_colour(a.priority)});
  }
  for (const auto& g : r.device_gaps) {
    if (charted(g.family)) p.gaps.push_back({g.from_utc_ms, g.to_utc_ms});
  }
  return p;
}

}  // namespace

std::vector<TrendPlot> read_session_charts(db::Store& store, const db::Actor& actor,
                                           const db::SessionReport& r, db::UtcMs now) {
  const auto span = chart_span(store, actor, r, now);
  const auto series = db::read_session_trends(store, actor, r.panel.id,
                                              {core::Channel::spo2, core::Channel::pulse_rate},
                                              span.first, span.second, kBuckets, now);
  std::vector<TrendPlot> plots;
  TrendPlot spo2 = base_plot(r, span, carries_oximetry);
  spo2.title = QStringLiteral("SpO2 (%) - lowest to highest per %1 s")
                   .arg(std::max<db::UtcMs>(
                       1, (span.second - span.first + kBuckets * 1000 - 1) / (kBuckets * 1000)));
  spo2.band = series[0].buckets;
  std::tie(spo2.y_min, spo2.y_max) = plot_range(spo2.band, 5, 50, 100, {85, 100});
  spo2.colour = QColor(0x00, 0x70, 0xc0);
  plots.push_back(spo2);
  TrendPlot pr = base_plot(r, span, carries_oximetry);
  pr.title = QStringLiteral("Pulse rate (/min)");
  pr.band = series[1].buckets;
  std::tie(pr.y_min, pr.y_max) = plot_range(pr.band, 10, 20, 250, {50, 110});
  pr.colour = QColor(0x00, 0x80, 0x40);
  plots.push_back(pr);
  TrendPlot bp = base_plot(r, span, carries_nibp);
  bp.title = QStringLiteral("Blood pressure (mmHg) - systolic to diastolic");
  std::vector<db::TrendBucket> range;
  for (const auto& b : r.bps) {
    bp.bps.push_back({b.t_utc_ms, b.systolic_mmhg, b.diastolic_mmhg});
    range.push_back({b.t_utc_ms, b.diastolic_mmhg, b.systolic_mmhg});
  }
  std::tie(bp.y_min, bp.y_max) = plot_range(range, 20, 20, 260, {60, 160});
  bp.colour = QColor(0xb0, 0x30, 0x00);
  plots.push_back(bp);
  return plots;
}

void draw_session_charts(PdfPages& pages, const std::vector<TrendPlot>& plots) {
  pages.need(200);  // the heading, the legend and the first chart together
  pages.heading(QStringLiteral("Trends"));
  pages.small(
      QStringLiteral("D1, D2...: doses. Triangles: alarm starts (red high, yellow medium, "
                     "cyan low priority). Grey: a device was disconnected."));
  const double unit = 600.0 / 72.0;
  for (const auto& plot : plots) {
    pages.block(130, [&](QPainter& painter, const QRectF& rect) {
      draw_trend_plot(painter, rect, plot, unit);
    });
  }
}

}  // namespace vigil::report

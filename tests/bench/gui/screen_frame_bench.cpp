// Screen frame time with full trends. The monitor window holds an 8-hour session (5 trended
// channels at 1 Hz, dose and alarm markers) and receives snapshots paced at 30 per second (pleth
// block, a trend point per channel each second, SpO2 alarm annunciation). A frame is what the
// GUI thread does for one snapshot: showSnapshot, the event loop's dirty-region repaint, and on
// top a full-window grab() (renders every widget again: the worst case). Per trend view and run
// it prints p50/p99/max of that full-window frame, wall clock (the target: p99 <= 16 ms
// offscreen) and the GUI thread's CPU time (the work itself, without waits for a busy CPU),
// and the pleth sweep rate (>= 25 frames/s).
//
// The clinical area shows the session panel of that session, read from a real database file
// once a second (--no-panel: the sign-in placeholder instead). --forms: how long each clinical
// page takes to open (button press to painted), target < 100 ms.
//
// Run: QT_QPA_PLATFORM=offscreen build/release/tests/bench/vigil_screen_bench
//   [--range 15min|1h|session|all] [--runs N] [--frames N] [--breakdown] [--trace MS]
//   [--no-panel] [--forms]
// --breakdown: per-widget grab() costs and a forced trend rebuild; --trace MS: every frame
// slower than MS with its parts and the trend chart's work in it.
#include <QApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "alarm_bar.hpp"
#include "checklist_form.hpp"
#include "clinical_panel.hpp"
#include "device_strip.hpp"
#include "dose_form.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "panel_session.hpp"
#include "pleth_strip.hpp"
#include "screen_scenario.hpp"
#include "session_panel_widget.hpp"
#include "trend_chart.hpp"
#include "user_bar.hpp"

namespace {

using vigil::bench::ms;
using vigil::bench::print;
using vigil::bench::Stats;
using vigil::gui::ClinicalPanel;
using vigil::gui::MonitorWindow;
using vigil::gui::TrendChart;

struct View {
  const char* name;
  TrendChart::Range range;
};

struct Options {
  int frames = 300;
  int runs = 3;
  bool breakdown = false;
  double trace = 0;  // ms; 0 = off
  bool panel = true;
  bool forms = false;
};

struct Run {
  std::vector<double> apply, repaint, grab, real_frame, full_frame, full_cpu;
  double sweep_fps = 0;
  long handovers = 0;  // QXYSeries updates
  long rebuilds = 0;
  long renders = 0;  // (partial) renders of the trend chart into its cache
};

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Where a full-window grab goes: each part rendered alone.
void printGrabParts(MonitorWindow& w) {
  const std::pair<const char*, QWidget*> parts[] = {{"grab() window", &w},
                                                    {"  trend chart", w.trendChart()},
                                                    {"  pleth strip", w.plethStrip()},
                                                    {"  alarm bar", w.alarmBar()},
                                                    {"  SpO2 tile", w.spo2Tile()},
                                                    {"  NIBP tile", w.nibpTile()},
                                                    {"  device strip", w.deviceStrip()},
                                                    {"  user bar", w.userBar()},
                                                    {"  clinical area", w.clinicalArea()}};
  for (const auto& [name, widget] : parts) {
    std::vector<double> v;
    for (int i = 0; i < 20; ++i) {
      QElapsedTimer t;
      t.start();
      (void)widget->grab();
      v.push_back(ms(t));
    }
    print(name, v);
  }
}

void loadSession(MonitorWindow& window, bool breakdown) {
  QElapsedTimer t;
  t.start();
  window.showSnapshot(vigil::bench::sessionHistory());
  QApplication::processEvents();
  (void)window.grab();
  if (!breakdown) return;
  std::printf("  load 8 h of trends + first frame: %.1f ms\n", ms(t));
  std::vector<double> rebuild, chart_grab;
  for (int i = 0; i < 20; ++i) {
    t.restart();
    window.trendChart()->rebuild();
    QApplication::processEvents();
    rebuild.push_back(ms(t));
    t.restart();
    (void)window.trendChart()->grab();
    chart_grab.push_back(ms(t));
  }
  print("forced rebuild + repaint", rebuild);
  print("trend chart grab() after it", chart_grab);
}

Run runOnce(const View& view, const Options& o) {
  MonitorWindow window;
  window.resize(1280, 800);
  std::unique_ptr<vigil::bench::PanelSession> clinical;
  if (o.panel) {
    clinical = std::make_unique<vigil::bench::PanelSession>();
    clinical->showIn(window);
  }
  window.show();
  window.trendChart()->setRange(view.range);
  loadSession(window, o.breakdown);

  TrendChart* trends = window.trendChart();
  Run run;
  vigil::bench::LiveStream stream(vigil::bench::kSessionSeconds);
  const long handovers = trends->seriesHandovers();
  const long rebuilds = trends->rebuilds();
  const long renders = trends->chartRenders();
  int cursor = window.plethStrip()->cursor();
  long sweep_steps = 0;
  const auto count_sweep = [&] {
    if (window.plethStrip()->cursor() == cursor) return;
    cursor = window.plethStrip()->cursor();
    ++sweep_steps;
  };
  QElapsedTimer pace;
  pace.start();
  for (int f = 0; f < o.frames; ++f) {
    // Pace at 30 snapshots per second; timers (pleth sweep, alarm flashing) run meanwhile.
    while (pace.nsecsElapsed() < static_cast<qint64>(f) * 33'333'333) {
      QApplication::processEvents(QEventLoop::AllEvents, 1);
      count_sweep();
    }
    const auto& snapshot = stream.next(f);
    const long h0 = trends->seriesHandovers();
    const long r0 = trends->chartRenders();
    const double cpu0 = threadCpuMs();
    QElapsedTimer t;
    t.start();
    window.showSnapshot(snapshot);
    const double apply = ms(t);
    // What the event loop does next: layout requests, timers due, and painting of the dirty
    // regions into the window's backing store.
    QApplication::sendPostedEvents();
    QApplication::processEvents();
    const double repaint = ms(t);
    (void)window.grab();
    const double total = ms(t);
    run.full_cpu.push_back(threadCpuMs() - cpu0);
    count_sweep();
    if (o.trace > 0 && total > o.trace) {
      std::printf(
          "  frame %3d: %5.2f ms (cpu %5.2f) = showSnapshot %5.2f + repaint %5.2f + grab %5.2f; "
          "%ld series hand-overs, %ld chart renders\n",
          f, total, run.full_cpu.back(), apply, repaint - apply, total - repaint,
          trends->seriesHandovers() - h0, trends->chartRenders() - r0);
    }
    run.apply.push_back(apply);
    run.repaint.push_back(repaint - apply);
    run.grab.push_back(total - repaint);
    run.real_frame.push_back(repaint);
    run.full_frame.push_back(total);
  }
  run.sweep_fps = static_cast<double>(sweep_steps) / (static_cast<double>(pace.elapsed()) / 1e3);
  run.handovers = trends->seriesHandovers() - handovers;
  run.rebuilds = trends->rebuilds() - rebuilds;
  run.renders = trends->chartRenders() - renders;
  if (o.breakdown) {
    print("showSnapshot", run.apply);
    print("dirty-region repaint", run.repaint);
    print("full-window grab()", run.grab);
    printGrabParts(window);
  }
  if (clinical) clinical->detach(window);
  return run;
}

// Time from pressing a clinical page's button to the page painted, 30 times each.
bool measureFormOpening() {
  MonitorWindow window;
  window.resize(1280, 800);
  vigil::bench::PanelSession clinical;
  ClinicalPanel* panel = clinical.showIn(window);
  window.show();
  window.showSnapshot(vigil::bench::sessionHistory());
  QApplication::processEvents();
  using Page = ClinicalPanel::Page;
  const std::pair<const char*, std::function<void()>> opens[] = {
      {"Today list", [&] { panel->pageButton(Page::today)->click(); }},
      {"Patients", [&] { panel->pageButton(Page::patients)->click(); }},
      {"Plan session", [&] { panel->pageButton(Page::plan)->click(); }},
      {"Session panel", [&] { panel->pageButton(Page::session)->click(); }},
      {"Pre-dose checklist", [&] { panel->sessionPanel()->checklistButton()->click(); }},
      {"Dose and waste", [&] { panel->sessionPanel()->doseButton()->click(); }},
  };
  bool met = true;
  std::printf("\nform opening (button press -> page painted), 30 times each, ms:\n");
  for (const auto& [name, open] : opens) {
    std::vector<double> v;
    for (int i = 0; i < 30; ++i) {
      panel->pageButton(name == std::string("Today list") ? Page::session : Page::today)->click();
      if (std::string(name) == "Pre-dose checklist" || std::string(name) == "Dose and waste") {
        panel->pageButton(Page::session)->click();
      }
      QApplication::processEvents();
      QElapsedTimer t;
      t.start();
      open();
      QApplication::sendPostedEvents();
      QApplication::processEvents();
      (void)window.clinicalArea()->grab();
      v.push_back(ms(t));
    }
    print(name, v);
    met = met && vigil::bench::stats(v).max < 100.0;
  }
  std::printf("target: every form opens in < 100 ms (max): %s\n", met ? "met" : "NOT met");
  if (const QByteArray png = qgetenv("VIGIL_BENCH_PNG"); !png.isEmpty()) {
    panel->pageButton(Page::session)->click();
    QApplication::processEvents();
    window.grab().save(QString::fromLocal8Bit(png));
  }
  clinical.detach(window);
  return met;
}

QString joined(const std::vector<Stats>& runs, double Stats::*field) {
  QStringList parts;
  for (const Stats& s : runs) parts << QString::number(s.*field, 'f', 1);
  return parts.join(QStringLiteral(" / "));
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM",
          qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
  QApplication app(argc, argv);
  const QStringList args = QApplication::arguments();
  Options o;
  QString range = QStringLiteral("all");
  for (qsizetype i = 1; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == QLatin1String("--breakdown")) o.breakdown = true;
    if (args[i] == QLatin1String("--frames") && has_value)
      o.frames = std::max(10, args[++i].toInt());
    if (args[i] == QLatin1String("--runs") && has_value) o.runs = std::max(1, args[++i].toInt());
    if (args[i] == QLatin1String("--trace") && has_value) o.trace = args[++i].toDouble();
    if (args[i] == QLatin1String("--range") && has_value) range = args[++i];
    if (args[i] == QLatin1String("--no-panel")) o.panel = false;
    if (args[i] == QLatin1String("--forms")) o.forms = true;
  }
  std::vector<View> views;
  const bool all = range == QLatin1String("all");
  if (all || range == QLatin1String("15min"))
    views.push_back({"15 min", TrendChart::Range::last_15_min});
  if (all || range == QLatin1String("1h")) views.push_back({"1 h", TrendChart::Range::last_hour});
  if (all || range == QLatin1String("session"))
    views.push_back({"session", TrendChart::Range::session});
  if (views.empty()) {
    std::fprintf(stderr, "--range: expected 15min, 1h, session or all, got %s\n",
                 qPrintable(range));
    return 2;
  }

  if (o.forms) return measureFormOpening() ? 0 : 1;
  std::printf(
      "vigil_screen_bench: 1280x800 offscreen, 8 h session (5 trend channels at 1 Hz, dose and "
      "alarm markers), %d snapshots at 30/s per run, pleth 75 Hz, medium alarm flashing, %s\n",
      o.frames,
      o.panel ? "session panel shown (read from the database once a second)" : "no panel");
  bool met = true;
  std::vector<std::pair<const View*, std::vector<Stats>>> summary;
  for (const View& view : views) {
    std::vector<Stats> per_run;
    for (int r = 0; r < o.runs; ++r) {
      if (o.breakdown || o.trace > 0) std::printf("view %s, run %d:\n", view.name, r + 1);
      const Run run = runOnce(view, o);
      const Stats full = vigil::bench::stats(run.full_frame);
      const Stats cpu = vigil::bench::stats(run.full_cpu);
      const Stats real = vigil::bench::stats(run.real_frame);
      std::printf(
          "%-7s run %d: full-window frame p50 %5.2f p99 %5.2f max %5.2f ms (cpu p50 %4.2f p99 "
          "%5.2f) | snapshot + dirty repaint p99 %5.2f ms | pleth %.1f frames/s | trend: %ld "
          "hand-overs, %ld rebuilds, %ld chart renders\n",
          view.name, r + 1, full.p50, full.p99, full.max, cpu.p50, cpu.p99, real.p99, run.sweep_fps,
          run.handovers, run.rebuilds, run.renders);
      std::fflush(stdout);
      met = met && full.p99 <= 16.0 && run.sweep_fps >= 25.0;
      per_run.push_back(full);
    }
    summary.emplace_back(&view, per_run);
  }
  std::printf("\nfull-window frame (showSnapshot + dirty repaint + grab), ms, run 1 / 2 / ...\n");
  std::printf("%-8s %-22s %-22s %-22s\n", "view", "p50", "p99", "max");
  for (const auto& [view, per_run] : summary) {
    std::printf("%-8s %-22s %-22s %-22s\n", view->name, qPrintable(joined(per_run, &Stats::p50)),
                qPrintable(joined(per_run, &Stats::p99)), qPrintable(joined(per_run, &Stats::max)));
  }
  std::printf("target p99 <= 16 ms on every view and run, pleth >= 25 frames/s: %s\n",
              met ? "met" : "NOT met");
  return 0;
}

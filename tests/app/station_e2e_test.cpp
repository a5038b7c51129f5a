// End to end over real pseudo-terminals: a simulated pulse oximeter -> device session -> alarm
// engine -> recorder (a real database file), and the monitor window fed by the station through
// the StationBridge. The nurse acknowledges and pauses through the window's buttons.
#include <gtest/gtest.h>

#include <QPushButton>
#include <QTest>
#include <atomic>
#include <mutex>
#include <thread>

#include "alarm_bar.hpp"
#include "db/db_test_support.hpp"
#include "gui_test_support.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "scaled_clock.hpp"
#include "station.hpp"
#include "station_bridge.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace {

using namespace std::chrono_literals;
using vigil::core::AlarmEvent;
using vigil::core::AlarmEventKind;
using vigil::core::AlarmPriority;
using vigil::gui::MonitorWindow;
using vigil::gui::StationBridge;
namespace db = vigil::db;
namespace sim = vigil::drivers::sim;
namespace station = vigil::station;
namespace t = vigil::gui::test;

// Passes snapshots to the bridge and keeps the time each SpO2 alarm event was decided.
class TeeListener : public station::StationListener {
 public:
  explicit TeeListener(StationBridge& bridge) : bridge_(bridge) {}
  void on_snapshot(station::ScreenSnapshot&& s) override { bridge_.on_snapshot(std::move(s)); }
  void on_alarm_event(const AlarmEvent& e) override {
    if (e.condition.kind != vigil::core::AlarmConditionKind::limit) return;
    std::lock_guard lock(mutex_);
    if (e.kind == AlarmEventKind::raised && !raised_) {
      raised_ = std::chrono::steady_clock::now();
      raised_priority_ = e.priority;
    }
  }
  std::optional<std::chrono::steady_clock::time_point> raised() const {
    std::lock_guard lock(mutex_);
    return raised_;
  }

 private:
  StationBridge& bridge_;
  mutable std::mutex mutex_;
  std::optional<std::chrono::steady_clock::time_point> raised_;
  std::optional<AlarmPriority> raised_priority_;
};

struct EndToEnd : ::testing::Test {
  db::test::StoreFixture store;
  db::RowId session = store.dosing_session();
  db::Recorder recorder{db::Store::open(store.file, db::OpenMode::open_existing)};
  MonitorWindow window;
  StationBridge bridge{window};
  TeeListener tee{bridge};
  std::unique_ptr<sim::PtySimulator> simulator;
  std::unique_ptr<station::Station> station;
  std::chrono::steady_clock::time_point epoch;
  double start_at = 0;

  // The desaturation scenario from `start_at_s` at real speed (alarm delays are real seconds).
  void start(double start_at_s) {
    start_at = start_at_s;
    epoch = std::chrono::steady_clock::now() + 300ms;
    sim::SimulatorOptions o;
    o.device = "nonin-df2";
    o.timeline = *sim::make_scenario("desaturation");
    o.start_at_s = start_at_s;
    o.epoch = epoch;
    simulator = std::make_unique<sim::PtySimulator>(std::move(o));
    simulator->start();
    station::StationConfig c;
    vigil::drivers::DeviceSessionConfig d;
    d.name = "Oximeter";
    d.protocol = "nonin-df2";
    d.identity = vigil::drivers::DeviceIdentity::parse(simulator->link_path());
    c.devices.push_back(d);
    station = std::make_unique<station::Station>(std::move(c), tee);
    bridge.attach(*station, QString::fromStdString(store.nurse.name));
    station->set_phase(vigil::core::SessionPhase::dosing);
    station->start();
    station::SessionRecording r;
    r.recorder = &recorder;
    r.actor = store.nurse;
    r.session_id = session;
    station->begin_session(std::move(r));
    window.resize(1280, 820);
    window.show();
  }

  void TearDown() override {
    if (station) {
      bridge.detach();
      station->end_session();
      station->stop();
    }
  }

  // Real time at which the simulator first sends SpO2 below `limit`.
  std::chrono::steady_clock::time_point breach_at(int limit) const {
    const sim::Timeline timeline = *sim::make_scenario("desaturation");
    for (double s = start_at; s < 300; s += 0.05) {
      const auto v = timeline.at(s);
      if (v.spo2 && *v.spo2 < limit) {
        return epoch + std::chrono::milliseconds(static_cast<int>((s - start_at) * 1000));
      }
    }
    return epoch;
  }

  // Polls the alarm row of SpO2 low until `column` is set (the alarm log writes asynchronously).
  bool alarm_column_set(const char* column, std::chrono::milliseconds timeout) {
    return QTest::qWaitFor(
        [&] {
          SQLite::Statement q(store.db, std::string("SELECT ") + column +
                                            " FROM alarm_events WHERE condition = 'spo2_low' "
                                            "AND session_id = " +
                                            std::to_string(session));
          return q.executeStep() && !q.getColumn(0).isNull();
        },
        static_cast<int>(timeout.count()));
  }
};

TEST_F(EndToEnd, DesaturationShowsOnTheWindowAndTheNurseAcknowledgesAndPauses) {
  start(58);  // SpO2 < 90 % from scenario ~54 s: the medium alarm comes after its 10 s delay
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.spo2Tile()->valueText() != "---"; }, 5000));
  const int shown = window.spo2Tile()->valueText().toInt();
  EXPECT_GE(shown, 84);
  EXPECT_LE(shown, 98);

  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.alarmBar()->headlineText().startsWith("!! SpO2 LOW"); }, 20000))
      << window.alarmBar()->headlineText().toStdString();
  const auto raised = tee.raised();
  ASSERT_TRUE(raised);
  EXPECT_LE(*raised - breach_at(90), 10s + 1s);
  EXPECT_GE(*raised - breach_at(90), 10s - 500ms);
  window.alarmBar()->setPhaseForTest(true);
  EXPECT_TRUE(t::isYellow(t::cornerColour(window.alarmBar()->headline())))
      << t::cornerColour(window.alarmBar()->headline()).name().toStdString();
  EXPECT_TRUE(window.alarmBar()->flashTimer().isFlashing());

  QTest::mouseClick(window.alarmBar()->acknowledgeButton(), Qt::LeftButton);
  EXPECT_TRUE(alarm_column_set("acknowledged_by", 3s)) << "acknowledgement recorded";
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window.alarmBar()->audioStateText().contains("acknowledged"); }, 2000))
      << window.alarmBar()->audioStateText().toStdString();

  QTest::mouseClick(window.alarmBar()->audioPauseButton(), Qt::LeftButton);
  EXPECT_TRUE(alarm_column_set("audio_paused_by", 3s)) << "audio pause recorded";
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return window.alarmBar()->countdownText().contains("2:00"); }, 2000))
      << window.alarmBar()->countdownText().toStdString();
  EXPECT_TRUE(
      QTest::qWaitFor([&] { return window.alarmBar()->countdownText().contains("1:59"); }, 2500))
      << "the pause counts down";
}

TEST_F(EndToEnd, AFrozenWindowDoesNotDelayTheAlarmDecision) {
  start(60);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.spo2Tile()->valueText() != "---"; }, 5000));
  // Freeze the GUI thread through the breach and the whole condition delay.
  const auto freeze_until = breach_at(90) + 10s + 2s;
  std::this_thread::sleep_until(freeze_until);
  const auto raised = tee.raised();
  ASSERT_TRUE(raised) << "the alarm was decided while the window was frozen";
  EXPECT_LE(*raised - breach_at(90), 10s + 1s);
  EXPECT_LT(*raised, freeze_until);
  EXPECT_GT(bridge.merged(), 100u) << "snapshots were merged, not queued, while frozen";
  const auto delivered_before = bridge.delivered();
  // Once the window runs again it shows the alarm from the one merged snapshot.
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.alarmBar()->headlineText().startsWith("!! SpO2 LOW"); }, 1000));
  EXPECT_LE(bridge.delivered() - delivered_before, 40u);
}

}  // namespace

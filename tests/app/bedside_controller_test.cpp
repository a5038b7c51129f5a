// The bedside station behind the window (`vigil --db FILE [--user] [--device ...]`) over a
// real pty and database file: the station runs before anyone signs in; Start from the Today
// list (the gateway) records the planned session as the signed-in user; switching user keeps
// the recording going; a dose becomes a trend marker; refusals show in the status bar.
#include "bedside_controller.hpp"

#include "audit_log_view.hpp"

#include <gtest/gtest.h>

#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>

#include "db/db_test_support.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "sign_in_screen.hpp"
#include "trend_chart.hpp"
#include "user_bar.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace {

using vigil::gui::BedsideController;
using vigil::gui::MonitorWindow;
using Cover = MonitorWindow::ClinicalCover;
namespace db = vigil::db;
namespace sim = vigil::drivers::sim;

struct Bedside : ::testing::Test {
  db::test::StoreFixture store;
  db::RowId planned = store.planned_session();
  sim::PtySimulator simulator{[] {
    sim::SimulatorOptions o;
    o.device = "nonin-df2";
    o.timeline = *sim::make_scenario("normal");
    return o;
  }()};
  MonitorWindow window;
  BedsideController controller{window};

  vigil::gui::StationModeOptions options(const std::string& user = {}) {
    vigil::gui::StationModeOptions o;
    o.db_file = store.file.string();
    o.user = user;
    o.password = db::test::kPassword;
    vigil::drivers::DeviceSessionConfig d;
    d.device_id = 1;
    d.protocol = "nonin-df2";
    d.identity = vigil::drivers::DeviceIdentity::parse(simulator.link_path());
    o.devices.push_back(d);
    return o;
  }
  void signIn(const QString& user) {
    auto* screen = window.signInScreen();
    screen->userEdit()->setText(user);
    screen->passwordEdit()->setText(db::test::kPassword);
    QTest::mouseClick(screen->signInButton(), Qt::LeftButton);
  }
  QString status() const { return window.statusBar()->currentMessage(); }
  std::string phase() {
    return store.db.execAndGet("SELECT phase FROM sessions WHERE id = " + std::to_string(planned))
        .getString();
  }
  std::int64_t vitalsRows() {
    return store.db
        .execAndGet("SELECT count(*) FROM vitals_numeric WHERE session_id = " +
                    std::to_string(planned))
        .getInt64();
  }
};

TEST_F(Bedside, TheStationRunsBeforeAnyoneSignsIn) {
  simulator.start();
  controller.startStation(options());
  window.show();
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_FALSE(controller.gateway()->user());
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.spo2Tile()->valueText() != "---"; }, 5000))
      << "the devices are watched with nobody signed in";
  EXPECT_EQ(controller.gateway()->chair(), "chair-1");
}

TEST_F(Bedside, StartFromTheTodayListRecordsThePlannedSessionAsTheSignedInUser) {
  simulator.start();
  controller.startStation(options());
  window.show();
  signIn("nina");
  controller.gateway()->requestStart(planned);
  EXPECT_TRUE(status().startsWith("recording session")) << status().toStdString();
  EXPECT_EQ(phase(), "pre_dose") << "a planned session is started";
  EXPECT_EQ(controller.recordingSession(), planned);
  EXPECT_EQ(controller.gateway()->activeSession(), planned);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.spo2Tile()->valueText() != "---"; }, 5000));
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.sessionText().contains("Pat Doe"); }, 2000))
      << window.sessionText().toStdString();
  QTest::qWait(1500);
  controller.shutdown();
  EXPECT_GT(vitalsRows(), 2);
  const auto links = store.db
                         .execAndGet(
                             "SELECT count(*) FROM device_connections WHERE "
                             "disconnected_utc_ms IS NOT NULL AND session_id = " +
                             std::to_string(planned))
                         .getInt64();
  EXPECT_EQ(links, 1) << "the device connection is recorded and closed at shutdown";
}

TEST_F(Bedside, SwitchUserKeepsTheRecordingGoing) {
  simulator.start();
  controller.startStation(options("nina"));
  window.show();
  controller.gateway()->requestStart(planned);
  ASSERT_EQ(controller.recordingSession(), planned) << status().toStdString();
  ASSERT_TRUE(QTest::qWaitFor([&] { return vitalsRows() > 0; }, 5000));
  QTest::mouseClick(window.userBar()->switchUserButton(), Qt::LeftButton);
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_FALSE(controller.gateway()->user());
  const auto before = vitalsRows();
  EXPECT_TRUE(QTest::qWaitFor([&] { return vitalsRows() > before + 2; }, 5000))
      << "vitals are still recorded after the user signed out";
  EXPECT_EQ(controller.recordingSession(), planned);
  signIn("carl");
  EXPECT_EQ(controller.gateway()->user()->name, "carl");
  EXPECT_EQ(controller.gateway()->activeSession(), planned);
  const auto after_switch = vitalsRows();
  EXPECT_TRUE(QTest::qWaitFor([&] { return vitalsRows() > after_switch; }, 5000));
}

TEST_F(Bedside, WithoutADeviceTheMonitorSaysNoDevice) {
  auto o = options();
  o.devices.clear();
  controller.startStation(o);
  window.show();
  EXPECT_EQ(status(), "no device: the monitor shows no values");
  QTest::qWait(300);
  EXPECT_EQ(window.spo2Tile()->reasonText(), "no device");
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
}

TEST_F(Bedside, ClosingTheSessionStopsRecordingAndFreesTheChair) {
  simulator.start();
  controller.startStation(options("carl"));
  controller.gateway()->requestStart(planned);
  ASSERT_EQ(controller.recordingSession(), planned) << status().toStdString();
  controller.gateway()->run([&](db::Store& s, const db::Actor& a, db::UtcMs t) {
    db::end_session_early(s, a, planned, "patient declined", t);
  });
  controller.gateway()->notifyRecordChanged(planned);
  EXPECT_EQ(controller.recordingSession(), 0);
  EXPECT_EQ(controller.gateway()->activeSession(), 0);
  EXPECT_EQ(status(), "recording stopped");
  const auto rows = vitalsRows();
  QTest::qWait(1200);
  EXPECT_EQ(vitalsRows(), rows) << "nothing is recorded into the closed session";
  const db::RowId next = store.planned_session();
  controller.gateway()->requestStart(next);
  EXPECT_EQ(controller.recordingSession(), next) << status().toStdString();
}

TEST_F(Bedside, StartWithNobodySignedInIsRefused) {
  controller.startStation(options());
  controller.gateway()->requestStart(planned);
  EXPECT_TRUE(status().contains("sign in first")) << status().toStdString();
  EXPECT_EQ(phase(), "planned");
  EXPECT_EQ(controller.recordingSession(), 0);
}

TEST_F(Bedside, AnUnknownSessionIsRefusedInTheStatusBar) {
  controller.startStation(options("nina"));
  controller.gateway()->requestStart(404);
  EXPECT_TRUE(status().contains("session 404: no such session")) << status().toStdString();
  EXPECT_EQ(controller.recordingSession(), 0);
}

TEST_F(Bedside, AnAuditorSignsInButCannotStartRecording) {
  controller.startStation(options("aud"));
  EXPECT_EQ(window.userBar()->userText(), "Signed in: aud (auditor)");
  controller.gateway()->requestStart(planned);
  EXPECT_TRUE(status().contains("role auditor may not")) << status().toStdString();
  EXPECT_EQ(phase(), "planned");
  // Records opens the look-back window on the audit log; switching user closes it.
  QTest::mouseClick(window.userBar()->recordsButton(), Qt::LeftButton);
  ASSERT_NE(controller.records(), nullptr);
  EXPECT_TRUE(controller.records()->isVisible());
  EXPECT_EQ(controller.records()->tabs()->currentWidget(), controller.records()->auditLog());
  EXPECT_GT(controller.records()->auditLog()->entries().size(), 0u);
  QTest::mouseClick(window.userBar()->switchUserButton(), Qt::LeftButton);
  EXPECT_FALSE(controller.records()->isVisible());
}

TEST_F(Bedside, AWrongPasswordForUserIsRefused) {
  auto o = options("nina");
  o.password = "not the password";
  EXPECT_THROW(controller.startStation(o), db::AuthenticationFailed);
}

TEST_F(Bedside, ADoseRecordedBecomesAMarkerOnTheTrends) {
  simulator.start();
  controller.startStation(options("nina"));
  window.show();
  controller.gateway()->requestStart(planned);
  ASSERT_EQ(controller.recordingSession(), planned);
  controller.gateway()->notifyDose(planned, controller.gateway()->now() - 2000, "esketamine 28 mg");
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window.trendChart()->markers().empty(); }, 3000));
  const auto& m = window.trendChart()->markers().back();
  EXPECT_EQ(m.kind, vigil::station::TrendMarker::Kind::dose);
  EXPECT_EQ(m.label, "esketamine 28 mg");
}

TEST_F(Bedside, MeasureNowWithoutAnNibpDeviceSaysSo) {
  simulator.start();
  controller.startStation(options("nina"));
  controller.gateway()->requestNibp();
  EXPECT_EQ(status(), "cannot measure NIBP: no connected device takes NIBP commands");
}

TEST_F(Bedside, MeasureNowStartsTheMeasurementOnTheModuleThatTakesNibpCommands) {
  sim::PtySimulator module{[] {
    sim::SimulatorOptions o;
    o.device = "suntech";
    o.timeline = *sim::make_scenario("normal");
    return o;
  }()};
  simulator.start();
  module.start();
  auto o = options("nina");
  vigil::drivers::DeviceSessionConfig bp;
  bp.device_id = 2;
  bp.name = "NIBP";
  bp.protocol = "suntech";
  bp.identity = vigil::drivers::DeviceIdentity::parse(module.link_path());
  o.devices.push_back(bp);
  controller.startStation(o);
  const auto module_connected = [&] {
    for (const auto& d : window.devices()) {
      if (d.id == 2 && d.connected) return true;
    }
    return false;
  };
  ASSERT_TRUE(QTest::qWaitFor(module_connected, 5000));
  controller.gateway()->requestNibp();
  EXPECT_TRUE(status().startsWith("NIBP measurement started on NIBP")) << status().toStdString();
  const auto measuring = [&] {
    for (const auto& d : window.devices()) {
      if (d.id == 2 && d.nibp_measuring) return true;
    }
    return false;
  };
  EXPECT_TRUE(QTest::qWaitFor(measuring, 5000)) << "the module measures";
  controller.shutdown();
}

TEST_F(Bedside, TheSiteIdleLockSettingIsRead) {
  store.tick();
  db::set_site_setting(store.store, store.admin, "idle_lock_minutes", "2", store.tick());
  controller.startStation(options());
  EXPECT_EQ(controller.access()->idleLock().timeout(), std::chrono::minutes(2));
}

TEST_F(Bedside, ABadIdleLockSettingFallsBackToTheDefaultWithAMessage) {
  db::set_site_setting(store.store, store.admin, "idle_lock_minutes", "soon", store.tick());
  controller.startStation(options());
  EXPECT_EQ(controller.access()->idleLock().timeout(), std::chrono::minutes(5));
  EXPECT_TRUE(status().startsWith("site setting idle_lock_minutes: must be whole minutes"))
      << status().toStdString();
}

}  // namespace

// The bedside station behind the window (`vigil --db --user --device`): login, Start session
// for a patient through the form, recording over a real pty, Stop; refusals in the status bar.
#include "bedside_controller.hpp"

#include <gtest/gtest.h>

#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>

#include "db/db_test_support.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "session_form.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace {

using vigil::gui::BedsideController;
using vigil::gui::MonitorWindow;
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

  vigil::gui::StationModeOptions options(const std::string& user) {
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
  void start_session_for(const QString& patient) {
    window.sessionForm()->patientIdEdit()->setText(patient);
    QTest::mouseClick(window.sessionForm()->startButton(), Qt::LeftButton);
  }
  std::string phase() {
    return store.db.execAndGet("SELECT phase FROM sessions WHERE id = " + std::to_string(planned))
        .getString();
  }
};

TEST_F(Bedside, TheNurseStartsThePlannedSessionRecordsAndStops) {
  simulator.start();
  controller.startStation(options("nina"));
  window.show();
  start_session_for("MRN-1");
  EXPECT_TRUE(window.statusBar()->currentMessage().startsWith("recording session"))
      << window.statusBar()->currentMessage().toStdString();
  EXPECT_EQ(phase(), "pre_dose") << "a planned session is started";
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.spo2Tile()->valueText() != "---"; }, 5000));
  EXPECT_TRUE(
      QTest::qWaitFor([&] { return window.sessionForm()->statusText().contains("Pat Doe"); }, 2000))
      << window.sessionForm()->statusText().toStdString();
  QTest::qWait(1500);
  QTest::mouseClick(window.sessionForm()->stopButton(), Qt::LeftButton);
  EXPECT_EQ(window.statusBar()->currentMessage(), "recording stopped");
  const auto rows = store.db
                        .execAndGet("SELECT count(*) FROM vitals_numeric WHERE session_id = " +
                                    std::to_string(planned))
                        .getInt64();
  EXPECT_GT(rows, 2);
  const auto links = store.db
                         .execAndGet(
                             "SELECT count(*) FROM device_connections WHERE "
                             "disconnected_utc_ms IS NOT NULL AND session_id = " +
                             std::to_string(planned))
                         .getInt64();
  EXPECT_EQ(links, 1) << "the device connection is recorded and closed at stop";
  controller.shutdown();
}

TEST_F(Bedside, AnUnknownPatientIsRefusedInTheStatusBar) {
  controller.startStation(options("nina"));
  start_session_for("MRN-404");
  EXPECT_TRUE(window.statusBar()->currentMessage().contains("patient MRN-404: no such patient"))
      << window.statusBar()->currentMessage().toStdString();
  EXPECT_EQ(phase(), "planned");
}

TEST_F(Bedside, AnAuditorCannotRunTheStation) {
  try {
    controller.startStation(options("aud"));
    FAIL() << "an auditor started the station";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("role auditor may not run the bedside station"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(Bedside, AWrongPasswordIsRefused) {
  auto o = options("nina");
  o.password = "not the password";
  EXPECT_THROW(controller.startStation(o), db::AuthenticationFailed);
}

}  // namespace

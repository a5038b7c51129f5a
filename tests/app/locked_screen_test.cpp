// A locked station still watches the patient: over a real pty (a simulated desaturation) and a
// real database file, an alarm that starts while the station is locked shows on the alarm bar
// beside the lock, its Acknowledge works, and the station is told the bedside operator (no
// signed-in user) acted. The alarm log row is read back through the store.
#include <gtest/gtest.h>

#include <QPushButton>
#include <QTest>
#include <nlohmann/json.hpp>

#include "alarm_bar.hpp"
#include "bedside_controller.hpp"
#include "db/db_test_support.hpp"
#include "lock_overlay.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "user_bar.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace {

using namespace std::chrono_literals;
using vigil::gui::BedsideController;
using vigil::gui::MonitorWindow;
using Cover = MonitorWindow::ClinicalCover;
namespace db = vigil::db;
namespace sim = vigil::drivers::sim;

struct LockedScreen : ::testing::Test {
  db::test::StoreFixture store;
  db::RowId planned = store.planned_session();
  // SpO2 falls below 90 % about 4 s after the start: the medium alarm follows its 10 s delay.
  sim::PtySimulator simulator{[] {
    sim::SimulatorOptions o;
    o.device = "nonin-df2";
    o.timeline = *sim::make_scenario("desaturation");
    o.start_at_s = 50;
    return o;
  }()};
  MonitorWindow window;
  BedsideController controller{window};

  void SetUp() override {
    simulator.start();
    vigil::gui::StationModeOptions o;
    o.db_file = store.file.string();
    o.user = "nina";
    o.password = db::test::kPassword;
    vigil::drivers::DeviceSessionConfig d;
    d.device_id = 1;
    d.name = "Oximeter";
    d.protocol = "nonin-df2";
    d.identity = vigil::drivers::DeviceIdentity::parse(simulator.link_path());
    o.devices.push_back(d);
    controller.startStation(o);
    window.resize(1280, 800);
    window.show();
  }

  // The session's alarm log rows, read through the store as the clinician.
  std::vector<nlohmann::json> alarmRows() {
    std::vector<nlohmann::json> rows;
    for (const auto& text : db::read_session_records(store.store, store.clinician, "alarm_events",
                                                     planned, store.tick())) {
      rows.push_back(nlohmann::json::parse(text));
    }
    return rows;
  }
  // The SpO2 low row once acknowledged (null json while not).
  nlohmann::json spo2LowAcknowledged() {
    for (const auto& r : alarmRows()) {
      if (r.value("condition", "") == "spo2_low" && !r["acknowledged_utc_ms"].is_null()) {
        return r;
      }
    }
    return {};
  }
};

TEST_F(LockedScreen, NewAlarmShownAndAcknowledgedWhileLocked) {
  controller.gateway()->requestStart(planned);
  ASSERT_EQ(controller.recordingSession(), planned);
  QTest::mouseClick(window.userBar()->lockButton(), Qt::LeftButton);
  ASSERT_EQ(window.clinicalCover(), Cover::locked);
  EXPECT_EQ(controller.bridge().operatorName(), "bedside (not signed in)");

  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return window.alarmBar()->headlineText().contains("SpO2 LOW"); }, 25000))
      << window.alarmBar()->headlineText().toStdString();
  EXPECT_EQ(window.clinicalCover(), Cover::locked) << "the alarm does not unlock the station";
  EXPECT_TRUE(window.alarmBar()->isVisible());
  EXPECT_TRUE(window.spo2Tile()->isVisible());
  EXPECT_LT(window.spo2Tile()->valueText().toInt(), 90);
  QPushButton* ack = window.alarmBar()->acknowledgeButton();
  ASSERT_TRUE(ack->isEnabled());

  QTest::mouseClick(ack, Qt::LeftButton);
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return window.alarmBar()->audioStateText().contains("acknowledged"); }, 3000))
      << window.alarmBar()->audioStateText().toStdString();
  EXPECT_TRUE(QTest::qWaitFor([&] { return !spo2LowAcknowledged().is_null(); }, 3000))
      << "the acknowledgement is in the alarm log";
  EXPECT_TRUE(spo2LowAcknowledged()["acknowledged_by"].is_null())
      << "no signed-in user acknowledged it: " << spo2LowAcknowledged().dump();
  bool audited = false;  // the audit log names the bedside operator
  for (const auto& e : db::read_audit_log(store.store, store.auditor, store.tick())) {
    audited = audited || (e.action == "alarm_acknowledged" &&
                          e.actor_name == "bedside (not signed in)" && !e.actor_id);
  }
  EXPECT_TRUE(audited);
  EXPECT_EQ(window.clinicalCover(), Cover::locked);
  EXPECT_FALSE(controller.gateway()->user()) << "acknowledging signs nobody in";
}

TEST_F(LockedScreen, UnlockingGivesTheOperatorNameBack) {
  controller.access()->lock();
  EXPECT_EQ(controller.bridge().operatorName(), "bedside (not signed in)");
  auto* lock = window.lockOverlay();
  QTest::keyClicks(lock->passwordEdit(), db::test::kPassword);
  QTest::mouseClick(lock->unlockButton(), Qt::LeftButton);
  EXPECT_EQ(window.clinicalCover(), Cover::none);
  EXPECT_EQ(controller.bridge().operatorName(), "nina");
}

}  // namespace

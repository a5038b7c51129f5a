// `vigil --demo` as a newcomer meets it: the demo database holds a user per bedside role with
// the printed passwords, a demo patient with weight and date of birth and an esketamine session
// planned for the demo chair today; signing in as the demo nurse and pressing Start records
// into that session on the simulated devices.
#include <gtest/gtest.h>

#include <QStatusBar>
#include <QTest>

#include "bedside_controller.hpp"
#include "demo_site.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "sign_in_screen.hpp"
#include "support/temp_dir.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/session_reader.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/user_store.hpp"

namespace {

namespace db = vigil::db;
namespace demo = vigil::demo;
using vigil::gui::MonitorWindow;

constexpr db::UtcMs kNow = 1'790'000'000'000;

TEST(DemoSite, EveryPrintedSignInWorksWithItsRole) {
  vigil::test::TempDir dir;
  const demo::DemoSite site(dir / "demo.db", kNow);
  db::Store store = db::Store::open(site.file(), db::OpenMode::open_existing);
  for (const demo::DemoLogin& l : demo::kDemoLogins) {
    EXPECT_GE(std::string(l.password).size(), db::kMinPasswordLength) << l.name;
    const db::Actor a = db::authenticate(store, l.name, l.password, kNow + 1000);
    EXPECT_EQ(a.role, l.role) << l.name;
  }
  const auto lines = demo::DemoSite::login_lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "user demo-nurse (nurse) password nurse-demo-1");
}

TEST(DemoSite, AnEsketamineSessionIsPlannedForTheDemoChairToday) {
  vigil::test::TempDir dir;
  const demo::DemoSite site(dir / "demo.db", kNow);
  db::Store store = db::Store::open(site.file(), db::OpenMode::open_existing);
  const db::Actor nurse = db::authenticate(store, "demo-nurse", "nurse-demo-1", kNow);
  const auto today = db::sessions_planned_for_chair(store, nurse, demo::kDemoChair,
                                                    kNow - 3'600'000, kNow + 3'600'000, kNow);
  ASSERT_EQ(today.size(), 1u);
  EXPECT_EQ(today[0].id, site.session_id());
  EXPECT_EQ(today[0].phase, vigil::core::SessionPhase::planned);
  EXPECT_EQ(today[0].planned_dose_mg, 56.0);
  EXPECT_EQ(today[0].patient_name, "Alex Demo");
  const auto found = db::find_patients(store, nurse, "DEMO-0001", kNow);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].weight_kg, 72.0);
  EXPECT_EQ(found[0].date_of_birth, "1984-06-15");
}

TEST(DemoSite, AnExistingFileIsNeverWritten) {
  vigil::test::TempDir dir;
  const demo::DemoSite first(dir / "demo.db", kNow);
  try {
    demo::DemoSite again(dir / "demo.db", kNow);
    FAIL() << "the demo wrote into an existing database";
  } catch (const db::ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("exists"), std::string::npos) << e.what();
  }
}

TEST(InteractiveDemo, TheDemoNurseSignsInAndStartsThePlannedSession) {
  vigil::test::TempDir dir;
  MonitorWindow window;
  vigil::gui::BedsideController controller(window);
  demo::DemoOptions o;
  o.scripted = false;
  o.db_file = dir / "demo.db";
  controller.startDemo(o);
  window.show();
  EXPECT_EQ(window.clinicalCover(), MonitorWindow::ClinicalCover::sign_in);
  EXPECT_EQ(controller.gateway()->chair(), demo::kDemoChair);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.spo2Tile()->valueText() != "---"; }, 5000))
      << "the simulated oximeter is watched before anyone signs in";
  window.signInScreen()->userEdit()->setText("demo-nurse");
  window.signInScreen()->passwordEdit()->setText("nurse-demo-1");
  QTest::mouseClick(window.signInScreen()->signInButton(), Qt::LeftButton);
  ASSERT_TRUE(controller.gateway()->user());
  const auto today = controller.gateway()->run([](db::Store& s, const db::Actor& a, db::UtcMs t) {
    return db::sessions_planned_for_chair(s, a, demo::kDemoChair, t - 3'600'000, t + 3'600'000, t);
  });
  ASSERT_EQ(today.size(), 1u);
  controller.gateway()->requestStart(today[0].id);
  EXPECT_EQ(controller.recordingSession(), today[0].id)
      << window.statusBar()->currentMessage().toStdString();
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.sessionText().contains("Alex Demo"); }, 3000))
      << window.sessionText().toStdString();
  controller.shutdown();
}

}  // namespace

// Sign-in, lock and switch user over a real database file: the sign-in screen and the lock
// cover only the clinical area; refusals show the store's message; 5 failures lock the
// account; the idle lock engages after its timeout and any input postpones it.
#include "bedside_access.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "alarm_bar.hpp"
#include "db/db_test_support.hpp"
#include "gui_test_support.hpp"
#include "lock_overlay.hpp"
#include "monitor_window.hpp"
#include "numeric_tile.hpp"
#include "pleth_strip.hpp"
#include "sign_in_screen.hpp"
#include "user_bar.hpp"
#include "vigil/db/recorder.hpp"

namespace {

using namespace std::chrono_literals;
using vigil::gui::BedsideAccess;
using vigil::gui::ClinicalGateway;
using vigil::gui::MonitorWindow;
using Cover = MonitorWindow::ClinicalCover;
namespace db = vigil::db;

struct Access : ::testing::Test {
  db::test::StoreFixture store;
  db::Recorder recorder{db::Store::open(store.file, db::OpenMode::open_existing)};
  db::UtcMs clock = db::test::kT0 + 60'000;
  ClinicalGateway gateway{recorder, [this] { return clock += 1000; }, "chair 2"};
  MonitorWindow window;
  BedsideAccess access{window, gateway};
  QLabel* panel = new QLabel("the clinical panel");

  void SetUp() override {
    window.setClinicalPanel(panel);
    window.show();
  }
  void typeSignIn(const QString& user, const QString& password) {
    window.signInScreen()->userEdit()->clear();
    QTest::keyClicks(window.signInScreen()->userEdit(), user);
    QTest::keyClicks(window.signInScreen()->passwordEdit(), password);
    QTest::mouseClick(window.signInScreen()->signInButton(), Qt::LeftButton);
  }
  void typeUnlock(const QString& password) {
    QTest::keyClicks(window.lockOverlay()->passwordEdit(), password);
    QTest::keyClick(window.lockOverlay()->passwordEdit(), Qt::Key_Return);
  }
  std::int64_t logins(const char* action) {
    return store.db
        .execAndGet(std::string("SELECT count(*) FROM audit_log WHERE action = '") + action + "'")
        .getInt64();
  }
};

TEST_F(Access, TheStationStartsSignedOutWithTheSignInOverTheClinicalAreaOnly) {
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_TRUE(window.signInScreen()->isVisible());
  EXPECT_FALSE(panel->isVisible());
  EXPECT_EQ(window.userBar()->userText(), "Not signed in");
  EXPECT_FALSE(window.userBar()->lockButton()->isEnabled());
  EXPECT_EQ(access.operatorName(), "bedside (not signed in)");
  // The numerics, the alarm bar and the pleth are outside the area the sign-in covers.
  const QRect area(window.clinicalArea()->mapTo(&window, QPoint(0, 0)),
                   window.clinicalArea()->size());
  const QWidget* kept[] = {window.spo2Tile(), window.nibpTile(), window.alarmBar(),
                           window.plethStrip()};
  for (const QWidget* w : kept) {
    const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
    EXPECT_FALSE(area.intersects(r)) << w->metaObject()->className();
    EXPECT_TRUE(w->isVisible());
  }
}

TEST_F(Access, SignInRefusedShowsTheMessageAndOpensNothing) {
  typeSignIn("nina", "not the password");
  EXPECT_EQ(window.signInScreen()->messageText(), "authentication failed");
  EXPECT_EQ(window.signInScreen()->userEdit()->text(), "nina") << "the name typed stays";
  EXPECT_TRUE(window.signInScreen()->passwordEdit()->text().isEmpty());
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_FALSE(panel->isVisible());
  EXPECT_FALSE(gateway.user());
  EXPECT_EQ(window.userBar()->userText(), "Not signed in");
  EXPECT_EQ(logins("login_failed"), 1) << "the refusal is audited by the store";
}

TEST_F(Access, TheRightPasswordShowsTheClinicalPanelAndTheUser) {
  typeSignIn("nina", db::test::kPassword);
  EXPECT_EQ(window.clinicalCover(), Cover::none);
  EXPECT_TRUE(panel->isVisible());
  ASSERT_TRUE(gateway.user());
  EXPECT_EQ(gateway.user()->name, "nina");
  EXPECT_EQ(window.userBar()->userText(), "Signed in: nina (nurse)");
  EXPECT_EQ(access.operatorName(), "nina");
  EXPECT_TRUE(window.userBar()->lockButton()->isEnabled());
}

TEST_F(Access, FiveFailuresLockTheAccount) {
  for (int i = 0; i < db::kMaxFailedLogins; ++i)
    typeSignIn("nina", "wrong password " + QString::number(i));
  typeSignIn("nina", db::test::kPassword);
  EXPECT_TRUE(
      window.signInScreen()->messageText().startsWith("authentication failed: account locked"))
      << window.signInScreen()->messageText().toStdString();
  EXPECT_FALSE(gateway.user());
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
}

TEST_F(Access, LockCoversThePanelAndOnlyTheSameUsersPasswordUnlocks) {
  typeSignIn("nina", db::test::kPassword);
  QTest::mouseClick(window.userBar()->lockButton(), Qt::LeftButton);
  EXPECT_EQ(window.clinicalCover(), Cover::locked);
  EXPECT_FALSE(panel->isVisible());
  EXPECT_EQ(window.lockOverlay()->titleText(), "Locked \u2014 nina; password to unlock");
  EXPECT_FALSE(gateway.user()) << "the forms write nothing while locked";
  EXPECT_EQ(access.operatorName(), "bedside (not signed in)");
  EXPECT_EQ(window.userBar()->userText(), "Locked: nina (nurse)");

  typeUnlock("not the password");
  EXPECT_EQ(window.lockOverlay()->messageText(), "authentication failed");
  EXPECT_EQ(window.clinicalCover(), Cover::locked);
  typeUnlock(db::test::kPassword);
  EXPECT_EQ(window.clinicalCover(), Cover::none);
  ASSERT_TRUE(gateway.user());
  EXPECT_EQ(gateway.user()->name, "nina");
}

TEST_F(Access, FiveFailedUnlocksLockTheAccount) {
  typeSignIn("nina", db::test::kPassword);
  access.lock();
  for (int i = 0; i < db::kMaxFailedLogins; ++i) typeUnlock("wrong password " + QString::number(i));
  typeUnlock(db::test::kPassword);
  EXPECT_TRUE(
      window.lockOverlay()->messageText().startsWith("authentication failed: account locked"))
      << window.lockOverlay()->messageText().toStdString();
  EXPECT_EQ(window.clinicalCover(), Cover::locked);
}

TEST_F(Access, SignInAsSomeoneElseFromTheLockSwitchesUser) {
  typeSignIn("nina", db::test::kPassword);
  access.lock();
  QTest::mouseClick(window.lockOverlay()->switchUserButton(), Qt::LeftButton);
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_TRUE(window.signInScreen()->userEdit()->text().isEmpty());
  typeSignIn("carl", db::test::kPassword);
  ASSERT_TRUE(gateway.user());
  EXPECT_EQ(gateway.user()->name, "carl");
  EXPECT_EQ(window.userBar()->userText(), "Signed in: carl (clinician)");
}

TEST_F(Access, SwitchUserSignsOutToTheSignInScreen) {
  typeSignIn("nina", db::test::kPassword);
  QTest::mouseClick(window.userBar()->switchUserButton(), Qt::LeftButton);
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_FALSE(gateway.user());
  EXPECT_EQ(access.operatorName(), "bedside (not signed in)");
}

TEST_F(Access, IdleLockEngagesAfterTheTimeout) {
  access.idleLock().setTimeout(300ms);
  typeSignIn("nina", db::test::kPassword);
  EXPECT_EQ(window.clinicalCover(), Cover::none);
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.clinicalCover() == Cover::locked; }, 2000));
  EXPECT_EQ(access.state(), BedsideAccess::State::locked);
  EXPECT_FALSE(gateway.user());
}

TEST_F(Access, InputPostponesTheIdleLock) {
  access.idleLock().setTimeout(400ms);
  typeSignIn("nina", db::test::kPassword);
  for (int i = 0; i < 8; ++i) {  // 1.2 s of typing, never 400 ms idle
    QTest::qWait(150);
    QTest::keyClick(window.userBar(), Qt::Key_Shift);
    ASSERT_EQ(window.clinicalCover(), Cover::none) << "locked after " << (i + 1) * 150 << " ms";
  }
  EXPECT_TRUE(QTest::qWaitFor([&] { return window.clinicalCover() == Cover::locked; }, 2000));
}

TEST_F(Access, NoIdleLockWhileNobodyIsSignedIn) {
  access.idleLock().setTimeout(100ms);
  QTest::qWait(300);
  EXPECT_EQ(window.clinicalCover(), Cover::sign_in);
  EXPECT_FALSE(access.idleLock().isRunning());
}

TEST(IdleLockSetting, WholeMinutesOrTheDefaultWithAMessage) {
  using vigil::gui::idleLockTimeout;
  EXPECT_EQ(idleLockTimeout(std::nullopt).timeout, std::chrono::minutes(5));
  EXPECT_TRUE(idleLockTimeout(std::nullopt).problem.isEmpty());
  EXPECT_EQ(idleLockTimeout("2").timeout, std::chrono::minutes(2));
  EXPECT_TRUE(idleLockTimeout("2").problem.isEmpty());
  for (const char* bad : {"soon", "0", "-3", "1.5", "721", ""}) {
    const auto t = idleLockTimeout(std::string(bad));
    EXPECT_EQ(t.timeout, std::chrono::minutes(5)) << bad;
    EXPECT_TRUE(t.problem.startsWith("site setting idle_lock_minutes: must be whole minutes"))
        << bad << ": " << t.problem.toStdString();
  }
}

}  // namespace

namespace {

namespace t = vigil::gui::test;

// The window as a nurse sees it across the room during an alarm, signed out and locked: it fits
// 1280x800 and the numerics keep their size. Saves the PNGs beside the test binary.
TEST_F(Access, SignInAndLockFitTheBedsideScreenBesideTheAlarm) {
  window.resize(1280, 800);
  window.showSnapshot(t::mediumSpo2AlarmSnapshot());
  QCoreApplication::processEvents();
  EXPECT_LE(window.minimumSizeHint().height(), 800);
  EXPECT_EQ(window.size(), QSize(1280, 800));
  const QDir dir(QCoreApplication::applicationDirPath());
  const int spo2_height = window.spo2Tile()->height();
  ASSERT_TRUE(window.grab().save(dir.filePath("vigil-sign-in.png"), "PNG"));
  typeSignIn("nina", db::test::kPassword);
  QCoreApplication::processEvents();
  EXPECT_GE(window.userBar()->lockButton()->height(), 48);
  EXPECT_GE(window.userBar()->switchUserButton()->height(), 48);
  ASSERT_TRUE(window.grab().save(dir.filePath("vigil-signed-in.png"), "PNG"));
  access.lock();
  QCoreApplication::processEvents();
  EXPECT_EQ(window.spo2Tile()->height(), spo2_height) << "the lock does not squeeze the tiles";
  EXPECT_GE(window.spo2Tile()->height(), 200);
  for (QWidget* w : {static_cast<QWidget*>(window.lockOverlay()->unlockButton()),
                     static_cast<QWidget*>(window.lockOverlay()->switchUserButton())}) {
    EXPECT_GE(w->height(), 48);
  }
  ASSERT_TRUE(window.grab().save(dir.filePath("vigil-locked.png"), "PNG"));
}

}  // namespace

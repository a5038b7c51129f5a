// The auditor's view of the audit log, on a real database behind the station's gateway:
// refused to a nurse, filters applied and refused by name, an entry's old and new values side by
// side, the exports, and "Verify chain" naming the entry a raw edit broke.
#include "audit_log_view.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <filesystem>

#include "clinical_test_support.hpp"
#include "gui_test_support.hpp"
#include "records_window.hpp"
#include "vigil/db/patient_store.hpp"

namespace vigil::gui {
namespace {

struct AuditLogViewTest : ::testing::Test {
  test::ClinicalFixture f;
  db::RowId session = f.dosingSession(core::DoseRoute::iv, 35);
  RecordsWindow window{*f.gateway};
  AuditLogView& view = *window.auditLog();

  int views() {
    return f.store([](db::Store& s) {
      return static_cast<int>(
          db::raw_connection(s)
              .execAndGet("SELECT count(*) FROM audit_log WHERE action = 'view_audit_log'")
              .getInt64());
    });
  }
  int rowOf(const std::string& action) {
    for (std::size_t i = 0; i < view.entries().size(); ++i) {
      if (view.entries()[i].action == action) return static_cast<int>(i);
    }
    return -1;
  }
};

TEST_F(AuditLogViewTest, ANurseIsRefusedTheLogAndSeesWhy) {
  f.signIn(f.nurse);
  view.refresh();
  EXPECT_TRUE(view.messageText().contains("Refused: role nurse may not read_audit_log"))
      << view.messageText().toStdString();
  EXPECT_EQ(view.table()->rowCount(), 0);
  EXPECT_EQ(views(), 0);
}

TEST_F(AuditLogViewTest, AnAuditorFiltersTheLogAndSeesOldAndNewValuesSideBySide) {
  f.signIn(f.auditor);
  window.open();
  ASSERT_GT(view.table()->rowCount(), 5);
  EXPECT_EQ(views(), 1) << "viewing the log is audited";
  EXPECT_EQ(view.table()->editTriggers(), QAbstractItemView::NoEditTriggers) << "read-only";

  view.userFilter()->setText("nina");
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  ASSERT_FALSE(view.entries().empty());
  for (const auto& e : view.entries()) EXPECT_EQ(e.actor_name, "nina");
  // An update: the session moved phase; the phase field is marked changed, old beside new.
  const int row = rowOf("advance_session");
  ASSERT_GE(row, 0);
  view.table()->selectRow(row);
  const QString text = view.detailText();
  EXPECT_TRUE(text.contains("before (old value)")) << text.toStdString();
  EXPECT_TRUE(text.contains(QString::fromUtf8("\u2260 phase"))) << text.toStdString();
  vigil::gui::test::savePng(window, "window-audit-log.png");

  view.sessionFilter()->setText("twelve");
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  EXPECT_TRUE(view.messageText().contains("session: must be a session id"))
      << view.messageText().toStdString();
  view.sessionFilter()->setText(QString::number(session));
  view.fromFilter()->setText("yesterday");
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  EXPECT_TRUE(view.messageText().contains("from: must be a UTC time"))
      << view.messageText().toStdString();
  view.fromFilter()->clear();
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  EXPECT_FALSE(view.entries().empty());
}

TEST_F(AuditLogViewTest, TheFilteredLogExportsAsCsvAndJsonOwnerOnly) {
  f.signIn(f.auditor);
  view.actionFilter()->setText("advance_session");
  view.refresh();
  const auto shown = view.entries().size();
  ASSERT_GT(shown, 0u);
  const QString csv = QString::fromStdString((f.dir / "log.csv").string());
  ASSERT_TRUE(view.exportTo(csv, db::AuditExportFormat::csv)) << view.messageText().toStdString();
  QFile c(csv);
  ASSERT_TRUE(c.open(QIODevice::ReadOnly));
  const auto lines = QString::fromUtf8(c.readAll()).split("\r\n", Qt::SkipEmptyParts);
  EXPECT_EQ(static_cast<std::size_t>(lines.size()), shown + 1) << "a header and the shown entries";
  EXPECT_EQ(std::filesystem::status(csv.toStdString()).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const QString json = QString::fromStdString((f.dir / "log.json").string());
  ASSERT_TRUE(view.exportTo(json, db::AuditExportFormat::json));
  QFile j(json);
  ASSERT_TRUE(j.open(QIODevice::ReadOnly));
  EXPECT_EQ(static_cast<std::size_t>(QJsonDocument::fromJson(j.readAll()).array().size()), shown);
  EXPECT_FALSE(view.exportTo(QString::fromStdString(f.dir.path()), db::AuditExportFormat::csv));
  EXPECT_TRUE(view.messageText().startsWith("Export refused")) << view.messageText().toStdString();
}

TEST_F(AuditLogViewTest, VerifyChainNamesTheEntryARawEditBroke) {
  f.signIn(f.auditor);
  view.refresh();
  QTest::mouseClick(view.verifyButton(), Qt::LeftButton);
  EXPECT_TRUE(view.verifyText().startsWith("Chain verifies")) << view.verifyText().toStdString();
  const auto victim = view.entries()[3].seq;
  f.store([&](db::Store& s) {
    auto& db = db::raw_connection(s);
    db.exec("DROP TRIGGER audit_log_no_update");
    db.exec("UPDATE audit_log SET actor_name = 'someone else' WHERE seq = " +
            std::to_string(victim));
    return 0;
  });
  QTest::mouseClick(view.verifyButton(), Qt::LeftButton);
  EXPECT_TRUE(view.verifyText().startsWith(QStringLiteral("BROKEN at entry %1").arg(victim)))
      << view.verifyText().toStdString();
  EXPECT_EQ(view.entries()[static_cast<std::size_t>(view.table()->currentRow())].seq, victim)
      << "the broken entry is selected";
  vigil::gui::test::savePng(window, "window-audit-log-broken.png");
}

TEST_F(AuditLogViewTest, TheRecordsWindowClosesWhenItsUserLeaves) {
  f.signIn(f.auditor);
  window.open();
  EXPECT_TRUE(window.isVisible());
  f.gateway->signOut();
  EXPECT_FALSE(window.isVisible());
}

}  // namespace
}  // namespace vigil::gui

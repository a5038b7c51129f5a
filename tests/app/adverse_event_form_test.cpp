// The adverse event page: type, severity, onset (local clock time, now by default), action and
// the serious flag recorded and read back; refusals at the field in the store's words with what
// was typed kept.
#include "adverse_event_form.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "clinical_test_support.hpp"
#include "clinical_time.hpp"
#include "vigil/db/session_panel.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::AdverseEventForm;

namespace {

struct EventFixture : t::ClinicalFixture {
  db::RowId session = 0;
  EventFixture() {
    signIn(nurse);
    session = dosingSession(DoseRoute::iv, 35);
    gateway->setActiveSession(session);
  }
  db::SessionPanelState panel() {
    return store([&](db::Store& s) { return db::read_session_panel(s, nurse, session, now); });
  }
  std::vector<QJsonObject> events() {
    std::vector<QJsonObject> out;
    for (const auto& row : store([&](db::Store& s) {
           return db::read_session_records(s, auditor, "observations", session, now);
         })) {
      const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(row)).object();
      if (o.value("kind").toString() == QLatin1String("adverse_event")) out.push_back(o);
    }
    return out;
  }
};

struct Page {
  AdverseEventForm form;
  explicit Page(EventFixture& f) : form(*f.gateway) {
    form.resize(t::kPanelWidth, t::kPanelHeight);
    form.show();
    form.setState(f.panel());
  }
};

}  // namespace

TEST(AdverseEventForm, ASeriousEventIsRecordedWithItsTypedOnsetAndReadBack) {
  EventFixture f;
  Page p(f);
  EXPECT_EQ(t::shortTouchTargets(p.form).toStdString(), "");
  p.form.typeBox()->setCurrentIndex(p.form.typeBox()->findText("hypertension"));
  QTest::mouseClick(p.form.severityButton("severe"), Qt::LeftButton);
  EXPECT_EQ(p.form.severity().toStdString(), "severe");
  const db::UtcMs onset = f.now - 10 * 60 * 1000;
  p.form.onsetEdit()->setTime(vigil::gui::localDateTime(onset).time());
  QTest::keyClicks(p.form.actionEdit(), "labetalol 10 mg IV, infusion stopped");
  p.form.seriousBox()->setChecked(true);
  t::savePng(p.form, "form-adverse-event.png");
  f.tick(5000);
  QTest::mouseClick(p.form.recordButton(), Qt::LeftButton);
  EXPECT_TRUE(
      p.form.statusText().startsWith("Adverse event recorded: hypertension (severe, "
                                     "serious), onset "))
      << p.form.statusText().toStdString();
  const auto rows = f.events();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].value("ae_type").toString().toStdString(), "hypertension");
  EXPECT_EQ(rows[0].value("ae_severity").toString().toStdString(), "severe");
  EXPECT_EQ(rows[0].value("ae_action").toString().toStdString(),
            "labetalol 10 mg IV, infusion stopped");
  const auto minute = [](db::UtcMs ms) { return ms / 60000; };
  EXPECT_EQ(minute(static_cast<db::UtcMs>(rows[0].value("ae_onset_utc_ms").toDouble())),
            minute(onset))
      << "the typed local clock time, today, to the minute";
  EXPECT_EQ(p.form.actionEdit()->text().toStdString(), "") << "recorded: the form starts again";
  EXPECT_FALSE(p.form.seriousBox()->isChecked());
}

TEST(AdverseEventForm, AnUntouchedOnsetIsTheTimeOfRecordingAndATypedTypeIsKeptAsTyped) {
  EventFixture f;
  Page p(f);
  p.form.typeBox()->setEditText("  rash on the forearm ");
  QTest::mouseClick(p.form.severityButton("mild"), Qt::LeftButton);
  p.form.actionEdit()->setText("observed");
  f.tick(90 * 1000);
  p.form.submit();
  const auto rows = f.events();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].value("ae_type").toString().toStdString(), "rash on the forearm");
  EXPECT_EQ(static_cast<db::UtcMs>(rows[0].value("ae_onset_utc_ms").toDouble()), f.now);
}

TEST(AdverseEventForm, AnEmptyTypeIsRefusedAtTheTypeFieldAndWhatWasTypedIsKept) {
  EventFixture f;
  Page p(f);
  QTest::mouseClick(p.form.severityButton("moderate"), Qt::LeftButton);
  p.form.actionEdit()->setText("ondansetron 4 mg IV");
  p.form.seriousBox()->setChecked(true);
  p.form.submit();
  EXPECT_EQ(p.form.refusalAt("type").toStdString(), "type: required, must not be blank");
  EXPECT_EQ(p.form.refusalAt("action").toStdString(), "");
  EXPECT_TRUE(f.events().empty());
  EXPECT_EQ(p.form.actionEdit()->text().toStdString(), "ondansetron 4 mg IV");
  EXPECT_EQ(p.form.severity().toStdString(), "moderate");
  EXPECT_TRUE(p.form.seriousBox()->isChecked());
  t::savePng(p.form, "form-adverse-event-refused.png");
}

TEST(AdverseEventForm, NoSeverityAndAFutureOnsetAreRefusedAtTheirFields) {
  EventFixture f;
  Page p(f);
  p.form.typeBox()->setCurrentIndex(p.form.typeBox()->findText("nausea"));
  p.form.actionEdit()->setText("reassurance");
  p.form.submit();
  EXPECT_EQ(p.form.refusalAt("severity").toStdString(),
            "severity: must be mild, moderate, severe or life_threatening");
  QTest::mouseClick(p.form.severityButton("life_threatening"), Qt::LeftButton);
  p.form.onsetEdit()->setTime(vigil::gui::localDateTime(f.now + 30 * 60 * 1000).time());
  p.form.submit();
  EXPECT_EQ(p.form.refusalAt("onset").toStdString(),
            "onset_utc_ms: must not be after the time it is recorded");
  EXPECT_EQ(p.form.refusalAt("severity").toStdString(), "");
  EXPECT_TRUE(f.events().empty());
}

TEST(AdverseEventForm, AnAuditorIsRefusedAndTheFieldsAreReachedByKeyboard) {
  EventFixture f;
  f.gateway->signOut();
  f.signIn(f.auditor);
  Page p(f);
  p.form.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&p.form));
  p.form.typeBox()->setFocus();
  QTest::keyClicks(p.form.typeBox(), "headache");
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
  EXPECT_EQ(QApplication::focusWidget(), p.form.severityButton("moderate")) << "Alt+O: moderate";
  for (int i = 0; i < 50 && p.form.severity().isEmpty(); ++i) QTest::qWait(10);  // animated
  EXPECT_EQ(p.form.severity().toStdString(), "moderate");
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::AltModifier);
  EXPECT_EQ(QApplication::focusWidget(), p.form.actionEdit()) << "Alt+A: action taken";
  QTest::keyClicks(p.form.actionEdit(), "paracetamol 1 g PO");
  QTest::keyClick(p.form.actionEdit(), Qt::Key_Return);
  EXPECT_EQ(p.form.refusalAt("").toStdString(), "role auditor may not record_observation");
  EXPECT_TRUE(f.events().empty());
  EXPECT_EQ(p.form.typeBox()->currentText().toStdString(), "headache");
}

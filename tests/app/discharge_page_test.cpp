// The discharge page: each criterion live with its value (one unmet until the checklist has the
// escort), the discharge checklist, a PHQ-9 self-harm answer reviewed by a clinician only,
// ready to leave (a bad REMS minutes field refused at the field) moving the session to
// discharge-ready with the monitoring minutes, and Close refused with every missing field
// listed until the dosing note is signed.
#include "discharge_page.hpp"

#include <gtest/gtest.h>

#include <QTest>

#include "clinical_test_support.hpp"
#include "discharge_criteria_view.hpp"
#include "ready_to_leave_section.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_panel.hpp"
#include "yes_no_choice.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::core::SessionPhase;
using vigil::gui::DischargePage;

namespace {

struct ObservedSession : t::ClinicalFixture {
  db::RowId session = 0;
  ObservedSession() {
    signIn(nurse);
    session = observedSession();
    gateway->setActiveSession(session);
  }
  db::SessionPanelState panel() {
    return store([&](db::Store& s) { return db::read_session_panel(s, nurse, session, now); });
  }
};

struct Page {
  DischargePage page;
  explicit Page(ObservedSession& f) : page(*f.gateway) {
    page.resize(t::kPanelWidth, t::kPanelHeight);
    page.setState(f.panel());
    page.show();
  }
};

}  // namespace

TEST(DischargePage, EachCriterionShowsItsValueAndTheChecklistMeetsTheLastOne) {
  ObservedSession f;
  Page p(f);
  EXPECT_EQ(t::shortTouchTargets(p.page).toStdString(), "");
  const QString before = p.page.criteria()->text();
  EXPECT_TRUE(before.contains("Time since the first dose: ")) << before.toStdString();
  EXPECT_TRUE(before.contains("NOT MET  Escort present")) << before.toStdString();
  EXPECT_TRUE(before.contains("SpO2 97 %")) << before.toStdString();
  EXPECT_EQ(p.page.criteria()->count() - p.page.criteria()->metCount(), 1) << before.toStdString();
  t::savePng(p.page, "page-discharge-one-unmet.png");

  for (const char* item :
       {"escort_present", "no_driving_advised", "aftercare_instructions_given"}) {
    QTest::mouseClick(p.page.checklistButton(item), Qt::LeftButton);
  }
  QTest::mouseClick(p.page.recordChecklistButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.refusalText().toStdString(), "");
  EXPECT_EQ(p.page.criteria()->metCount(), p.page.criteria()->count())
      << p.page.criteria()->text().toStdString();
  EXPECT_TRUE(f.panel().discharge_checklist_recorded);
}

TEST(DischargePage, ReadyToLeaveRecordsMinutesAndCloseListsWhatIsMissing) {
  ObservedSession f;
  Page p(f);
  for (const char* item :
       {"escort_present", "no_driving_advised", "aftercare_instructions_given"}) {
    QTest::mouseClick(p.page.checklistButton(item), Qt::LeftButton);
  }
  QTest::mouseClick(p.page.recordChecklistButton(), Qt::LeftButton);
  EXPECT_FALSE(p.page.closeButton()->isEnabled()) << "not before ready to leave";

  QTest::keyClicks(p.page.readyToLeave()->remsMinutesEdit(), "ninety");
  QTest::mouseClick(p.page.readyButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.refusalAt("rems_ready_minutes").toStdString(),
            "rems_ready_minutes: must be a whole number of minutes (got 'ninety')");
  EXPECT_EQ(f.panel().phase, SessionPhase::observation);
  p.page.readyToLeave()->remsMinutesEdit()->setText("2000");
  QTest::mouseClick(p.page.readyButton(), Qt::LeftButton);
  EXPECT_TRUE(p.page.refusalAt("rems_ready_minutes")
                  .startsWith("rems_ready_minutes: must be "
                              "0-1440"))
      << p.page.refusalAt("rems_ready_minutes").toStdString();
  p.page.readyToLeave()->remsMinutesEdit()->setText("95");
  QTest::mouseClick(p.page.readyToLeave()->choice("sedation")->yesButton(), Qt::LeftButton);
  QTest::mouseClick(p.page.readyButton(), Qt::LeftButton);
  EXPECT_TRUE(p.page.refusalAt("sedation_resolved").startsWith("sedation_resolved: required"))
      << p.page.refusalAt("sedation_resolved").toStdString();
  QTest::mouseClick(p.page.readyToLeave()->choice("sedation_resolved")->yesButton(),
                    Qt::LeftButton);
  QTest::mouseClick(p.page.readyButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.refusalText().toStdString(), "");
  EXPECT_EQ(f.panel().phase, SessionPhase::discharge_ready);
  EXPECT_TRUE(p.page.statusText().startsWith("Ready to leave recorded"));
  EXPECT_FALSE(p.page.readyButton()->isVisible()) << "asked once";

  ASSERT_TRUE(p.page.closeButton()->isEnabled());
  EXPECT_EQ(p.page.closeMissingText().toStdString(),
            "Closing still needs:\n\u2022 dosing note: no signed dosing note");
  QTest::mouseClick(p.page.closeButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.refusalText().toStdString(),
            "close: 1 required field is missing:\n\u2022 dosing note: no signed dosing note");
  t::savePng(p.page, "page-discharge-close-refused.png");
  EXPECT_EQ(f.panel().phase, SessionPhase::discharge_ready);

  f.store([&](db::Store& s) {
    const db::RowId n = db::draft_note(s, f.clinician, f.session, db::NoteType::dosing,
                                       "Tolerated well.", f.tick());
    return db::sign_note(s, f.clinician, n, t::kPassword, db::SignatureMeaning::authored, f.tick());
  });
  p.page.refresh();
  EXPECT_EQ(p.page.closeMissingText().toStdString(), "Nothing is missing: the session may close.");
  QTest::mouseClick(p.page.closeButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.refusalText().toStdString(), "");
  EXPECT_EQ(f.panel().phase, SessionPhase::closed);
  EXPECT_EQ(f.panel().monitoring_minutes, 121);
}

TEST(DischargePage, ASelfHarmAnswerIsReviewedByAClinicianOnly) {
  ObservedSession f;
  f.store([&](db::Store& s) {
    return db::record_scale(
        s, f.nurse, {f.session, f.now, db::Scale::phq9, {1, 2, 1, 1, 0, 1, 1, 0, 2}}, f.tick());
  });
  Page p(f);
  EXPECT_TRUE(p.page.selfHarmText().startsWith("PHQ-9 item 9 (thoughts of self-harm) answered 2"))
      << p.page.selfHarmText().toStdString();
  EXPECT_TRUE(p.page.criteria()->text().contains("NOT MET  PHQ-9 item 9 reviewed"));
  QTest::keyClicks(p.page.selfHarmActionEdit(), "safety plan reviewed");
  QTest::mouseClick(p.page.acknowledgeButton(), Qt::LeftButton);
  EXPECT_TRUE(p.page.refusalText().contains("nurse")) << p.page.refusalText().toStdString();

  f.gateway->signOut();
  f.signIn(f.clinician);
  p.page.selfHarmActionEdit()->clear();
  QTest::mouseClick(p.page.acknowledgeButton(), Qt::LeftButton);
  EXPECT_TRUE(p.page.refusalAt("action").startsWith("action: required"))
      << p.page.refusalAt("action").toStdString();
  QTest::keyClicks(p.page.selfHarmActionEdit(), "safety plan; crisis line given");
  QTest::mouseClick(p.page.acknowledgeButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.selfHarmText().toStdString(), "");
  EXPECT_TRUE(p.page.criteria()->text().contains("\u2714  PHQ-9 item 9 reviewed"))
      << p.page.criteria()->text().toStdString();
  const auto audit = f.store([&](db::Store& s) { return db::read_audit_log(s, f.auditor, f.now); });
  const bool acknowledged_by_carl =
      std::any_of(audit.begin(), audit.end(), [](const db::AuditEntry& e) {
        return e.action == "acknowledge_safety_flag" && e.actor_name == "carl";
      });
  EXPECT_TRUE(acknowledged_by_carl) << "the review is audited with the clinician";
}

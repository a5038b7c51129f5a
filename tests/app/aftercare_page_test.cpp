// Aftercare: opening a patient shows their overdue follow-ups; a follow-up is recorded with its
// contact and outcome scales (a half-answered PHQ-9 refused); an integration session is planned
// from the closed dosing session (a nurse may not plan), its note signed and the session closed
// (refused before the note is signed). Driven through the clinical panel, as at the station.
#include "aftercare_page.hpp"

#include <gtest/gtest.h>

#include <QTest>

#include "clinical_panel.hpp"
#include "clinical_test_support.hpp"
#include "follow_up_form.hpp"
#include "follow_up_list.hpp"
#include "integration_planner.hpp"
#include "note_page.hpp"
#include "note_sign_row.hpp"
#include "patient_form.hpp"
#include "patient_picker.hpp"
#include "questionnaire_section.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/discharge_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/observation_store.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using Page = vigil::gui::ClinicalPanel::Page;
using vigil::core::DoseRoute;
using vigil::core::SessionPhase;
using vigil::gui::ClinicalPanel;

namespace {

constexpr db::UtcMs kMinute = 60 * 1000;
constexpr db::UtcMs kHour = 60 * kMinute;

// A dosing session taken to closed through the store, as the bedside pages would.
struct ClosedSession : t::ClinicalFixture {
  db::RowId session = 0;
  ClosedSession() {
    session = observedSession();
    store([&](db::Store& s) {
      db::ChecklistEntry c{session, db::ChecklistKind::discharge, {}, now, std::nullopt};
      for (const auto& item : db::discharge_checklist_item_names())
        c.items.emplace_back(item, true);
      db::record_checklist(s, nurse, c, tick());
      db::record_ready_to_leave(s, nurse, db::ReadyToLeave{session},
                                vigil::core::default_alarm_profile(), tick());
      const db::RowId n =
          db::draft_note(s, clinician, session, db::NoteType::dosing, "Tolerated well.", tick());
      db::sign_note(s, clinician, n, t::kPassword, db::SignatureMeaning::authored, tick());
      db::close_session(s, nurse, session, tick());
    });
  }
};

struct Panel {
  ClinicalPanel panel;
  explicit Panel(ClosedSession& f) : panel(*f.gateway) {
    panel.resize(t::kPanelWidth, t::kPanelHeight + 50);
    panel.show();
  }
  vigil::gui::AftercarePage& aftercare() { return *panel.aftercarePage(); }
  void openPatient() {
    QTest::mouseClick(panel.pageButton(Page::aftercare), Qt::LeftButton);
    aftercare().picker()->find("MRN-1");
    aftercare().picker()->list()->setCurrentRow(0);
  }
};

}  // namespace

TEST(AftercarePage, OpeningThePatientShowsOverdueFollowUpsAndOneIsRecorded) {
  ClosedSession f;
  f.signIn(f.nurse);
  f.now += 4 * 24 * kHour + kHour;  // past the 24 h window and the 72 h window
  Panel p(f);
  p.openPatient();
  EXPECT_EQ(p.panel.currentPage(), Page::aftercare);
  const QString banner = p.aftercare().overdueText();
  EXPECT_TRUE(banner.contains("OVERDUE follow-up: 24 hours after session")) << banner.toStdString();
  EXPECT_TRUE(banner.contains("OVERDUE follow-up: 72 hours after session")) << banner.toStdString();
  auto* list = p.aftercare().followUps();
  ASSERT_EQ(list->schedule().size(), 6u);
  EXPECT_TRUE(list->rowText(0).startsWith("24 hours: OVERDUE since "))
      << list->rowText(0).toStdString();
  EXPECT_TRUE(list->rowText(2).startsWith("1 week: due ")) << list->rowText(2).toStdString();
  t::savePng(p.panel, "page-aftercare-overdue.png");

  QTest::mouseClick(list->recordButton(0), Qt::LeftButton);
  ASSERT_EQ(p.panel.currentPage(), Page::follow_up);
  auto* form = p.panel.followUpForm();
  EXPECT_TRUE(form->titleText().startsWith("Follow-up at 24 hours for Pat Doe (MRN-1)"));
  QTest::mouseClick(form->saveButton(), Qt::LeftButton);
  EXPECT_TRUE(form->refusalAt("contact").startsWith("contact: must be phone, video or in_person"))
      << form->refusalAt("contact").toStdString() << form->refusalText().toStdString();
  QTest::mouseClick(form->contactButton("phone"), Qt::LeftButton);
  QTest::keyClicks(form->noteEdit(), "sleeping better");
  QTest::mouseClick(form->partButton(1), Qt::LeftButton);
  QTest::mouseClick(form->phq9()->choiceButton(0, 1), Qt::LeftButton);
  QTest::mouseClick(form->saveButton(), Qt::LeftButton);
  EXPECT_EQ(form->refusalText().toStdString(),
            "PHQ-9: answer every item or none (item 2 is not answered)");
  for (int i = 1; i < form->phq9()->itemCount(); ++i) {
    QTest::mouseClick(form->phq9()->choiceButton(i, 1), Qt::LeftButton);
  }
  QTest::mouseClick(form->saveButton(), Qt::LeftButton);
  EXPECT_EQ(form->refusalText().toStdString(), "");
  EXPECT_EQ(p.panel.currentPage(), Page::aftercare) << "Back to where it was opened";
  EXPECT_TRUE(list->rowText(0).startsWith("24 hours: done ")) << list->rowText(0).toStdString();
  EXPECT_TRUE(list->rowText(0).contains("by nina (phone), PHQ-9 9 (mild)"))
      << list->rowText(0).toStdString();
  EXPECT_FALSE(p.aftercare().overdueText().contains("24 hours"));
  EXPECT_TRUE(p.aftercare().overdueText().contains("72 hours"));

  QTest::mouseClick(p.panel.pageButton(Page::patients), Qt::LeftButton);  // opened there too
  p.panel.patientForm()->picker()->find("Pat");
  p.panel.patientForm()->picker()->list()->setCurrentRow(0);
  EXPECT_TRUE(p.panel.patientForm()->overdueText().startsWith("OVERDUE follow-up: 72 hours"))
      << p.panel.patientForm()->overdueText().toStdString();
}

TEST(AftercarePage, AnIntegrationSessionIsPlannedItsNoteSignedAndItCloses) {
  ClosedSession f;
  f.signIn(f.nurse);
  Panel p(f);
  p.openPatient();
  auto* planner = p.aftercare().planner();
  QTest::mouseClick(planner->modeButton(db::VisitMode::video), Qt::LeftButton);
  EXPECT_FALSE(planner->plan());
  EXPECT_TRUE(planner->refusalText().contains("nurse")) << planner->refusalText().toStdString();
  f.gateway->signOut();
  f.signIn(f.clinician);
  p.openPatient();
  QTest::mouseClick(planner->modeButton(db::VisitMode::video), Qt::LeftButton);
  ASSERT_TRUE(planner->plan()) << planner->refusalText().toStdString();
  ASSERT_EQ(planner->rowCount(), 1u);
  EXPECT_TRUE(planner->rowText(0).startsWith("Video, planned "))
      << planner->rowText(0).toStdString();

  QTest::mouseClick(planner->openButton(0), Qt::LeftButton);
  ASSERT_EQ(p.panel.currentPage(), Page::notes);
  auto* notes = p.panel.notePage();
  EXPECT_EQ(notes->type(), db::NoteType::integration);
  EXPECT_FALSE(notes->typeButton(db::NoteType::dosing)->isVisible());
  ASSERT_TRUE(notes->closeButton()->isVisible());
  QTest::mouseClick(notes->closeButton(), Qt::LeftButton);
  EXPECT_TRUE(notes->refusalAt("").startsWith("phase: cannot go from planned to closed"))
      << notes->refusalAt("").toStdString() << "/" << notes->statusText().toStdString();
  EXPECT_TRUE(notes->refusalAt("").contains("integration note"))
      << notes->refusalAt("").toStdString();
  notes->editor()->selectAll();
  notes->editor()->insertPlainText("Visit by video. Patient describes the session as meaningful.");
  QTest::mouseClick(notes->signRow()->meaningButton(db::SignatureMeaning::authored),
                    Qt::LeftButton);
  QTest::keyClicks(notes->signRow()->passwordEdit(), QString::fromStdString(t::kPassword));
  QTest::mouseClick(notes->signRow()->signButton(), Qt::LeftButton);
  ASSERT_TRUE(notes->showsSignedNote()) << notes->refusalAt("password").toStdString();
  QTest::mouseClick(notes->closeButton(), Qt::LeftButton);
  EXPECT_EQ(notes->statusText().toStdString(), "Integration session closed")
      << notes->refusalAt("").toStdString();
  EXPECT_FALSE(notes->closeButton()->isVisible());
  QTest::keyClick(notes->editor(), Qt::Key_Escape);
  EXPECT_EQ(p.panel.currentPage(), Page::aftercare);
  EXPECT_TRUE(planner->rowText(0).contains("Closed, note signed"))
      << planner->rowText(0).toStdString();
}

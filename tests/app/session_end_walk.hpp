#pragma once
// The end of a session on the real station, as the walks drive it (clinical_workflow_fixture.hpp):
// the scales, an adverse event, the clinician's signed dosing note and addendum, the discharge
// page until every criterion is met, ready to leave, Close (refused with its list, then done),
// and the integration session that follows, planned from Aftercare and closed with its signed
// note. Each step asserts what the screen shows; the record is checked by expectEndRecorded.
#include "adverse_event_form.hpp"
#include "aftercare_page.hpp"
#include "clinical_workflow_fixture.hpp"
#include "discharge_criteria_view.hpp"
#include "discharge_page.hpp"
#include "integration_planner.hpp"
#include "note_page.hpp"
#include "note_sign_row.hpp"
#include "ready_to_leave_section.hpp"
#include "scale_form.hpp"
#include "vigil/db/note_reader.hpp"
#include "vigil/db/site_store.hpp"
#include "yes_no_choice.hpp"

namespace vigil::gui::e2e {

struct SessionEnd {
  ClinicalWorkflow& w;
  db::RowId integration = 0;  // the integration session planned after the close

  ClinicalPanel& panel() { return w.panel(); }
  void toSession() { QTest::mouseClick(panel().pageButton(Page::session), Qt::LeftButton); }

  // MOAA/S 5 (one tap) and a modified Aldrete of 10, from the scales page.
  void recordRecoveryScales() {
    toSession();
    QTest::mouseClick(panel().sessionPanel()->scalesButton(), Qt::LeftButton);
    ASSERT_EQ(panel().currentPage(), Page::scales);
    auto* f = panel().scaleForm();
    f->showSection(ScaleForm::Section::sedation);
    QTest::mouseClick(f->moaasButton(5), Qt::LeftButton);
    ASSERT_TRUE(f->statusText().startsWith("MOAA/S 5 recorded")) << f->statusText().toStdString();
    f->showSection(ScaleForm::Section::recovery);
    for (int i = 0; i < ScaleForm::kAldreteItems; ++i) f->aldreteItem(i)->setValue(2);
    QTest::mouseClick(f->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(f->statusText().startsWith("Modified Aldrete 10 recorded"))
        << f->statusText().toStdString();
    QTest::keyClick(f->saveButton(), Qt::Key_Escape);
  }

  void recordAdverseEvent(const char* type, const char* severity, const char* action) {
    toSession();
    QTest::mouseClick(panel().sessionPanel()->eventButton(), Qt::LeftButton);
    ASSERT_EQ(panel().currentPage(), Page::adverse_event);
    auto* f = panel().adverseEventForm();
    f->typeBox()->setCurrentIndex(f->typeBox()->findText(type));
    QTest::mouseClick(f->severityButton(severity), Qt::LeftButton);
    QTest::keyClicks(f->actionEdit(), action);
    QTest::mouseClick(f->recordButton(), Qt::LeftButton);
    ASSERT_TRUE(f->statusText().startsWith("Adverse event recorded: "))
        << f->statusText().toStdString();
    QTest::keyClick(f->actionEdit(), Qt::Key_Escape);
  }

  // The signed-in clinician writes and signs the dosing note (a wrong password refused first,
  // counted as a failed sign-in), then adds an addendum with its reason.
  void signDosingNoteWithAddendum(const QString& body, const char* addendum) {
    toSession();
    QTest::mouseClick(panel().sessionPanel()->notesButton(), Qt::LeftButton);
    ASSERT_EQ(panel().currentPage(), Page::notes);
    auto* n = panel().notePage();
    ASSERT_EQ(n->type(), db::NoteType::dosing);
    n->editor()->selectAll();
    n->editor()->insertPlainText(body);
    sign(*n, db::SignatureMeaning::authored, "not the password");
    ASSERT_TRUE(
        n->refusalAt("password").startsWith("password: not accepted, the note is not signed"))
        << n->refusalAt("password").toStdString();
    ASSERT_FALSE(n->showsSignedNote());
    sign(*n, db::SignatureMeaning::authored, db::test::kPassword);
    ASSERT_TRUE(n->showsSignedNote()) << n->refusalAt("password").toStdString();
    EXPECT_TRUE(n->signedNoteText().contains("Signed by carl (authored), "));
    QTest::mouseClick(n->openAddendumButton(), Qt::LeftButton);
    QTest::keyClicks(n->addendumEdit(), addendum);
    QTest::keyClicks(n->reasonEdit(), "late entry");
    QTest::mouseClick(n->addendumButton(), Qt::LeftButton);
    ASSERT_TRUE(n->signedNoteText().contains("Reason: late entry"))
        << n->refusalAt("reason").toStdString();
    test::savePng(w.window, "window-signed-note.png");
    QTest::keyClick(n->reasonEdit(), Qt::Key_Escape);
  }
  static void sign(NotePage& n, db::SignatureMeaning meaning, const char* password) {
    QTest::mouseClick(n.signRow()->meaningButton(meaning), Qt::LeftButton);
    QTest::keyClicks(n.signRow()->passwordEdit(), password);
    QTest::mouseClick(n.signRow()->signButton(), Qt::LeftButton);
  }

  DischargePage& openDischarge() {
    toSession();
    QTest::mouseClick(panel().sessionPanel()->dischargeButton(), Qt::LeftButton);
    EXPECT_EQ(panel().currentPage(), Page::discharge);
    return *panel().dischargePage();
  }

  // On the discharge page: the vitals criterion is seen unmet while the tachycardia runs, the
  // nurse records the discharge checklist, and every criterion turns met as the pulse recovers.
  void waitForDischargeReadiness() {
    auto& d = openDischarge();
    const auto text = [&] { return d.criteria()->text(); };
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return text().contains("NOT MET  Vital signs in range"); }, 90000))
        << text().toStdString();
    EXPECT_TRUE(text().contains("pulse rate")) << text().toStdString();
    test::savePng(w.window, "window-discharge-unmet.png");
    for (const char* item :
         {"escort_present", "no_driving_advised", "aftercare_instructions_given"}) {
      QTest::mouseClick(d.checklistButton(item), Qt::LeftButton);
    }
    QTest::mouseClick(d.recordChecklistButton(), Qt::LeftButton);
    ASSERT_EQ(d.refusalText().toStdString(), "");
    const auto unmet = [&] { return d.criteria()->count() - d.criteria()->metCount(); };
    ASSERT_TRUE(QTest::qWaitFor([&] { return d.criteria()->count() > 0 && unmet() == 1; }, 60000))
        << text().toStdString();
    EXPECT_TRUE(text().contains("NOT MET  Vital signs in range: pulse rate"))
        << "the tachycardia outlasts the two hours: " << text().toStdString();
    test::savePng(w.window, "window-discharge-one-unmet.png");
    ASSERT_TRUE(QTest::qWaitFor([&] { return unmet() == 0; }, 60000)) << text().toStdString();
    EXPECT_TRUE(text().contains("MOAA/S 5")) << text().toStdString();
  }

  // Ready to leave with the REMS answers (dissociation seen and resolved).
  void recordReadyToLeave(const char* rems_minutes) {
    auto& d = openDischarge();
    QTest::keyClicks(d.readyToLeave()->remsMinutesEdit(), rems_minutes);
    auto answer = [&](const char* field, bool yes) {
      auto* c = d.readyToLeave()->choice(field);
      QTest::mouseClick(yes ? c->yesButton() : c->noButton(), Qt::LeftButton);
    };
    answer("sedation", false);
    answer("dissociation", true);
    answer("dissociation_resolved", true);
    answer("respiratory_depression", false);
    answer("vitals_acceptable_before_completion", true);
    QTest::mouseClick(d.readyButton(), Qt::LeftButton);
    ASSERT_EQ(d.refusalText().toStdString(), "");
    ASSERT_EQ(w.state().phase, SessionPhase::discharge_ready);
    EXPECT_TRUE(d.statusText().startsWith("Ready to leave recorded"));
  }

  // Close refused; the refusal lists each missing field on its own line.
  void expectCloseRefused(const std::vector<std::string>& missing) {
    auto& d = openDischarge();
    QTest::mouseClick(d.closeButton(), Qt::LeftButton);
    const std::string refusal = d.refusalText().toStdString();
    EXPECT_TRUE(refusal.starts_with("close: " + std::to_string(missing.size()) + " required"))
        << refusal;
    for (const auto& m : missing)
      EXPECT_NE(refusal.find("\u2022 " + m), std::string::npos) << refusal;
    test::savePng(w.window, "window-close-refused.png");
    EXPECT_NE(w.state().phase, SessionPhase::closed);
  }

  void closeSession() {
    auto& d = openDischarge();
    QTest::mouseClick(d.closeButton(), Qt::LeftButton);
    ASSERT_EQ(d.refusalText().toStdString(), "");
    EXPECT_TRUE(QTest::qWaitFor([&] { return w.controller.recordingSession() == 0; }, 3000))
        << "the station stops recording a closed session";
  }

  // The clinician plans the integration session from Aftercare, signs its note and closes it.
  void integrationSession(db::VisitMode mode, const QString& note) {
    QTest::mouseClick(panel().pageButton(Page::aftercare), Qt::LeftButton);
    auto& a = *panel().aftercarePage();
    a.picker()->find("MRN-77");
    a.picker()->list()->setCurrentRow(0);
    ASSERT_GT(a.sessionBox()->count(), 0) << a.messageText().toStdString();
    auto* planner = a.planner();
    QTest::mouseClick(planner->modeButton(mode), Qt::LeftButton);
    ASSERT_TRUE(planner->plan()) << planner->refusalText().toStdString();
    ASSERT_EQ(planner->rowCount(), 1u);
    QTest::mouseClick(planner->openButton(0), Qt::LeftButton);
    ASSERT_EQ(panel().currentPage(), Page::notes);
    auto* n = panel().notePage();
    ASSERT_EQ(n->type(), db::NoteType::integration);
    n->editor()->selectAll();
    n->editor()->insertPlainText(note);
    sign(*n, db::SignatureMeaning::authored, db::test::kPassword);
    ASSERT_TRUE(n->showsSignedNote()) << n->refusalAt("password").toStdString();
    QTest::mouseClick(n->closeButton(), Qt::LeftButton);
    ASSERT_EQ(n->statusText().toStdString(), "Integration session closed")
        << n->refusalAt("").toStdString();
    QTest::keyClick(n->reasonEdit(), Qt::Key_Escape);
    ASSERT_EQ(panel().currentPage(), Page::aftercare);
    EXPECT_TRUE(planner->rowText(0).contains("Closed, note signed"))
        << planner->rowText(0).toStdString();
  }

  // Every end-of-session record with its actor; the signature's manifestation; the chain; the
  // trigger that refuses a raw edit of the signed note.
  void expectEndRecorded() {
    auto& s = w.store;
    const auto notes = db::read_session_notes(s.store, s.auditor, w.session, s.tick());
    ASSERT_EQ(notes.size(), 1u);
    ASSERT_TRUE(notes[0].is_signed);
    ASSERT_EQ(notes[0].signatures.size(), 1u);
    EXPECT_EQ(notes[0].signatures[0].printed_name, "carl");
    EXPECT_EQ(notes[0].signatures[0].meaning, db::SignatureMeaning::authored);
    ASSERT_EQ(notes[0].addenda.size(), 1u);
    EXPECT_EQ(notes[0].addenda[0].author_name, "carl");
    EXPECT_EQ(notes[0].addenda[0].reason, "late entry");
    EXPECT_TRUE(w.audited("signature_password_failed", "carl"));
    EXPECT_TRUE(w.audited("sign_note", "carl"));
    EXPECT_TRUE(w.audited("add_addendum", "carl"));
    EXPECT_TRUE(w.audited("record_ready_to_leave", "nina"));
    EXPECT_TRUE(w.audited("record_checklist", "nina"));
    EXPECT_TRUE(w.audited("create_session", "carl")) << "the integration session";
    EXPECT_EQ(w.count_containing(w.rows("observations"), "\"kind\":\"adverse_event\""), 1);
    EXPECT_EQ(w.count_containing(w.rows("observations"), "\"kind\":\"aldrete\""), 1);
    EXPECT_EQ(w.count_containing(w.rows("discharges"), "\"monitoring_minutes\":"), 1);
    const auto verdict = db::verify_audit_chain(s.store);
    EXPECT_TRUE(verdict.ok) << verdict.problem;
    EXPECT_THROW(s.db.exec("UPDATE notes SET body = 'rewritten' WHERE type = 'dosing'"),
                 SQLite::Exception)
        << "the signed note is refused by the trigger, even to raw SQL";
    EXPECT_EQ(db::read_session_notes(s.store, s.auditor, w.session, s.tick())[0].body,
              notes[0].body);
  }
};

}  // namespace vigil::gui::e2e

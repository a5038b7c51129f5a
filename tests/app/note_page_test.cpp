// The notes page: a draft from the clinic's template saves itself (on the autosave tick and on
// leaving the page) and comes back; signing asks for the password and the meaning (a wrong
// password is refused at the field and counted as a failed sign-in; a nurse may not sign); a
// signed note is read-only with its manifestation, addenda go under it with their reason, a
// second clinician adds a review signature; a new note may start from the patient's previous one.
#include "note_page.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include "clinical_test_support.hpp"
#include "note_sign_row.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/note_reader.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_panel.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::NotePage;

namespace {

struct NoteFixture : t::ClinicalFixture {
  db::RowId session = 0;
  NoteFixture() {
    session = dosingSession(DoseRoute::iv, 35);
    gateway->setActiveSession(session);
  }
  db::SessionPanelState panel() {
    return store([&](db::Store& s) { return db::read_session_panel(s, nurse, session, now); });
  }
  std::vector<db::NoteView> notes() {
    return store([&](db::Store& s) { return db::read_session_notes(s, auditor, session, now); });
  }
  std::string lastAuditAction() {
    return store([&](db::Store& s) { return db::read_audit_log(s, auditor, now).back().action; });
  }
  db::Actor secondClinician() {
    return store([&](db::Store& s) {
      return db::add_user(s, admin, "cleo", db::Role::clinician, t::kPassword, tick(),
                          db::PasswordCost::cheapest());
    });
  }
};

struct Page {
  NotePage page;
  explicit Page(NoteFixture& f) : page(*f.gateway) {
    page.resize(t::kPanelWidth, t::kPanelHeight);
    page.setState(f.panel());
    page.show();
  }
  void type(const QString& text) {
    page.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(page.editor(), text);
  }
  void sign(db::SignatureMeaning meaning, const QString& password) {
    if (page.openReviewButton()->isVisible()) {
      QTest::mouseClick(page.openReviewButton(), Qt::LeftButton);
    }
    QTest::mouseClick(page.signRow()->meaningButton(meaning), Qt::LeftButton);
    QTest::keyClicks(page.signRow()->passwordEdit(), password);
    QTest::mouseClick(page.signRow()->signButton(), Qt::LeftButton);
  }
};

// Waits (events running) until `done` holds or 5 s pass.
template <class F>
bool eventually(F done) {
  QElapsedTimer clock;
  clock.start();
  while (!done() && clock.elapsed() < 5000) QTest::qWait(20);
  return done();
}

}  // namespace

TEST(NotePage, ADraftFromTheTemplateSavesItselfWhileTyping) {
  NoteFixture f;
  f.signIn(f.clinician);
  Page p(f);
  EXPECT_EQ(t::shortTouchTargets(p.page).toStdString(), "");
  EXPECT_EQ(p.page.type(), db::NoteType::dosing) << "a dosing session opens on its dosing note";
  const QString text = p.page.editor()->toPlainText();
  EXPECT_TRUE(text.startsWith("Treatment given (drug, route, dose, times):")) << text.toStdString();
  EXPECT_TRUE(text.contains("Recovery and discharge:"));
  EXPECT_FALSE(p.page.showsSignedNote());
  EXPECT_TRUE(f.notes().empty()) << "an untouched template is not saved";

  p.page.setAutosaveIntervalMs(100);
  p.type("Tolerated well; BP peaked 142/88 at 30 min.");
  ASSERT_TRUE(eventually([&] { return !f.notes().empty(); })) << "the autosave tick saves it";
  EXPECT_TRUE(QString::fromStdString(f.notes()[0].body).contains("BP peaked 142/88"));
  EXPECT_EQ(f.notes()[0].author_name, "carl");
  {
    // Committed to the file, not held by the page: another connection (a station restarted
    // after a kill) reads it while the page is still open and nothing has left the field.
    db::Store other = db::Store::open(f.file, db::OpenMode::read_only);
    const auto on_disk = db::read_session_notes(other, f.auditor, f.session, f.now);
    ASSERT_EQ(on_disk.size(), 1u);
    EXPECT_TRUE(QString::fromStdString(on_disk[0].body).contains("BP peaked 142/88"));
    EXPECT_TRUE(p.page.isVisible());
  }
  EXPECT_TRUE(p.page.statusText().startsWith("Draft saved at "))
      << p.page.statusText().toStdString();
  EXPECT_EQ(p.page.typeButton(db::NoteType::dosing)->text().toStdString(), "Dosing: draft");

  p.page.setAutosaveIntervalMs(60 * 60 * 1000);
  p.type(" Nausea at 50 min.");
  p.page.hide();  // leaving the page saves at once
  ASSERT_EQ(f.notes().size(), 1u) << "the same draft is updated, not a second one made";
  EXPECT_TRUE(QString::fromStdString(f.notes()[0].body).endsWith("Nausea at 50 min."));

  Page reopened(f);  // the station restarted: the draft is there to go on with
  EXPECT_TRUE(reopened.page.editor()->toPlainText().endsWith("Nausea at 50 min."));
  EXPECT_FALSE(reopened.page.editor()->isReadOnly());
}

TEST(NotePage, SigningOutSavesTheDraftAsItsAuthorFirst) {
  NoteFixture f;
  f.signIn(f.clinician);
  Page p(f);
  p.page.setAutosaveIntervalMs(60 * 60 * 1000);
  p.type("Plan agreed with the patient.");
  f.gateway->signOut();  // the idle lock, or Switch user, before the autosave tick
  ASSERT_EQ(f.notes().size(), 1u);
  EXPECT_EQ(f.notes()[0].author_name, "carl");
  EXPECT_TRUE(QString::fromStdString(f.notes()[0].body).endsWith("Plan agreed with the patient."));
  f.signIn(f.nurse);
  EXPECT_TRUE(p.page.editor()->isReadOnly()) << "carl's draft; only carl edits it";
}

TEST(NotePage, AnAddendumOrPasswordTypedByOneUserIsNotLeftForTheNext) {
  NoteFixture f;
  f.signIn(f.clinician);
  Page p(f);
  p.type("Dose given as planned.");
  p.sign(db::SignatureMeaning::authored, QString::fromStdString(t::kPassword));
  ASSERT_TRUE(p.page.showsSignedNote());
  QTest::mouseClick(p.page.openAddendumButton(), Qt::LeftButton);
  QTest::keyClicks(p.page.addendumEdit(), "carl's unfinished addendum");
  QTest::keyClicks(p.page.reasonEdit(), "late entry");
  QTest::mouseClick(p.page.openReviewButton(), Qt::LeftButton);
  QTest::keyClicks(p.page.signRow()->passwordEdit(), "half a passw");
  const db::Actor cleo = f.secondClinician();
  f.gateway->signOut();
  f.gateway->signIn(cleo.name, t::kPassword);
  EXPECT_EQ(p.page.addendumEdit()->toPlainText().toStdString(), "");
  EXPECT_EQ(p.page.reasonEdit()->text().toStdString(), "");
  EXPECT_EQ(p.page.signRow()->passwordEdit()->text().toStdString(), "");
  QTest::mouseClick(p.page.openAddendumButton(), Qt::LeftButton);
  QTest::mouseClick(p.page.addendumButton(), Qt::LeftButton);
  EXPECT_TRUE(p.page.refusalAt("").startsWith("addendum body:") ||
              p.page.refusalAt("reason").startsWith("reason:"))
      << p.page.refusalAt("").toStdString() << p.page.refusalAt("reason").toStdString();
  EXPECT_EQ(f.notes()[0].addenda.size(), 0u);
}

TEST(NotePage, AWrongPasswordIsRefusedAtTheFieldAndCountedAsAFailedSignIn) {
  NoteFixture f;
  f.signIn(f.clinician);
  Page p(f);
  p.type("Dose given as planned.");
  p.sign(db::SignatureMeaning::authored, "not my password");
  EXPECT_TRUE(p.page.refusalAt("password")
                  .startsWith("password: not accepted, the note is not "
                              "signed"))
      << p.page.refusalAt("password").toStdString();
  EXPECT_EQ(p.page.signRow()->passwordEdit()->text().toStdString(), "") << "cleared every time";
  EXPECT_EQ(f.lastAuditAction(), "signature_password_failed");
  ASSERT_EQ(f.notes().size(), 1u) << "the draft was saved before signing was tried";
  EXPECT_FALSE(f.notes()[0].is_signed);
  EXPECT_FALSE(p.page.showsSignedNote());
}

TEST(NotePage, ANurseMayDraftButNotSign) {
  NoteFixture f;
  f.signIn(f.nurse);
  Page p(f);
  p.type("Escort in the waiting room.");
  p.sign(db::SignatureMeaning::authored, QString::fromStdString(t::kPassword));
  EXPECT_TRUE(p.page.refusalAt("").contains("nurse")) << p.page.refusalAt("").toStdString();
  ASSERT_EQ(f.notes().size(), 1u);
  EXPECT_FALSE(f.notes()[0].is_signed);

  f.gateway->signOut();  // the clinician approves the nurse's draft
  f.signIn(f.clinician);
  Page q(f);
  EXPECT_TRUE(q.page.editor()->isReadOnly()) << "only its author edits a draft";
  EXPECT_TRUE(q.page.statusText().contains("Draft by nina")) << q.page.statusText().toStdString();
  EXPECT_TRUE(q.page.signRow()->meaningButton(db::SignatureMeaning::approved)->isChecked());
  q.sign(db::SignatureMeaning::approved, QString::fromStdString(t::kPassword));
  EXPECT_TRUE(q.page.showsSignedNote()) << q.page.refusalAt("password").toStdString();
  EXPECT_TRUE(q.page.signedNoteText().contains("Signed by carl (approved)"));
}

TEST(NotePage, ASignedNoteIsReadOnlyWithItsManifestationAddendaAndAReview) {
  NoteFixture f;
  f.signIn(f.clinician);
  Page p(f);
  p.page.editor()->selectAll();
  p.page.editor()->insertPlainText(
      "Treatment given: ketamine 35 mg IV over 40 min, lot K2231.\n"
      "Vital signs: SpO2 95-99 %, BP peaked 142/88 at 30 min.\n"
      "Sedation and dissociation: MOAA/S 4 at 20 min, CADSS 18.\n"
      "Adverse events: mild nausea at 50 min, settled without treatment.\n"
      "Recovery: MOAA/S 5 at 90 min, Aldrete 10; escort present.");
  p.sign(db::SignatureMeaning::authored, QString::fromStdString(t::kPassword));
  ASSERT_TRUE(p.page.showsSignedNote()) << p.page.refusalAt("password").toStdString();
  EXPECT_TRUE(p.page.signedNoteText().contains("Signed by carl (authored), "));
  EXPECT_TRUE(p.page.statusText().startsWith("Signed as authored by carl"));
  EXPECT_EQ(p.page.typeButton(db::NoteType::dosing)->text().toStdString(), "Dosing: signed");
  try {
    f.store([&](db::Store& s) {
      db::update_note(s, f.clinician, p.page.noteId(), "rewritten", f.tick());
      return 0;
    });
    ADD_FAILURE() << "a signed note was edited";
  } catch (const db::ValidationError& e) {
    EXPECT_STREQ(e.what(), "note: signed; change it only by addendum");
  }

  EXPECT_FALSE(p.page.addendumEdit()->isVisible()) << "the note first; an addendum on request";
  QTest::mouseClick(p.page.openAddendumButton(), Qt::LeftButton);
  ASSERT_TRUE(p.page.addendumEdit()->isVisible());
  QTest::keyClicks(p.page.addendumEdit(), "BP 150/92 at the 40-minute checkpoint.");
  QTest::mouseClick(p.page.addendumButton(), Qt::LeftButton);
  EXPECT_TRUE(p.page.refusalAt("reason").startsWith("reason:")) << "a reason is required";
  QTest::keyClicks(p.page.reasonEdit(), "late entry");
  QTest::mouseClick(p.page.addendumButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.refusalAt("reason").toStdString(), "");
  const QString shown = p.page.signedNoteText();
  EXPECT_TRUE(shown.contains("Addendum by carl, ")) << shown.toStdString();
  EXPECT_TRUE(shown.contains("Reason: late entry"));
  EXPECT_GT(shown.indexOf("BP 150/92"), shown.indexOf("MOAA/S 4")) << "under the original";

  p.sign(db::SignatureMeaning::reviewed, QString::fromStdString(t::kPassword));
  EXPECT_TRUE(p.page.refusalAt("password")
                  .startsWith("meaning: reviewed is signed by a "
                              "clinician other than the note's author"))
      << p.page.refusalAt("password").toStdString();
  const db::Actor cleo = f.secondClinician();
  f.gateway->signOut();
  f.gateway->signIn(cleo.name, t::kPassword);
  Page review(f);
  ASSERT_TRUE(review.page.showsSignedNote());
  review.sign(db::SignatureMeaning::reviewed, QString::fromStdString(t::kPassword));
  EXPECT_TRUE(review.page.signedNoteText().contains("Signed by cleo (reviewed), "))
      << review.page.refusalAt("password").toStdString();
  t::savePng(review.page, "page-signed-note.png");
  const auto notes = f.notes();
  ASSERT_EQ(notes.size(), 1u);
  ASSERT_EQ(notes[0].signatures.size(), 2u);
  EXPECT_EQ(notes[0].signatures[1].printed_name, "cleo");
  EXPECT_EQ(notes[0].addenda.size(), 1u);
  EXPECT_TRUE(f.store([](db::Store& s) { return db::verify_audit_chain(s).ok; }));
}

TEST(NotePage, ThePageFollowsThePhaseUntilATypeIsChosen) {
  NoteFixture f;
  f.signIn(f.clinician);
  const db::RowId planned = f.plannedSession(DoseRoute::iv, 35);
  f.session = planned;
  f.gateway->setActiveSession(planned);
  Page p(f);
  EXPECT_EQ(p.page.type(), db::NoteType::preparation);
  f.store([&](db::Store& s) {
    db::advance_session(s, f.nurse, planned, vigil::core::SessionPhase::pre_dose, f.tick());
    db::record_bp(s, f.nurse,
                  {planned, f.now, 120, 80, std::nullopt, vigil::core::BpSource::device}, f.tick());
    db::ChecklistEntry c{
        planned, db::ChecklistKind::pre_dose, {{"identity_confirmed", true}}, f.now, std::nullopt};
    c.override_reason = "test: the checklist is not what this test is about";
    db::record_checklist(s, f.clinician, c, f.tick());
    db::advance_session(s, f.nurse, planned, vigil::core::SessionPhase::dosing, f.tick());
    return 0;
  });
  p.page.setState(f.panel());
  EXPECT_EQ(p.page.type(), db::NoteType::dosing) << "dosing began: the dosing note";
  QTest::mouseClick(p.page.typeButton(db::NoteType::preparation), Qt::LeftButton);
  p.page.setState(f.panel());
  EXPECT_EQ(p.page.type(), db::NoteType::preparation) << "a chosen type stays";
}

TEST(NotePage, ANewNoteMayStartFromThePatientsPreviousOne) {
  NoteFixture f;
  f.signIn(f.clinician);
  f.store([&](db::Store& s) {
    const db::RowId n = db::draft_note(s, f.clinician, f.session, db::NoteType::dosing,
                                       "Responds well to 35 mg; likes the blue room.", f.tick());
    db::sign_note(s, f.clinician, n, t::kPassword, db::SignatureMeaning::authored, f.tick());
    return n;
  });
  const db::RowId next = f.plannedSession(DoseRoute::iv, 35, 7 * 24 * 3600 * 1000LL);
  f.gateway->setActiveSession(next);
  f.session = next;
  Page p(f);
  EXPECT_EQ(p.page.type(), db::NoteType::preparation) << "a planned session opens on preparation";
  EXPECT_FALSE(p.page.previousButton()->isEnabled()) << "no earlier preparation note";
  QTest::mouseClick(p.page.typeButton(db::NoteType::dosing), Qt::LeftButton);
  ASSERT_TRUE(p.page.previousButton()->isEnabled());
  QTest::mouseClick(p.page.previousButton(), Qt::LeftButton);
  EXPECT_EQ(p.page.editor()->toPlainText().toStdString(),
            "Responds well to 35 mg; likes the blue room.");
  EXPECT_TRUE(p.page.saveDraft());
  ASSERT_EQ(f.notes().size(), 1u);
  EXPECT_FALSE(f.notes()[0].is_signed) << "a copy is a new draft";
}

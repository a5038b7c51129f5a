// The scales page's sections beyond sedation and recovery: CADSS (full, or the short form the
// site chooses), PHQ-9 and GAD-7 with the total and severity band live, PHQ-9 item 9 flagged at
// the item, refusals at the item with nothing written, and each section rendered.
#include <gtest/gtest.h>

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "clinical_test_support.hpp"
#include "questionnaire_section.hpp"
#include "scale_form.hpp"
#include "vigil/db/session_panel.hpp"
#include "vigil/db/site_store.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::QuestionnaireSection;
using vigil::gui::ScaleForm;
using Section = ScaleForm::Section;

namespace {

struct SectionsFixture : t::ClinicalFixture {
  db::RowId session = 0;
  SectionsFixture() {
    signIn(nurse);
    session = dosingSession(DoseRoute::iv, 35);
    gateway->setActiveSession(session);
  }
  db::SessionPanelState panel() {
    return store([&](db::Store& s) { return db::read_session_panel(s, nurse, session, now); });
  }
  // The session's observation rows of `kind`, as the record reader gives them.
  std::vector<QJsonObject> rows(const char* kind) {
    std::vector<QJsonObject> out;
    for (const auto& row : store([&](db::Store& s) {
           return db::read_session_records(s, auditor, "observations", session, now);
         })) {
      const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(row)).object();
      if (o.value("kind").toString() == QLatin1String(kind)) out.push_back(o);
    }
    return out;
  }
};

struct Page {
  ScaleForm form;
  explicit Page(SectionsFixture& f) : form(*f.gateway) {
    form.resize(t::kPanelWidth, t::kPanelHeight);
    form.show();
    form.setState(f.panel());
  }
};

// Answers item i with values[i] by tapping its button.
void answer(QuestionnaireSection* q, const std::vector<int>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    QTest::mouseClick(q->choiceButton(static_cast<int>(i), values[i]), Qt::LeftButton);
  }
}

}  // namespace

TEST(ScaleSections, EachSectionHasItsButtonAndOnlyTheQuestionnairesAndAldreteHaveSave) {
  SectionsFixture f;
  Page p(f);
  EXPECT_EQ(p.form.section(), Section::sedation);
  EXPECT_FALSE(p.form.saveButton()->isVisible()) << "each sedation tap records";
  QTest::mouseClick(p.form.sectionButton(Section::phq9), Qt::LeftButton);
  EXPECT_EQ(p.form.section(), Section::phq9);
  EXPECT_TRUE(p.form.phq9Section()->isVisible());
  EXPECT_EQ(p.form.saveButton()->text().toStdString(), "&Save PHQ-9");
  for (Section s :
       {Section::sedation, Section::recovery, Section::cadss, Section::phq9, Section::gad7}) {
    p.form.showSection(s);
    EXPECT_EQ(t::shortTouchTargets(p.form).toStdString(), "") << static_cast<int>(s);
  }
}

TEST(ScaleSections, TheCadssTotalIsLiveAndTheAnswersAreReadBack) {
  SectionsFixture f;
  Page p(f);
  p.form.showSection(Section::cadss);
  QuestionnaireSection* cadss = p.form.cadssSection();
  ASSERT_EQ(cadss->itemCount(), 23);
  EXPECT_EQ(cadss->spec().scale, db::Scale::cadss);
  EXPECT_TRUE(cadss->itemLabel(0)->text().startsWith("1. Things seem to move in slow motion"));
  std::vector<int> values;
  int total = 0;
  for (int i = 0; i < 23; ++i) {
    values.push_back(i % 5);
    total += i % 5;
  }
  answer(cadss, {values.begin(), values.begin() + 3});
  EXPECT_EQ(cadss->totalText().toStdString(), "Total 3 of 92 (3 of 23 answered)");
  answer(cadss, values);
  EXPECT_EQ(cadss->totalText().toStdString(), "Total " + std::to_string(total) + " of 92");
  p.form.submit();
  EXPECT_TRUE(p.form.statusText().startsWith(QStringLiteral("CADSS %1 recorded").arg(total)))
      << p.form.statusText().toStdString();
  const auto rows = f.rows("cadss");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].value("total").toInt(), total);
  EXPECT_EQ(rows[0].value("items").toString().toStdString(),
            "[0,1,2,3,4,0,1,2,3,4,0,1,2,3,4,0,1,2,3,4,0,1,2]");
  EXPECT_EQ(cadss->answer(0), std::nullopt) << "recorded: the next assessment starts empty";
}

TEST(ScaleSections, TheShortCadssFormWhenTheSiteSettingSaysShort) {
  SectionsFixture f;
  f.store([&](db::Store& s) { db::set_site_setting(s, f.admin, "cadss_form", "short", f.now); });
  Page p(f);
  p.form.showSection(Section::cadss);
  QuestionnaireSection* cadss = p.form.cadssSection();
  ASSERT_EQ(cadss->itemCount(), 6);
  EXPECT_EQ(cadss->spec().scale, db::Scale::cadss6);
  QStringList numbers;
  for (int i = 0; i < 6; ++i) numbers << cadss->itemLabel(i)->text().section('.', 0, 0);
  EXPECT_EQ(numbers.join(',').toStdString(), "1,2,6,7,15,22") << "the full form's numbers";
  answer(cadss, {4, 4, 4, 4, 4, 3});
  EXPECT_EQ(cadss->totalText().toStdString(), "Total 23 of 24");
  p.form.submit();
  const auto rows = f.rows("cadss6");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].value("total").toInt(), 23);
  EXPECT_TRUE(f.rows("cadss").empty());
  t::savePng(p.form, "form-scales-cadss6.png");
}

TEST(ScaleSections, Phq9ShowsTheSeverityBandLiveAndItIsRecordedWithTheTotal) {
  SectionsFixture f;
  Page p(f);
  p.form.showSection(Section::phq9);
  QuestionnaireSection* phq = p.form.phq9Section();
  ASSERT_EQ(phq->itemCount(), 9);
  EXPECT_EQ(phq->choiceButton(0, 2)->text().toStdString(), "2\nMore than half the days");
  EXPECT_EQ(phq->totalText().toStdString(), "Total 0 of 27 (0 of 9 answered)");
  answer(phq, {3, 3});
  EXPECT_EQ(phq->totalText().toStdString(), "Total 6 of 27: at least mild (2 of 9 answered)");
  answer(phq, {1, 1, 1, 1, 0, 0, 0, 0, 0});
  EXPECT_EQ(phq->totalText().toStdString(), "Total 4 of 27: minimal");
  answer(phq, {2, 2, 2, 2, 2, 2, 2, 1, 0});
  EXPECT_EQ(phq->totalText().toStdString(), "Total 15 of 27: moderately severe");
  EXPECT_EQ(phq->flagText().toStdString(), "") << "item 9 is 0";
  p.form.submit();
  EXPECT_TRUE(p.form.statusText().startsWith("PHQ-9 15 (moderately severe) recorded"))
      << p.form.statusText().toStdString();
  ASSERT_EQ(f.rows("phq9").size(), 1u);
  EXPECT_EQ(f.rows("phq9")[0].value("total").toInt(), 15);
}

TEST(ScaleSections, Phq9Item9AboveZeroIsShownInRedAtTheItemWithTheAcknowledgementLine) {
  SectionsFixture f;
  Page p(f);
  p.form.showSection(Section::phq9);
  QuestionnaireSection* phq = p.form.phq9Section();
  answer(phq, {0, 0, 0, 0, 0, 0, 0, 0, 1});
  EXPECT_EQ(phq->flagText().toStdString(),
            "Thoughts of self-harm reported: a clinician must acknowledge this before discharge.");
  EXPECT_TRUE(phq->itemLabel(8)->styleSheet().contains("#ff6a6a"));
  EXPECT_FALSE(phq->itemLabel(7)->styleSheet().contains("#ff6a6a"));
  t::savePng(p.form, "form-scales-phq9-flag.png");
  QTest::mouseClick(phq->choiceButton(8, 0), Qt::LeftButton);
  EXPECT_EQ(phq->flagText().toStdString(), "");
  EXPECT_FALSE(phq->itemLabel(8)->styleSheet().contains("#ff6a6a"));
  QTest::mouseClick(phq->choiceButton(8, 2), Qt::LeftButton);
  p.form.submit();
  EXPECT_TRUE(p.form.statusText().contains("PHQ-9 2 (minimal) recorded; Thoughts of self-harm"))
      << p.form.statusText().toStdString();
}

TEST(ScaleSections, Gad7TotalAndBandAreLiveAndRecorded) {
  SectionsFixture f;
  Page p(f);
  p.form.showSection(Section::gad7);
  QuestionnaireSection* gad = p.form.gad7Section();
  ASSERT_EQ(gad->itemCount(), 7);
  answer(gad, {3, 3, 2, 2, 2, 2, 2});
  EXPECT_EQ(gad->totalText().toStdString(), "Total 16 of 21: severe");
  QTest::mouseClick(p.form.saveButton(), Qt::LeftButton);
  EXPECT_TRUE(p.form.statusText().startsWith("GAD-7 16 (severe) recorded"));
  ASSERT_EQ(f.rows("gad7").size(), 1u);
  EXPECT_EQ(f.rows("gad7")[0].value("items").toString().toStdString(), "[3,3,2,2,2,2,2]");
}

TEST(ScaleSections, AnItemNotAnsweredIsRefusedAtTheItemAndNothingIsWritten) {
  SectionsFixture f;
  Page p(f);
  p.form.showSection(Section::gad7);
  QuestionnaireSection* gad = p.form.gad7Section();
  answer(gad, {1, 1, 1});
  p.form.submit();
  EXPECT_EQ(p.form.refusalAt("gad7.items[4]").toStdString(),
            "Item 4: not answered; every item needs an answer");
  EXPECT_EQ(p.form.refusalAt("gad7.items[2]").toStdString(), "");
  EXPECT_EQ(gad->refusalAt("").toStdString(),
            "GAD-7: 4 of 7 items not answered; nothing was saved");
  EXPECT_TRUE(f.rows("gad7").empty());
  EXPECT_EQ(gad->answer(0), 1) << "what was answered is kept";
}

TEST(ScaleSections, AnAnswerTheStoreRefusesIsShownAtItsItemInTheStoresWords) {
  SectionsFixture f;
  Page p(f);
  p.form.showSection(Section::cadss);
  std::vector<int> answers(23, 0);
  answers[2] = 7;  // no button gives 7: the record path, as Save calls it
  EXPECT_FALSE(p.form.cadssSection()->record(answers));
  EXPECT_EQ(p.form.refusalAt("cadss.items[3]").toStdString(),
            "cadss.items[3]: must be 0-4 (got 7)");
  EXPECT_EQ(p.form.refusalAt("cadss.items[2]").toStdString(), "");
  EXPECT_TRUE(f.rows("cadss").empty());
}

TEST(ScaleSections, AnAuditorIsRefusedInTheStoresWordsAndNothingIsWritten) {
  SectionsFixture f;
  f.gateway->signOut();
  f.signIn(f.auditor);
  Page p(f);
  p.form.showSection(Section::phq9);
  answer(p.form.phq9Section(), std::vector<int>(9, 1));
  p.form.submit();
  EXPECT_EQ(p.form.phq9Section()->refusalAt("").toStdString(),
            "role auditor may not record_observation");
  EXPECT_TRUE(f.rows("phq9").empty());
  EXPECT_EQ(p.form.phq9Section()->answer(8), 1) << "the answers are kept";
}

TEST(ScaleSections, TheAnswersDigitOnAFocusedItemAnswersItAndEnterSaves) {
  SectionsFixture f;
  Page p(f);
  p.form.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&p.form));
  p.form.sectionButton(Section::sedation)->setFocus();
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_G, Qt::AltModifier);  // GAD-7's mnemonic
  for (int i = 0; i < 50 && p.form.section() != Section::gad7; ++i) QTest::qWait(10);  // animated
  ASSERT_EQ(p.form.section(), Section::gad7);
  QuestionnaireSection* gad = p.form.gad7Section();
  gad->choiceButton(0, 0)->setFocus();
  for (int i = 0; i < 7; ++i) QTest::keyClick(QApplication::focusWidget(), Qt::Key_2);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(gad->answer(i), 2) << i;
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
  EXPECT_TRUE(p.form.statusText().startsWith("GAD-7 14 (moderate) recorded"))
      << p.form.statusText().toStdString();
  EXPECT_EQ(f.rows("gad7").size(), 1u);
}

TEST(ScaleSections, EachSectionRendersAtThePanelsSize) {
  SectionsFixture f;
  Page p(f);
  const std::pair<Section, const char*> shots[] = {{Section::sedation, "form-scales-sedation.png"},
                                                   {Section::recovery, "form-scales-recovery.png"},
                                                   {Section::cadss, "form-scales-cadss.png"},
                                                   {Section::phq9, "form-scales-phq9.png"},
                                                   {Section::gad7, "form-scales-gad7.png"}};
  for (const auto& [section, name] : shots) {
    p.form.showSection(section);
    if (section == Section::phq9) answer(p.form.phq9Section(), {1, 2, 0});
    EXPECT_FALSE(t::savePng(p.form, name).isEmpty());
    EXPECT_EQ(p.form.width(), t::kPanelWidth) << name << ": nothing widens the page";
  }
  p.form.showSection(Section::cadss);
  p.form.submit();  // nothing answered
  t::savePng(p.form, "form-scales-cadss-refused.png");
  EXPECT_FALSE(p.form.refusalAt("cadss.items[1]").isEmpty());
}

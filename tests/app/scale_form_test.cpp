// The bedside scales: one tap per MOAA/S and RASS level, the modified Aldrete score with its SpO2
// item pre-filled from the oximeter's recorded value, refusals at the item with nothing written.
#include "scale_form.hpp"

#include <gtest/gtest.h>

#include <QTest>

#include "clinical_panel.hpp"
#include "clinical_test_support.hpp"
#include "session_panel_widget.hpp"
#include "vigil/db/session_panel.hpp"

namespace t = vigil::gui::test;
namespace db = vigil::db;
using vigil::core::DoseRoute;
using vigil::gui::ClinicalPanel;
using vigil::gui::ScaleForm;

namespace {

struct ScaleFixture : t::ClinicalFixture {
  db::RowId session = 0;
  ScaleFixture() {
    signIn(nurse);
    session = dosingSession(DoseRoute::iv, 35);
    gateway->setActiveSession(session);
  }
  db::SessionPanelState panel() {
    return store([&](db::Store& s) { return db::read_session_panel(s, nurse, session, now); });
  }
  // The oximeter's value as the recorder stores it.
  void recordSpo2(double percent) {
    vigil::core::Reading r;
    r.channel = vigil::core::Channel::spo2;
    r.value = percent;
    r.device = 1;
    r.utc_time = vigil::core::UtcTime(std::chrono::milliseconds(tick()));
    ASSERT_TRUE(recorder->record_reading(session, r));
    recorder->flush();
  }
  std::size_t scaleRows(const char* kind) {
    std::size_t n = 0;
    for (const auto& row : store([&](db::Store& s) {
           return db::read_session_records(s, auditor, "observations", session, now);
         })) {
      n += row.find(std::string("\"kind\":\"") + kind + "\"") != std::string::npos;
    }
    return n;
  }
};

}  // namespace

TEST(ScaleForm, EachMoaasLevelIsOneTapWithItsDescriptionAndIsRecorded) {
  ScaleFixture f;
  ScaleForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  form.setState(f.panel());
  EXPECT_TRUE(form.moaasButton(5)->text().contains("Responds readily to name spoken normally"));
  EXPECT_TRUE(form.moaasButton(0)->text().contains("No response"));
  EXPECT_TRUE(form.rassButton(-5)->text().contains("Unarousable"));
  EXPECT_TRUE(form.rassButton(4)->text().contains("Combative"));
  QTest::mouseClick(form.moaasButton(4), Qt::LeftButton);
  EXPECT_TRUE(form.statusText().startsWith("MOAA/S 4 recorded")) << form.statusText().toStdString();
  QTest::mouseClick(form.rassButton(-1), Qt::LeftButton);
  EXPECT_EQ(f.scaleRows("moaas"), 1u);
  EXPECT_EQ(f.scaleRows("rass"), 1u);
  EXPECT_EQ(t::shortTouchTargets(form).toStdString(), "");
  t::savePng(form, "form-scales.png");
  form.resize(460, 560);  // the clinical area's size in the 1280x800 window
  t::savePng(form, "form-scales-window-width.png");
}

TEST(ScaleForm, TheAldreteSpo2ItemIsPrefilledFromTheOximeterAndEditable) {
  ScaleFixture f;
  f.recordSpo2(91);
  ScaleForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  form.setState(f.panel());
  form.showSection(ScaleForm::Section::recovery);
  EXPECT_EQ(form.aldreteItem(4)->value(), 1) << "91 % on room air scores 1";
  EXPECT_TRUE(form.aldreteSpo2Note().contains("from the oximeter: 91 %"))
      << form.aldreteSpo2Note().toStdString();
  EXPECT_TRUE(form.totalText().contains("Total 9 of 10"));
  form.aldreteItem(4)->setValue(2);  // the nurse knows better: edited
  form.submit();
  EXPECT_TRUE(form.statusText().startsWith("Modified Aldrete 10 recorded"));
  EXPECT_EQ(f.scaleRows("aldrete"), 1u);
  EXPECT_EQ(vigil::gui::aldreteSpo2Item(93), 2);
  EXPECT_EQ(vigil::gui::aldreteSpo2Item(89.9), 0);
}

TEST(ScaleForm, AnAldreteItemOutOfRangeIsRefusedAtTheItemAndNothingIsWritten) {
  ScaleFixture f;
  ScaleForm form(*f.gateway);
  form.resize(t::kPanelWidth, t::kPanelHeight);
  form.show();
  form.setState(f.panel());
  form.showSection(ScaleForm::Section::recovery);
  form.aldreteItem(2)->setValue(3);
  form.submit();
  EXPECT_EQ(form.refusalAt("aldrete.items[3]").toStdString(),
            "aldrete.items[3]: must be 0-2 (got 3)");
  EXPECT_EQ(f.scaleRows("aldrete"), 0u);
  EXPECT_EQ(form.aldreteItem(2)->value(), 3) << "what was typed is kept";
}

TEST(ScaleForm, AnAuditorIsRefusedInTheStoresWordsAndTheSessionPanelOpensTheScales) {
  ScaleFixture f;
  ClinicalPanel panel(*f.gateway);
  panel.resize(t::kPanelWidth, t::kPanelHeight);
  panel.show();
  QTest::mouseClick(panel.sessionPanel()->scalesButton(), Qt::LeftButton);
  ASSERT_EQ(panel.currentPage(), ClinicalPanel::Page::scales);
  f.gateway->signOut();
  f.signIn(f.auditor);
  f.gateway->setActiveSession(f.session);
  QTest::mouseClick(panel.sessionPanel()->scalesButton(), Qt::LeftButton);
  QTest::mouseClick(panel.scaleForm()->moaasButton(5), Qt::LeftButton);
  EXPECT_EQ(panel.scaleForm()->refusalAt("").toStdString(),
            "role auditor may not record_observation");
  EXPECT_EQ(f.scaleRows("moaas"), 0u);
}

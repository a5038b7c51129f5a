// The Records window's History tab on a real database behind the station's gateway: the list
// with its filters, a session opened with its timeline, trends zoomed to a minute with the pleth
// at full rate, the patient's outcomes with their bands, the REMS form on screen, and printing
// (an export a nurse is refused).
#include "history_view.hpp"

#include <QProcess>
#include <QTest>
#include <array>

#include "clinical_test_support.hpp"
#include "gui_test_support.hpp"
#include "outcome_chart.hpp"
#include "records_window.hpp"
#include "session_trend_view.hpp"
#include "vigil/db/observation_store.hpp"

namespace vigil::gui {
namespace {

struct HistoryViewTest : ::testing::Test {
  test::ClinicalFixture f;
  db::RowId iv = f.observedSession();
  db::RowId esketamine = f.dosingSession(core::DoseRoute::esketamine_nasal, 56);
  RecordsWindow window{*f.gateway};
  HistoryView& view = *window.history();

  void SetUp() override {
    // A minute of SpO2, pulse rate and pleth (75 Hz) in the IV session, then a PHQ-9.
    const db::UtcMs start = f.now;
    for (int s = 0; s < 60; ++s) {
      f.recordVital(iv, core::Channel::spo2, s < 30 ? 97 : 93);
      f.recordVital(iv, core::Channel::pulse_rate, 70 + s % 5);
      std::array<std::int16_t, 75> pleth{};
      for (std::size_t i = 0; i < pleth.size(); ++i)
        pleth[i] = static_cast<std::int16_t>((i * 37) % 200);
      ASSERT_TRUE(f.recorder->record_waveform_block(iv, core::Channel::pleth, f.now, 75, pleth));
      f.tick(1000);
    }
    f.recorder->flush();
    f.store([&](db::Store& s) {
      return db::record_scale(s, f.nurse, {iv, start, db::Scale::phq9, {2, 2, 2, 1, 1, 1, 1, 1, 0}},
                              f.tick());
    });
  }
  int rowOf(db::RowId id) {
    for (std::size_t i = 0; i < view.sessions().size(); ++i) {
      if (view.sessions()[i].id == id) return static_cast<int>(i);
    }
    return -1;
  }
};

TEST_F(HistoryViewTest, TheListFiltersAndASessionOpensWithItsWholeTimeline) {
  f.signIn(f.nurse);
  window.open();
  ASSERT_EQ(view.sessions().size(), 2u);
  EXPECT_EQ(view.sessions()[0].id, esketamine) << "newest planned first";
  view.fromFilter()->setText("21-09-2026");
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  EXPECT_TRUE(view.messageText().contains("from: must be a date as YYYY-MM-DD, got '21-09-2026'"))
      << view.messageText().toStdString();
  view.fromFilter()->setText("2026-09-22");  // the day after both sessions were planned
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  EXPECT_TRUE(view.sessions().empty());
  view.fromFilter()->clear();
  view.toFilter()->setText("2026-09-21");  // their day, included
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  EXPECT_EQ(view.sessions().size(), 2u);
  view.toFilter()->clear();
  view.phaseFilter()->setCurrentIndex(view.phaseFilter()->findData(QStringLiteral("observation")));
  QTest::mouseClick(view.applyButton(), Qt::LeftButton);
  ASSERT_EQ(view.sessions().size(), 1u);
  EXPECT_EQ(view.sessions()[0].id, iv);
  view.table()->selectRow(0);
  EXPECT_EQ(view.openSessionId(), iv);
  EXPECT_TRUE(view.headerText().contains("Pat Doe (MRN-1), session"))
      << view.headerText().toStdString();
  const QString timeline = view.timelineText();
  for (const char* want :
       {"phase", "dose", "35 mg Ketamine IV", "checkpoint", "Pre-dose", "MOAA/S", "bp"}) {
    EXPECT_TRUE(timeline.contains(QString::fromUtf8(want), Qt::CaseInsensitive))
        << want << "\n"
        << timeline.toStdString();
  }
  const int opens = f.store([](db::Store& s) {
    return static_cast<int>(
        db::raw_connection(s)
            .execAndGet("SELECT count(*) FROM audit_log WHERE action = 'open_record'")
            .getInt64());
  });
  EXPECT_GE(opens, 1) << "opening the session is audited";
  EXPECT_TRUE(view.remsText().contains("for esketamine sessions")) << view.remsText().toStdString();
  vigil::gui::test::savePng(window, "window-history-timeline.png");
}

TEST_F(HistoryViewTest, TrendsZoomToAMinuteWithThePlethAtFullRateAndOutcomesShowTheirBands) {
  f.signIn(f.clinician);
  window.open();
  view.openSession(iv);
  auto& trends = *view.trends();
  EXPECT_EQ(trends.plethSamples(), 0u) << "the whole session shows NIBP, not the pleth";
  QTest::mouseClick(trends.zoomButton(SessionTrendView::Zoom::minute), Qt::LeftButton);
  EXPECT_EQ(trends.windowTo() - trends.windowFrom(), 60'000);
  trends.centerOn(f.now - 30'000);  // the last minute, where the pleth was recorded
  EXPECT_GT(trends.plethSamples(), 60u * 60) << "a minute of 75 Hz pleth, about 4,500 samples";
  view.detailTabs()->setCurrentWidget(view.trends());
  vigil::gui::test::savePng(window, "window-history-trends-minute.png");
  QTest::mouseClick(trends.zoomButton(SessionTrendView::Zoom::session), Qt::LeftButton);
  EXPECT_EQ(trends.plethSamples(), 0u);
  ASSERT_EQ(view.outcomes()->panels(), 1);
  EXPECT_EQ(view.outcomes()->series()[0].points[0].total, 11);
  view.detailTabs()->setCurrentWidget(view.outcomes());
  vigil::gui::test::savePng(window, "window-history-outcomes.png");
}

TEST_F(HistoryViewTest, TheRemsFormShowsItsDeadlineAndMissingFieldsAndPrintingIsForAClinician) {
  f.signIn(f.nurse);
  window.open();
  view.openSession(esketamine);
  EXPECT_TRUE(view.remsText().contains("Deadline: due")) << view.remsText().toStdString();
  EXPECT_TRUE(view.remsText().contains("missing field")) << view.remsText().toStdString();
  EXPECT_TRUE(view.remsText().contains("MISSING: no esketamine dose is recorded"));
  view.detailTabs()->setCurrentIndex(3);
  vigil::gui::test::savePng(window, "window-history-rems.png");
  const QString pdf = QString::fromStdString((f.dir / "s.pdf").string());
  EXPECT_FALSE(view.printReport(pdf, report::Paper::a4));
  EXPECT_TRUE(view.messageText().contains("role nurse may not export_records"))
      << view.messageText().toStdString();
  f.signIn(f.clinician);
  window.open();
  view.openSession(esketamine);
  ASSERT_TRUE(view.printReport(pdf, report::Paper::a4)) << view.messageText().toStdString();
  QProcess text;
  text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  ASSERT_TRUE(text.waitForFinished(30000));
  EXPECT_TRUE(QString::fromUtf8(text.readAllStandardOutput()).contains("Pat Doe"));
  ASSERT_TRUE(view.printRemsForm(QString::fromStdString((f.dir / "r.pdf").string()),
                                 report::Paper::letter));
}

}  // namespace
}  // namespace vigil::gui

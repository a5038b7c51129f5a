#pragma once
// The station as a clinic runs it, for the whole-session walks: the window with its controller,
// devices streaming from pty simulators (a Nonin pulse oximeter and a SunTech NIBP module on
// automatic measurements), a real database file, and an accelerated clock (speed 60: a
// session's two hours pass in two minutes). The oximeter's patient runs a tachycardia (135 bpm)
// from 110 to 135 scenario minutes, so discharge readiness turns met only as it recovers.
// Helpers drive the screens as the clinician and the nurse would; the record is read as the
// auditor reads it.
#include <gtest/gtest.h>

#include <QTest>
#include <functional>
#include <memory>

#include "bedside_controller.hpp"
#include "checklist_form.hpp"
#include "clinical_panel.hpp"
#include "clinical_test_support.hpp"
#include "clinical_time.hpp"
#include "db/db_test_support.hpp"
#include "dose_form.hpp"
#include "monitor_window.hpp"
#include "patient_form.hpp"
#include "patient_picker.hpp"
#include "plan_session_form.hpp"
#include "scaled_clock.hpp"
#include "session_panel_widget.hpp"
#include "sign_in_screen.hpp"
#include "today_list.hpp"
#include "trend_chart.hpp"
#include "user_bar.hpp"
#include "vigil/db/record_reader.hpp"
#include "vigil/drivers/sim/episodes.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"
#include "witness_sign.hpp"

namespace vigil::gui::e2e {

using namespace std::chrono_literals;
using vigil::core::CheckpointKind;
using vigil::core::CheckpointState;
using vigil::core::DoseRoute;
using vigil::core::PreDoseItem;
using vigil::core::SessionPhase;
using vigil::gui::ClinicalPanel;
using Page = ClinicalPanel::Page;
namespace db = vigil::db;
namespace sim = vigil::drivers::sim;
namespace station = vigil::station;

constexpr double kSpeed = 60;
constexpr int kMin = 60'000;  // ms

struct ClinicalWorkflow : ::testing::Test {
  db::test::StoreFixture store;  // users nina (nurse), carl (clinician), aud (auditor)
  std::chrono::steady_clock::time_point epoch = std::chrono::steady_clock::now() + 300ms;
  station::ScaledClock clock{kSpeed, epoch};
  std::unique_ptr<sim::PtySimulator> oximeter = simulator("nonin-df2");
  std::unique_ptr<sim::PtySimulator> nibp = simulator("suntech");
  vigil::gui::MonitorWindow window;
  vigil::gui::BedsideController controller{window};
  db::RowId session = 0;  // the dosing session the walk started (kept after it closes)

  std::unique_ptr<sim::PtySimulator> simulator(const char* device) {
    sim::SimulatorOptions o;
    o.device = device;
    o.timeline = sim::Timeline(sim::normal_vitals());
    if (std::string_view(device) != "suntech") {
      o.timeline.add(110 * 60, sim::episodes::tachycardia(25 * 60));
    }
    o.speed = kSpeed;
    o.epoch = epoch;
    auto s = std::make_unique<sim::PtySimulator>(std::move(o));
    s->start();
    return s;
  }
  static vigil::drivers::DeviceSessionConfig device(int id, const char* protocol,
                                                    const sim::PtySimulator& s) {
    vigil::drivers::DeviceSessionConfig d;
    d.device_id = static_cast<vigil::core::DeviceId>(id);
    d.name = id == 1 ? "Oximeter" : "NIBP";
    d.protocol = protocol;
    d.identity = vigil::drivers::DeviceIdentity::parse(s.link_path());
    d.time_scale = kSpeed;
    if (id == 2) d.nibp_interval = 5min;  // automatic cycle, as a clinic sets it
    return d;
  }

  void SetUp() override {
    vigil::gui::StationModeOptions o;
    o.db_file = store.file.string();
    o.chair = "chair 2";
    o.clock = &clock;
    o.devices = {device(1, "nonin-df2", *oximeter), device(2, "suntech", *nibp)};
    controller.startStation(o);
    window.resize(1280, 800);
    window.show();
  }

  ClinicalPanel& panel() { return *static_cast<ClinicalPanel*>(window.clinicalPanel()); }
  db::UtcMs now() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock.utc_now().time_since_epoch())
        .count();
  }

  void signIn(const char* name) {
    auto* s = window.signInScreen();
    s->userEdit()->clear();
    QTest::keyClicks(s->userEdit(), name);
    QTest::keyClicks(s->passwordEdit(), db::test::kPassword);
    QTest::mouseClick(s->signInButton(), Qt::LeftButton);
    ASSERT_TRUE(controller.gateway()->user()) << s->messageText().toStdString();
    ASSERT_EQ(controller.gateway()->user()->name, name);
  }
  void switchTo(const char* name) {
    QTest::mouseClick(window.userBar()->switchUserButton(), Qt::LeftButton);
    ASSERT_FALSE(controller.gateway()->user());
    signIn(name);
  }

  void addPatient() {
    QTest::mouseClick(panel().pageButton(Page::patients), Qt::LeftButton);
    auto* f = panel().patientForm();
    QTest::keyClicks(f->identifierEdit(), "MRN-77");
    QTest::keyClicks(f->nameEdit(), "Robin Vale");
    f->birthDateEdit()->setDate(QDate(1979, 3, 14));
    f->sexBox()->setCurrentText("female");
    QTest::keyClicks(f->weightEdit(), "70");
    QTest::mouseClick(f->addButton(), Qt::LeftButton);
    ASSERT_TRUE(f->statusText().contains("MRN-77")) << f->statusText().toStdString();
  }

  void plan(DoseRoute route, const char* dose_mg) {
    QTest::mouseClick(panel().pageButton(Page::plan), Qt::LeftButton);
    auto* f = panel().planForm();
    QTest::keyClicks(f->picker()->queryEdit(), "MRN-77");
    QTest::keyClick(f->picker()->queryEdit(), Qt::Key_Return);
    ASSERT_TRUE(f->picker()->selected());
    f->selectTreatment(route);
    QTest::keyClicks(f->doseEdit(), dose_mg);
    EXPECT_TRUE(f->perKgText().contains("mg/kg")) << f->perKgText().toStdString();
    QTest::mouseClick(f->planButton(), Qt::LeftButton);
    ASSERT_TRUE(f->statusText().startsWith("Planned")) << f->statusText().toStdString();
  }

  // The nurse's one click on the Today list.
  void startFromToday() {
    QTest::mouseClick(panel().pageButton(Page::today), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel().todayList()->sessions().empty(); }, 3000));
    QTest::mouseClick(panel().todayList()->startButton(0), Qt::LeftButton);
    ASSERT_NE(controller.recordingSession(), 0);
    session = controller.recordingSession();
    ASSERT_EQ(panel().currentPage(), Page::session);
  }

  const db::SessionPanelState& state() {
    panel().sessionPanel()->refresh();
    return *panel().sessionPanel()->state();
  }
  // Waits (real time) until `pred(state)` holds, refreshing the panel as the screen does.
  bool waitFor(const std::function<bool(const db::SessionPanelState&)>& pred, int timeout_ms) {
    return QTest::qWaitFor(
        [&] {
          panel().sessionPanel()->refresh();
          const auto& s = panel().sessionPanel()->state();
          return s && pred(*s);
        },
        timeout_ms);
  }
  static const vigil::core::CheckpointStatus* checkpoint(const db::SessionPanelState& s,
                                                         CheckpointKind k) {
    for (const auto& c : s.checkpoints) {
      if (c.kind == k) return &c;
    }
    return nullptr;
  }

  // Ticks every checklist item the session needs and answers the REMS facts "no"; saves.
  void completeChecklist() {
    QTest::mouseClick(panel().sessionPanel()->checklistButton(), Qt::LeftButton);
    ASSERT_EQ(panel().currentPage(), Page::checklist);
    auto* f = panel().checklistForm();
    EXPECT_TRUE(f->baselineText().contains("device")) << f->baselineText().toStdString();
    EXPECT_TRUE(f->baselineText().contains("Baseline SpO2 98 %"))  // the simulated oximeter's
        << f->baselineText().toStdString();
    for (std::size_t i = 0; i < vigil::core::pre_dose_item_count; ++i) {
      if (auto* box = f->tick(static_cast<PreDoseItem>(i))) box->setChecked(true);
    }
    for (const auto& name : db::pre_dose_fact_names()) {
      if (name != "first_treatment") f->fact(name)->setCurrentIndex(1);  // no
    }
    vigil::gui::test::savePng(window, "window-checklist.png");
    QTest::mouseClick(f->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(state().checklist_complete) << f->missingText().toStdString();
    QTest::keyClick(f->saveButton(), Qt::Key_Escape);
  }

  void advanceTo(SessionPhase to) {
    QPushButton* step = panel().sessionPanel()->stepButton(to);
    ASSERT_TRUE(step);
    ASSERT_TRUE(step->isEnabled()) << panel().sessionPanel()->stepReasonsText().toStdString();
    QTest::mouseClick(step, Qt::LeftButton);
    ASSERT_EQ(state().phase, to) << panel().sessionPanel()->refusalText().toStdString();
  }

  // The dose form filled with the lot and the clinician's witness signature.
  vigil::gui::DoseForm& openDoseForm(const char* lot) {
    QTest::mouseClick(panel().sessionPanel()->doseButton(), Qt::LeftButton);
    auto* f = panel().doseForm();
    f->lotEdit()->setText(lot);
    f->witness()->nameEdit()->setText("carl");
    f->witness()->passwordEdit()->setText(db::test::kPassword);
    return *f;
  }

  // What the record holds, as the auditor reads it.
  std::vector<db::AuditEntry> audit() {
    return db::read_audit_log(store.store, store.auditor, store.tick());
  }
  bool audited(const std::string& action, const std::string& actor) {
    for (const auto& e : audit()) {
      if (e.action == action && e.actor_name == actor) return true;
    }
    return false;
  }
  std::vector<std::string> rows(const char* table) {
    return db::read_session_records(store.store, store.auditor, table, session, store.tick());
  }
  static int count_containing(const std::vector<std::string>& rows, const std::string& text) {
    int n = 0;
    for (const auto& r : rows) n += r.find(text) != std::string::npos;
    return n;
  }

  // The clinician's part, then the nurse's up to dosing.
  void clinicianPlansAndNurseStarts(DoseRoute route, const char* dose_mg) {
    signIn("carl");
    addPatient();
    plan(route, dose_mg);
    switchTo("nina");
    startFromToday();
    EXPECT_EQ(state().phase, SessionPhase::pre_dose);
    // The pre-dose BP comes from the SunTech's automatic cycle: nobody types it.
    ASSERT_TRUE(waitFor([](const auto& s) { return s.pre_dose_bp.has_value(); }, 20000));
    EXPECT_EQ(state().pre_dose_bp->source, vigil::core::BpSource::device);
    completeChecklist();
    advanceTo(SessionPhase::dosing);
  }

  void expectRecordAudited() {
    EXPECT_TRUE(audited("create_patient", "carl"));
    EXPECT_TRUE(audited("create_session", "carl"));
    EXPECT_TRUE(audited("advance_session", "nina"));
    EXPECT_TRUE(audited("record_checklist", "nina"));
    EXPECT_TRUE(audited("record_administration", "nina"));
    EXPECT_TRUE(audited("record_observation", "nina"));
    const auto verdict = db::verify_audit_chain(store.store);
    EXPECT_TRUE(verdict.ok) << verdict.problem;
  }
};

}  // namespace vigil::gui::e2e

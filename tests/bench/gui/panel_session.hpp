#pragma once
// The screen bench's clinical side: a real database file holding the 8-hour esketamine session
// the trends show (pre-dose BP, checklist, three witnessed devices, a device BP every 15 min),
// its recorder, a clinical gateway signed in as the nurse with that session active, and the
// clinical panel showing the session panel in the window's clinical area. The panel then reads
// the record once a second during the run, as it does at the bedside.

#include <chrono>
#include <memory>
#include <string>

#include "clinical_gateway.hpp"
#include "clinical_panel.hpp"
#include "monitor_window.hpp"
#include "support/temp_dir.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::bench {

class PanelSession {
 public:
  static constexpr db::UtcMs kMin = 60'000;

  PanelSession() {
    const db::UtcMs t0 = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count() -
                         8 * 60 * kMin;
    now_ = t0 + 8 * 60 * kMin;
    auto store = db::Store::open(dir_ / "bench.db", db::OpenMode::create_or_open);
    const auto cost = db::PasswordCost::cheapest();
    const db::Actor admin = db::create_first_admin(store, "admin", kPassword, t0, cost);
    nurse_ = db::add_user(store, admin, "nina", db::Role::nurse, kPassword, t0, cost);
    const db::Actor carl =
        db::add_user(store, admin, "carl", db::Role::clinician, kPassword, t0, cost);
    session_ = record(store, carl, t0);
    recorder_ = std::make_unique<db::Recorder>(std::move(store));
    gateway_ = std::make_unique<gui::ClinicalGateway>(
        *recorder_, [this] { return now_; }, "chair 1");
    gateway_->signIn("nina", kPassword);
    gateway_->setActiveSession(session_);
  }
  ~PanelSession() {
    if (recorder_) recorder_->stop();
  }

  // Puts the clinical panel (session page) into `window`'s clinical area.
  gui::ClinicalPanel* showIn(gui::MonitorWindow& window) {
    auto* panel = new gui::ClinicalPanel(*gateway_);
    window.setClinicalPanel(panel);
    window.setClinicalCover(gui::MonitorWindow::ClinicalCover::none);  // signed in
    panel->showPage(gui::ClinicalPanel::Page::session);
    return panel;
  }
  void detach(gui::MonitorWindow& window) {
    QWidget* panel = window.clinicalPanel();
    window.setClinicalPanel(new QWidget);
    delete panel;
  }

 private:
  static constexpr const char* kPassword = "bench-password-1";

  db::RowId record(db::Store& s, const db::Actor& clinician, db::UtcMs t0) {
    const db::RowId patient =
        db::create_patient(s, nurse_, {"MRN-8H", "Sam Bench", "1980-04-02", "female", 70.0}, t0);
    db::NewSession plan;
    plan.patient_id = patient;
    plan.chair = "chair 1";
    plan.planned_utc_ms = t0;
    plan.planned_dose_mg = 84;
    plan.planned_route = core::DoseRoute::esketamine_nasal;
    const db::RowId id = db::create_session(s, clinician, plan, t0);
    db::advance_session(s, nurse_, id, core::SessionPhase::pre_dose, t0 + 1);
    db::record_bp(s, nurse_, {id, t0 + 2, 124, 80, 95, core::BpSource::device}, t0 + 2);
    db::ChecklistEntry c{id, db::ChecklistKind::pre_dose, {}, t0 + 3};
    for (std::size_t i = 0; i < core::pre_dose_item_count; ++i) {
      const auto item = static_cast<core::PreDoseItem>(i);
      if (item != core::PreDoseItem::baseline_bp_recorded) {
        c.items.emplace_back(core::pre_dose_item_name(item), true);
      }
    }
    db::record_checklist(s, nurse_, c, t0 + 3);
    db::advance_session(s, nurse_, id, core::SessionPhase::dosing, t0 + 4);
    for (int d = 0; d < 3; ++d) {
      db::NewAdministration a;
      a.session_id = id;
      a.drug = "esketamine";
      a.form_strength = "28 mg nasal device";
      a.route = core::DoseRoute::esketamine_nasal;
      a.dose_mg = 28;
      a.device_count = 1;
      a.lot = "LOT-B";
      a.witness_id = nurse_.id;
      a.start_utc_ms = t0 + 5 * kMin * (d + 1);
      a.override_reason = "bench: a long session";  // the first session's 56 mg cap
      db::record_administration(s, clinician, a, a.start_utc_ms);
    }
    db::advance_session(s, nurse_, id, core::SessionPhase::observation, t0 + 20 * kMin);
    for (db::UtcMs t = t0 + 30 * kMin; t < now_; t += 15 * kMin) {
      db::record_bp(s, nurse_, {id, t, 126, 82, 97, core::BpSource::device}, t);
    }
    return id;
  }

  test::TempDir dir_{"vigil-screen-bench"};
  db::UtcMs now_ = 0;
  db::Actor nurse_;
  db::RowId session_ = 0;
  std::unique_ptr<db::Recorder> recorder_;
  std::unique_ptr<gui::ClinicalGateway> gateway_;
};

}  // namespace vigil::bench

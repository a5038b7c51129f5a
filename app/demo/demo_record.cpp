#include "demo_record.hpp"

#include <array>
#include <cstdio>

#include "vigil/core/pre_dose_checklist.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/discharge_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::demo {
namespace {

using core::SessionPhase;

std::string minutes_text(double t_s) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "+%d:%02d", static_cast<int>(t_s) / 60,
                static_cast<int>(t_s) % 60);
  return buf.data();
}

}  // namespace

DemoRecord::DemoRecord(std::filesystem::path file, std::function<core::UtcTime(double)> utc_at)
    : file_(std::move(file)), utc_at_(std::move(utc_at)) {
  if (std::filesystem::exists(file_)) {
    throw db::ValidationError("--db: " + file_.string() +
                              " exists; the demo only writes a new database");
  }
  db::Store store = db::Store::open(file_, db::OpenMode::create_or_open);
  const db::UtcMs t0 = ms_at(0);
  // Demo accounts on a demo database: the cheapest argon2id cost keeps the demo's start fast.
  const auto cost = db::PasswordCost::cheapest();
  accounts_.admin = db::create_first_admin(store, "demo-admin", kDemoPassword, t0, cost);
  accounts_.nurse =
      db::add_user(store, accounts_.admin, "demo-nurse", db::Role::nurse, kDemoPassword, t0, cost);
  accounts_.clinician = db::add_user(store, accounts_.admin, "demo-clinician", db::Role::clinician,
                                     kDemoPassword, t0, cost);
  patient_id_ = db::create_patient(store, accounts_.nurse,
                                   {"DEMO-0001", "Alex Demo", "1984-06-15", "unknown", 72.0}, t0);
  db::NewSession s;
  s.patient_id = patient_id_;
  s.clinician_id = accounts_.clinician.id;
  s.nurse_id = accounts_.nurse.id;
  s.chair = "demo chair";
  s.planned_utc_ms = t0;
  s.planned_dose_mg = 56;
  session_id_ = db::create_session(store, accounts_.clinician, s, t0);
  db::advance_session(store, accounts_.nurse, session_id_, SessionPhase::pre_dose, t0);
  db::record_bp(store, accounts_.nurse, {session_id_, t0, 124, 78, 93, core::BpSource::manual}, t0);
  db::ChecklistEntry c{session_id_, db::ChecklistKind::pre_dose, {}, t0, std::nullopt};
  for (std::size_t i = 0; i < core::pre_dose_item_count; ++i) {
    c.items.emplace_back(core::pre_dose_item_name(static_cast<core::PreDoseItem>(i)), true);
  }
  // The REMS facts: not the first treatment, no concomitant sedating medicines.
  for (const auto& fact : db::pre_dose_fact_names()) c.items.emplace_back(fact, false);
  db::record_checklist(store, accounts_.nurse, c, t0);
  db::set_site_setting(store, accounts_.admin, "rems.monitoring_provider",
                       "Demo Clinician, 555-0100, clinic@example.org", t0);
  db::set_site_setting(store, accounts_.admin, "rems.setting", "Vigil Demo Clinic, 1 Main St", t0);
  phase_ = SessionPhase::pre_dose;
  build_script();
}

db::UtcMs DemoRecord::ms_at(double t_s) const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(utc_at_(t_s).time_since_epoch())
      .count();
}

void DemoRecord::build_script() {
  const db::RowId sid = session_id_;
  const DemoAccounts a = accounts_;
  auto advance = [sid, a](SessionPhase to) {
    return [sid, a, to](db::Store& store, db::UtcMs now) {
      db::advance_session(store, a.nurse, sid, to, now);
    };
  };
  // Esketamine 56 mg is two 28 mg nasal devices, 5 minutes apart (SPRAVATO label).
  auto device_dose = [sid, a](db::Store& store, db::UtcMs now) {
    db::NewAdministration d;
    d.session_id = sid;
    d.drug = "esketamine";
    d.form_strength = "28 mg nasal device";
    d.route = core::DoseRoute::esketamine_nasal;
    d.dose_mg = 28;
    d.lot = "DEMO-LOT-1";
    d.witness_id = a.clinician.id;
    d.start_utc_ms = now;
    d.device_count = 1;
    db::record_administration(store, a.nurse, d, now);
  };
  steps_.push_back({60, "dosing: esketamine 28 mg nasal device 1 of 2, witnessed",
                    [sid, a, device_dose](db::Store& store, db::UtcMs now) {
                      db::advance_session(store, a.nurse, sid, SessionPhase::dosing, now);
                      device_dose(store, now);
                    },
                    SessionPhase::dosing, "esketamine 28 mg"});
  steps_.push_back({6 * 60, "esketamine 28 mg nasal device 2 of 2, witnessed", device_dose,
                    std::nullopt, "esketamine 28 mg"});
  steps_.push_back(
      {15 * 60, "observation", advance(SessionPhase::observation), SessionPhase::observation, ""});
  steps_.push_back(
      {110 * 60, "MOAA/S 5 and modified Aldrete 10",
       [sid, a](db::Store& store, db::UtcMs now) {
         db::record_scale(store, a.nurse, {sid, now, db::Scale::moaas, {5}}, now);
         db::record_scale(store, a.nurse, {sid, now, db::Scale::aldrete, {2, 2, 2, 2, 2}}, now);
       },
       std::nullopt, ""});
  steps_.push_back(
      {115 * 60, "discharge BP 126/80 and discharge checklist",
       [sid, a](db::Store& store, db::UtcMs now) {
         db::record_bp(store, a.nurse, {sid, now, 126, 80, 95, core::BpSource::manual}, now);
         db::ChecklistEntry c{sid, db::ChecklistKind::discharge, {}, now, std::nullopt};
         for (const auto& item : db::discharge_checklist_item_names()) {
           c.items.emplace_back(item, true);
         }
         db::record_checklist(store, a.nurse, c, now);
       },
       std::nullopt, ""});
  steps_.push_back({118 * 60, "dosing note signed by demo-clinician",
                    [sid, a](db::Store& store, db::UtcMs now) {
                      const db::RowId note = db::draft_note(
                          store, a.clinician, sid, db::NoteType::dosing,
                          "Esketamine 56 mg (two devices). Mild dissociation, resolved. "
                          "Desaturation to the high 80s at 26 min, recovered.",
                          now);
                      db::sign_note(store, a.clinician, note, kDemoPassword,
                                    db::SignatureMeaning::authored, now);
                    },
                    std::nullopt, ""});
  steps_.push_back({125 * 60, "ready to leave (REMS: ready after 90 min)",
                    [sid, a](db::Store& store, db::UtcMs now) {
                      db::ReadyToLeave r{sid};
                      r.rems_ready_minutes = 90;
                      r.vitals_acceptable_before_completion = true;
                      r.sedation = false;
                      r.dissociation = true;
                      r.dissociation_resolved = true;
                      r.respiratory_depression = false;
                      db::record_ready_to_leave(store, a.nurse, r, core::default_alarm_profile(),
                                                now);
                    },
                    SessionPhase::discharge_ready, ""});
  steps_.push_back({150 * 60, "closed", advance(SessionPhase::closed), SessionPhase::closed, ""});
}

std::vector<std::string> DemoRecord::run_due(db::Recorder& recorder, const Hooks& hooks) {
  std::vector<std::string> lines;
  const double t_s = hooks.now_s();
  if (!first_run_s_) first_run_s_ = t_s;
  while (next_ < steps_.size() && steps_[next_].at_s <= t_s) {
    const Step& step = steps_[next_++];
    const bool closes = step.phase == SessionPhase::closed;
    if (closes && hooks.before_close) hooks.before_close();
    const double at_s = step.at_s < *first_run_s_ ? step.at_s : hooks.now_s();
    const db::UtcMs at = ms_at(at_s);
    try {
      recorder.run_clinical([&](db::Store& store) { step.run(store, at); });
      lines.push_back(minutes_text(at_s) + " " + step.what);
      if (step.phase) {
        phase_ = *step.phase;
        if (hooks.on_phase) hooks.on_phase(phase_);
      }
      if (!step.dose.empty() && hooks.on_dose) hooks.on_dose(at_s, step.dose);
    } catch (const std::exception& e) {
      lines.push_back(minutes_text(at_s) + " " + step.what + " refused: " + e.what());
    }
  }
  return lines;
}

std::vector<std::string> DemoRecord::finish(double t_s, db::Recorder& recorder) {
  std::vector<std::string> lines;
  if (phase_ == SessionPhase::closed) return lines;
  const std::string reason = "demo stopped at " + minutes_text(t_s);
  const db::UtcMs at = ms_at(t_s);
  try {
    recorder.run_clinical([&](db::Store& store) {
      db::end_session_early(store, accounts_.clinician, session_id_, reason, at);
    });
    phase_ = SessionPhase::closed;
    lines.push_back(minutes_text(t_s) + " session ended early: " + reason);
  } catch (const std::exception& e) {
    lines.push_back(minutes_text(t_s) + " session end refused: " + e.what());
  }
  return lines;
}

}  // namespace vigil::demo

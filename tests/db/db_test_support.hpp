#pragma once
// A fresh Vigil database with one user per role (cheap argon2id), a patient and helpers to
// bring a dosing session to a phase. Each fixture lives in its own temporary folder.

#include <unistd.h>

#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"
#include "vigil/db/administration_store.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/discharge_store.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::db::test {

inline constexpr const char* kPassword = "correct horse battery";
inline constexpr UtcMs kT0 = 1'790'000'000'000;  // 2026-09-21, UTC ms

using TempDir = vigil::test::TempDir;

struct StoreFixture {
  TempDir dir;
  std::filesystem::path file = dir / "vigil.db";
  Store store = Store::open(file, OpenMode::create_or_open);
  SQLite::Database& db = raw_connection(store);  // for the tests that tamper with rows
  UtcMs now = kT0;
  Actor admin = create_first_admin(store, "admin", kPassword, now, PasswordCost::cheapest());
  Actor nurse =
      add_user(store, admin, "nina", Role::nurse, kPassword, now, PasswordCost::cheapest());
  Actor clinician =
      add_user(store, admin, "carl", Role::clinician, kPassword, now, PasswordCost::cheapest());
  Actor auditor =
      add_user(store, admin, "aud", Role::auditor, kPassword, now, PasswordCost::cheapest());
  RowId patient =
      create_patient(store, nurse, {"MRN-1", "Pat Doe", "1980-04-02", "female", 70.0}, now);

  const Actor& as(Role r) const {
    switch (r) {
      case Role::nurse:
        return nurse;
      case Role::clinician:
        return clinician;
      case Role::auditor:
        return auditor;
      case Role::admin:
        break;
    }
    return admin;
  }

  UtcMs tick() { return now += 1000; }

  RowId planned_session(std::optional<double> planned_dose_mg = std::nullopt) {
    NewSession s;
    s.patient_id = patient;
    s.chair = "chair 2";
    s.planned_utc_ms = now;
    s.clinician_id = clinician.id;
    s.nurse_id = nurse.id;
    s.planned_dose_mg = planned_dose_mg;
    return create_session(store, clinician, s, tick());
  }

  // planned -> pre_dose -> (BP 120/80, complete checklist) -> dosing
  RowId dosing_session(std::optional<double> planned_dose_mg = std::nullopt) {
    const RowId id = planned_session(planned_dose_mg);
    advance_session(store, nurse, id, core::SessionPhase::pre_dose, tick());
    record_bp(store, nurse, {id, now, 120, 80, std::nullopt, core::BpSource::device}, tick());
    ChecklistEntry c{id, ChecklistKind::pre_dose, {}, now, std::nullopt};
    for (const char* item :
         {"identity_confirmed", "consent_confirmed", "fasting_confirmed", "medication_review_done",
          "escort_arranged", "no_driving_acknowledged"}) {
      c.items.emplace_back(item, true);
    }
    record_checklist(store, nurse, c, tick());
    advance_session(store, nurse, id, core::SessionPhase::dosing, tick());
    return id;
  }

  std::int64_t audit_count() { return db.execAndGet("SELECT count(*) FROM audit_log").getInt64(); }
  std::string last_action() {
    return db.execAndGet("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").getString();
  }
};

// What core's discharge readiness needs, recorded at `at` (at least 120 min after the first
// dose): MOAA/S 5, modified Aldrete 10, BP 124/80, SpO2 97 % and pulse rate 72 bpm from the
// device, and the discharge checklist with the escort present.
// `vital_flags`: the flags of the SpO2 and pulse rate rows (0: good values).
inline void record_discharge_facts(StoreFixture& f, RowId session, UtcMs at,
                                   std::uint32_t vital_flags = 0) {
  record_scale(f.store, f.nurse, {session, at, Scale::moaas, {5}}, f.tick());
  record_scale(f.store, f.nurse, {session, at, Scale::aldrete, {2, 2, 2, 2, 2}}, f.tick());
  record_bp(f.store, f.nurse, {session, at, 124, 80, std::nullopt, core::BpSource::device},
            f.tick());
  const std::string s = std::to_string(session), t = std::to_string(at);
  const std::string flags = std::to_string(vital_flags);
  f.db.exec("INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags) VALUES (" +
            s + ",'spo2'," + t + ",97," + flags + "), (" + s + ",'pulse_rate'," + t + ",72," +
            flags + ")");
  ChecklistEntry checklist{session, ChecklistKind::discharge, {}, at, std::nullopt};
  for (const auto& item : discharge_checklist_item_names())
    checklist.items.emplace_back(item, true);
  record_checklist(f.store, f.nurse, checklist, f.tick());
}

// What closing a discharge-ready session needs besides the discharge facts: a signed dosing
// note and "ready to leave" (the racemic routes need no REMS answers).
inline void record_close_facts(StoreFixture& f, RowId session) {
  const RowId note =
      draft_note(f.store, f.clinician, session, NoteType::dosing, "Tolerated well.", f.tick());
  sign_note(f.store, f.clinician, note, kPassword, SignatureMeaning::authored, f.tick());
  record_ready_to_leave(f.store, f.nurse, ReadyToLeave{session}, core::default_alarm_profile(),
                        f.tick());
}

// A dose as the tests give it: ketamine 10 mg/mL (esketamine 28 mg devices for the nasal
// route), lot LOT-1, at `t`.
inline NewAdministration dose(RowId session, core::DoseRoute route, double mg, UtcMs t) {
  NewAdministration d;
  d.session_id = session;
  const bool nasal = route == core::DoseRoute::esketamine_nasal;
  d.drug = nasal ? "esketamine" : "ketamine";
  d.form_strength = nasal ? "28 mg nasal device" : "10 mg/mL";
  d.route = route;
  d.dose_mg = mg;
  d.lot = "LOT-1";
  d.start_utc_ms = t;
  return d;
}

inline NewAdministration iv_ketamine(RowId session, double mg, UtcMs t) {
  return dose(session, core::DoseRoute::iv, mg, t);
}

// The message of the ValidationError `f` throws, or "(accepted)" when it throws none.
template <typename F>
std::string validation_message(F&& f) {
  try {
    f();
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "(accepted)";
}

// Runs the sqlite3 shell on `file` with `sql`; returns its exit status.
inline int sqlite3_shell(const std::filesystem::path& file, const std::string& sql) {
  const std::string cmd = "sqlite3 '" + file.string() + "' \"" + sql + "\" >/dev/null 2>&1";
  return std::system(cmd.c_str());
}

}  // namespace vigil::db::test

#include "clinic_fixture.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "vigil/db/administration_store.hpp"
#include "vigil/db/alarm_event_store.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::bench {
namespace {

constexpr db::UtcMs kMinute = 60'000;
constexpr db::UtcMs kDay = 86'400'000;

std::string tag(const ClinicSize& s) {
  return "v2/" + std::to_string(s.patients) + "/" + std::to_string(s.sessions) + "/" +
         std::to_string(s.audit_entries) + "/" + std::to_string(s.long_session_hours);
}

struct Staff {
  db::Actor admin, nurse, clinician, auditor;
};

Staff add_staff(db::Store& store, db::UtcMs t) {
  const auto cheap = db::PasswordCost::cheapest();
  Staff s;
  s.admin = db::create_first_admin(store, "admin", kBenchPassword, t, cheap);
  s.nurse = db::add_user(store, s.admin, "nurse1", db::Role::nurse, kBenchPassword, t, cheap);
  s.clinician =
      db::add_user(store, s.admin, "clin1", db::Role::clinician, kBenchPassword, t, cheap);
  s.auditor = db::add_user(store, s.admin, "audit1", db::Role::auditor, kBenchPassword, t, cheap);
  return s;
}

// One session's records as the station writes them, planned at `t`.
db::RowId record_session(db::Store& store, const Staff& st, db::RowId patient, db::UtcMs t) {
  db::NewSession n;
  n.patient_id = patient;
  n.chair = "chair " + std::to_string(1 + patient % 8);
  n.planned_utc_ms = t;
  n.clinician_id = st.clinician.id;
  n.nurse_id = st.nurse.id;
  n.planned_dose_mg = 35;
  n.planned_route = core::DoseRoute::iv;
  const db::RowId id = db::create_session(store, st.clinician, n, t);
  db::advance_session(store, st.nurse, id, core::SessionPhase::pre_dose, t + kMinute);
  db::record_bp(store, st.nurse, {id, t + kMinute, 122, 78, std::nullopt, core::BpSource::device},
                t + kMinute);
  db::ChecklistEntry c{id, db::ChecklistKind::pre_dose, {}, t + kMinute, std::nullopt};
  for (const char* item :
       {"identity_confirmed", "consent_confirmed", "fasting_confirmed", "medication_review_done",
        "escort_arranged", "no_driving_acknowledged"}) {
    c.items.emplace_back(item, true);
  }
  db::record_checklist(store, st.nurse, c, t + 2 * kMinute);
  db::advance_session(store, st.nurse, id, core::SessionPhase::dosing, t + 3 * kMinute);
  db::NewAdministration d;
  d.session_id = id;
  d.drug = "ketamine";
  d.form_strength = "10 mg/mL";
  d.route = core::DoseRoute::iv;
  d.dose_mg = 35;
  d.lot = "LOT-" + std::to_string(t / kDay % 97);
  d.start_utc_ms = t + 4 * kMinute;
  db::record_administration(store, st.nurse, d, t + 4 * kMinute);
  db::advance_session(store, st.nurse, id, core::SessionPhase::observation, t + 45 * kMinute);
  db::record_bp(store, st.nurse,
                {id, t + 44 * kMinute, 131, 84, std::nullopt, core::BpSource::device},
                t + 45 * kMinute);
  db::record_scale(store, st.nurse, {id, t + 60 * kMinute, db::Scale::moaas, {4}},
                   t + 60 * kMinute);
  const db::RowId alarm = db::record_alarm_start(
      store, st.nurse,
      {id, "spo2_low", core::AlarmPriority::medium, t + 50 * kMinute, "spo2 below 90 %", 88.0},
      t + 50 * kMinute);
  db::acknowledge_alarm(store, st.nurse, alarm, t + 51 * kMinute);
  db::record_alarm_end(store, st.nurse, alarm, t + 52 * kMinute, t + 52 * kMinute);
  db::record_bp(store, st.nurse,
                {id, t + 120 * kMinute, 124, 80, std::nullopt, core::BpSource::device},
                t + 120 * kMinute);
  db::record_scale(store, st.nurse, {id, t + 120 * kMinute, db::Scale::aldrete, {2, 2, 2, 2, 2}},
                   t + 120 * kMinute);
  const db::RowId note =
      db::draft_note(store, st.clinician, id, db::NoteType::dosing,
                     "Ketamine 35 mg IV over 40 min; tolerated well.", t + 125 * kMinute);
  db::sign_note(store, st.clinician, note, kBenchPassword, db::SignatureMeaning::authored,
                t + 126 * kMinute);
  return id;
}

// An esketamine session (two 28 mg devices 5 minutes apart) for the REMS form's figure.
db::RowId record_esketamine_session(db::Store& store, const Staff& st, db::RowId patient,
                                    db::UtcMs t) {
  db::NewSession n;
  n.patient_id = patient;
  n.chair = "chair 1";
  n.planned_utc_ms = t;
  n.clinician_id = st.clinician.id;
  n.nurse_id = st.nurse.id;
  n.planned_dose_mg = 56;
  n.planned_route = core::DoseRoute::esketamine_nasal;
  const db::RowId id = db::create_session(store, st.clinician, n, t);
  db::advance_session(store, st.nurse, id, core::SessionPhase::pre_dose, t + kMinute);
  db::record_bp(store, st.nurse, {id, t + kMinute, 126, 80, std::nullopt, core::BpSource::device},
                t + kMinute);
  db::ChecklistEntry c{id, db::ChecklistKind::pre_dose, {}, t + kMinute, std::nullopt};
  for (const char* item :
       {"identity_confirmed", "consent_confirmed", "fasting_confirmed", "medication_review_done",
        "escort_arranged", "no_driving_acknowledged", "rems_enrollment_verified"}) {
    c.items.emplace_back(item, true);
  }
  for (const char* fact :
       {"first_treatment", "concomitant_benzodiazepines", "concomitant_sedative_hypnotics",
        "concomitant_psychostimulants", "concomitant_maois", "concomitant_opioids"}) {
    c.items.emplace_back(fact, false);
  }
  db::record_checklist(store, st.nurse, c, t + 2 * kMinute);
  db::advance_session(store, st.nurse, id, core::SessionPhase::dosing, t + 3 * kMinute);
  for (int device = 0; device < 2; ++device) {
    db::NewAdministration d;
    d.session_id = id;
    d.drug = "esketamine";
    d.form_strength = "28 mg nasal device";
    d.route = core::DoseRoute::esketamine_nasal;
    d.dose_mg = 28;
    d.device_count = 1;
    d.lot = "ESK-LOT-7";
    d.start_utc_ms = t + (4 + 6 * device) * kMinute;
    d.witness_id = st.clinician.id;
    db::record_administration(store, st.nurse, d, d.start_utc_ms);
  }
  db::advance_session(store, st.nurse, id, core::SessionPhase::observation, t + 15 * kMinute);
  db::record_bp(store, st.nurse,
                {id, t + 44 * kMinute, 132, 84, std::nullopt, core::BpSource::device},
                t + 45 * kMinute);
  return id;
}

// Appends `count` chained entries timed evenly over [from, to) (logins and views: the bulk of
// what five years add), so that the log stays in time order like a station's.
void pad_audit_log(db::Store& store, long count, db::UtcMs from, db::UtcMs to) {
  if (count <= 0) return;
  SQLite::Database& raw = db::raw_connection(store);
  raw.exec("BEGIN");
  for (long i = 0; i < count; ++i) {
    db::AuditEntry e;
    e.t_utc_ms = from + static_cast<db::UtcMs>((to - from) * (static_cast<double>(i) / count));
    e.actor_id = 2 + i % 3;
    e.actor_name = i % 3 == 0 ? "nurse1" : (i % 3 == 1 ? "clin1" : "audit1");
    e.action = i % 5 == 0 ? "list_sessions" : "login";
    e.entity = i % 5 == 0 ? "patients" : "users";
    e.new_value = "{\"note\":\"bench padding\",\"i\":" + std::to_string(i) + "}";
    db::append_audit_entry(raw, std::move(e));
  }
  raw.exec("COMMIT");
}

void record_long_session_vitals(db::Store store, db::RowId session, db::UtcMs start, int hours) {
  db::Recorder recorder(std::move(store));
  std::vector<std::int16_t> pleth(75);
  for (long s = 0; s < hours * 3600L; ++s) {
    const db::UtcMs t = start + s * 1000;
    for (const auto& [channel, value] :
         {std::pair{core::Channel::spo2, s % 3600 < 60 ? 89.0 : 97.0},
          std::pair{core::Channel::pulse_rate, 70.0 + s % 7}}) {
      core::Reading r;
      r.channel = channel;
      r.value = value;
      r.device = 1;
      r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
      while (!recorder.record_reading(session, r)) recorder.flush();
    }
    for (std::size_t i = 0; i < pleth.size(); ++i)
      pleth[i] = static_cast<std::int16_t>(1000 + 400 * ((i * 8) % 75 < 37 ? 1 : -1));
    while (!recorder.record_waveform_block(session, core::Channel::pleth, t, 75, pleth))
      recorder.flush();
  }
  recorder.flush();
}

}  // namespace

db::Actor login(db::Store& store, const std::string& name, db::UtcMs now) {
  return db::authenticate(store, name, kBenchPassword, now);
}

ClinicFixture clinic_fixture(const std::filesystem::path& file, const ClinicSize& size) {
  ClinicFixture f;
  f.file = file;
  if (std::filesystem::exists(file)) {
    auto store = db::Store::open(file, db::OpenMode::open_existing);
    if (db::site_setting(store, "bench.fixture") == tag(size)) {
      f.long_session = std::stoll(*db::site_setting(store, "bench.long_session"));
      f.patient_of_long_session = *db::site_setting(store, "bench.long_patient");
      f.esketamine_session = std::stoll(*db::site_setting(store, "bench.esketamine_session"));
      return f;
    }
  }
  std::filesystem::remove(file);
  const auto began = std::chrono::steady_clock::now();
  auto store = db::Store::open(file, db::OpenMode::create_or_open);
  db::raw_connection(store).exec("PRAGMA synchronous = OFF");  // a fixture, not a record
  const Staff st = add_staff(store, kClinicStart);
  std::vector<db::RowId> patients;
  for (int p = 0; p < size.patients; ++p) {
    char id[16];
    std::snprintf(id, sizeof id, "MRN-%05d", p + 1);
    patients.push_back(db::create_patient(
        store, st.nurse,
        {id, "Patient " + std::to_string(p + 1), "1980-01-01", p % 2 ? "female" : "male", 70.0},
        kClinicStart));
  }
  // Five years of sessions, evenly spread, the patients taking turns; between them the rest of
  // the log's entries, so that seq order is time order as at a station.
  const db::UtcMs span = 5 * 365 * kDay;
  const db::UtcMs step = span / size.sessions;
  const long per_session = std::max(0L, size.audit_entries / size.sessions - 22);
  for (int s = 0; s < size.sessions; ++s) {
    const db::UtcMs t = kClinicStart + step * s;
    f.long_session =
        record_session(store, st, patients[static_cast<std::size_t>(s % size.patients)], t);
    pad_audit_log(store, per_session, std::min(t + 127 * kMinute, t + step - 1), t + step);
    if (s % 2000 == 1999)
      std::fprintf(stderr, "fixture: %d of %d sessions\n", s + 1, size.sessions);
  }
  char long_patient[16];
  std::snprintf(long_patient, sizeof long_patient, "MRN-%05d",
                (size.sessions - 1) % size.patients + 1);
  f.patient_of_long_session = long_patient;
  const db::RowId esketamine =
      record_esketamine_session(store, st, patients.front(), kClinicStart + span - kDay / 2);
  const long have = db::audit_head(store).entries;
  pad_audit_log(store, size.audit_entries - have, kClinicStart + span - kDay, kClinicStart + span);
  const db::UtcMs long_start = kClinicStart + span * (size.sessions - 1) / size.sessions;
  db::set_site_setting(store, st.admin, "bench.long_session", std::to_string(f.long_session),
                       long_start);
  db::set_site_setting(store, st.admin, "bench.long_patient", f.patient_of_long_session,
                       long_start);
  db::set_site_setting(store, st.admin, "bench.esketamine_session", std::to_string(esketamine),
                       long_start);
  f.esketamine_session = esketamine;
  record_long_session_vitals(std::move(store), f.long_session, long_start, size.long_session_hours);
  auto again = db::Store::open(file, db::OpenMode::open_existing);
  db::set_site_setting(again, st.admin, "bench.fixture", tag(size), long_start);
  f.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return f;
}

}  // namespace vigil::bench

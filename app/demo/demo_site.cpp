#include "demo_site.hpp"

#include "vigil/db/patient_store.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::demo {
namespace {

constexpr const char* kDemoAdminPassword = "admin-demo-1";

}  // namespace

DemoSite::DemoSite(std::filesystem::path file, db::UtcMs now) : file_(std::move(file)) {
  if (std::filesystem::exists(file_)) {
    throw db::ValidationError("--db: " + file_.string() +
                              " exists; the demo only writes a new database");
  }
  db::Store store = db::Store::open(file_, db::OpenMode::create_or_open);
  // Demo accounts on a demo database: the cheapest argon2id cost keeps the demo's start fast.
  const auto cost = db::PasswordCost::cheapest();
  const db::Actor admin =
      db::create_first_admin(store, "demo-admin", kDemoAdminPassword, now, cost);
  db::Actor nurse;
  db::Actor clinician;
  for (const DemoLogin& l : kDemoLogins) {
    const db::Actor a = db::add_user(store, admin, l.name, l.role, l.password, now, cost);
    if (l.role == db::Role::nurse) nurse = a;
    if (l.role == db::Role::clinician) clinician = a;
  }
  const db::RowId patient = db::create_patient(
      store, nurse, {"DEMO-0001", "Alex Demo", "1984-06-15", "unknown", 72.0}, now);
  db::NewSession s;
  s.patient_id = patient;
  s.clinician_id = clinician.id;
  s.nurse_id = nurse.id;
  s.chair = kDemoChair;
  s.planned_utc_ms = now;
  s.planned_dose_mg = 56;  // two 28 mg nasal devices
  s.planned_route = core::DoseRoute::esketamine_nasal;
  session_id_ = db::create_session(store, clinician, s, now);
}

std::vector<std::string> DemoSite::login_lines() {
  std::vector<std::string> lines;
  for (const DemoLogin& l : kDemoLogins) {
    lines.push_back("user " + std::string(l.name) + " (" + std::string(db::role_name(l.role)) +
                    ") password " + l.password);
  }
  return lines;
}

}  // namespace vigil::demo

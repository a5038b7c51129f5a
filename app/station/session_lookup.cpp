#include "session_lookup.hpp"

#include "alarm_profile_toml.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::station {
namespace {

// Latching is a site setting, not a bedside one (docs/clinical.md): the site's value wins over what
// a session's profile says; without a site setting the profile's value stands.
void apply_site_latching(SQLite::Database& db, core::AlarmProfile& profile) {
  const auto site = db::site_setting(db, "latching");
  if (!site) return;
  if (*site != "true" && *site != "false") {
    throw db::ValidationError("site setting latching: must be true or false (is '" + *site + "')");
  }
  profile.latching = *site == "true";
}

}  // namespace

SessionForStation lookup_session_for_station(SQLite::Database& db, db::RowId session_id) {
  SQLite::Statement q(db,
                      "SELECT s.phase, s.alarm_profile, p.identifier, p.name FROM sessions s "
                      "JOIN patients p ON p.id = s.patient_id WHERE s.id = ?");
  q.bind(1, session_id);
  const std::string name = "session " + std::to_string(session_id);
  if (!q.executeStep()) throw db::NotFound(name + ": no such session");
  SessionForStation out;
  out.id = session_id;
  const auto phase = core::session_phase_from_name(q.getColumn(0).getString());
  if (!phase) throw db::ValidationError(name + ": unknown phase " + q.getColumn(0).getString());
  if (*phase == core::SessionPhase::closed) {
    throw db::ValidationError(name + ": closed; start a new session");
  }
  out.info.active = true;
  out.info.phase = *phase;
  out.info.patient_id = q.getColumn(2).getString();
  out.info.patient_name = q.getColumn(3).getString();
  const std::string profile_text = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
  if (profile_text.empty()) {
    out.profile = core::default_alarm_profile();
    apply_site_latching(db, out.profile);
    return out;
  }
  auto loaded = config::load_alarm_profile_from_string(profile_text, name + " alarm_profile");
  if (!loaded.ok()) {
    std::string problems;
    for (const auto& p : loaded.problems) {
      problems += (problems.empty() ? "" : "; ") + p.key + ": " + p.rule;
    }
    throw db::ValidationError(name + ": the stored alarm profile does not load: " + problems);
  }
  out.profile = *loaded.profile;
  out.profile_from_session = true;
  apply_site_latching(db, out.profile);
  return out;
}

}  // namespace vigil::station

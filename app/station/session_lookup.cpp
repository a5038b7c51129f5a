#include "session_lookup.hpp"

#include "alarm_profile_toml.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::station {
namespace {

// Latching is a site setting, not a bedside one (docs/clinical.md): the site's value wins over what
// a session's profile says; without a site setting the profile's value stands.
void apply_site_latching(db::Store& store, core::AlarmProfile& profile) {
  const auto site = db::site_setting(store, "latching");
  if (!site) return;
  if (*site != "true" && *site != "false") {
    throw db::ValidationError("site setting latching: must be true or false (is '" + *site + "')");
  }
  profile.latching = *site == "true";
}

// The session's stored profile; ValidationError naming each problem when it does not load.
core::AlarmProfile stored_profile(const std::string& toml, const std::string& session) {
  auto loaded = config::load_alarm_profile_from_string(toml, session + " alarm_profile");
  if (!loaded.ok()) {
    std::string problems;
    for (const auto& p : loaded.problems) {
      problems += (problems.empty() ? "" : "; ") + p.key + ": " + p.rule;
    }
    throw db::ValidationError(session + ": the stored alarm profile does not load: " + problems);
  }
  return *loaded.profile;
}

}  // namespace

SessionForStation session_for_station(db::Store& store, const db::SessionOpening& opening) {
  const std::string name = "session " + std::to_string(opening.id);
  if (opening.phase == core::SessionPhase::closed) {
    throw db::ValidationError(name + ": closed; start a new session");
  }
  SessionForStation out;
  out.id = opening.id;
  out.info.active = true;
  out.info.phase = opening.phase;
  out.info.patient_id = opening.patient_identifier;
  out.info.patient_name = opening.patient_name;
  out.profile_from_session = !opening.alarm_profile.empty();
  out.profile = out.profile_from_session ? stored_profile(opening.alarm_profile, name)
                                         : core::default_alarm_profile();
  apply_site_latching(store, out.profile);
  return out;
}

SessionForStation lookup_session_for_station(db::Store& store, const db::Actor& actor,
                                             db::RowId session_id, db::UtcMs now) {
  return session_for_station(store, db::open_session_record(store, actor, session_id, now));
}

}  // namespace vigil::station

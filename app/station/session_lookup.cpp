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
  if (opening.alarm_profile.empty()) {
    out.profile = core::default_alarm_profile();
    apply_site_latching(store, out.profile);
    return out;
  }
  auto loaded =
      config::load_alarm_profile_from_string(opening.alarm_profile, name + " alarm_profile");
  if (!loaded.ok()) {
    std::string problems;
    for (const auto& p : loaded.problems) {
      problems += (problems.empty() ? "" : "; ") + p.key + ": " + p.rule;
    }
    throw db::ValidationError(name + ": the stored alarm profile does not load: " + problems);
  }
  out.profile = *loaded.profile;
  out.profile_from_session = true;
  apply_site_latching(store, out.profile);
  return out;
}

SessionForStation lookup_session_for_station(db::Store& store, const db::Actor& actor,
                                             db::RowId session_id, db::UtcMs now) {
  return session_for_station(store, db::open_session_record(store, actor, session_id, now));
}

}  // namespace vigil::station

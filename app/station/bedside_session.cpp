#include "bedside_session.hpp"

#include "vigil/db/session_store.hpp"

namespace vigil::station {

SessionForStation start_patient_session(db::Store& store, const db::Actor& actor,
                                        const std::string& patient_identifier, db::UtcMs now) {
  const auto opening = db::open_patients_open_session(store, actor, patient_identifier, now);
  // Everything the station needs (its stored alarm profile loads) is checked before the
  // session moves: a refused start leaves it as it was.
  SessionForStation out = session_for_station(store, opening);
  if (opening.phase == core::SessionPhase::planned) {
    db::advance_session(store, actor, opening.id, core::SessionPhase::pre_dose, now);
    out.info.phase = core::SessionPhase::pre_dose;
  }
  return out;
}

}  // namespace vigil::station

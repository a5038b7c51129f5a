#include "bedside_session.hpp"

#include "vigil/db/session_store.hpp"

namespace vigil::station {

namespace {

SessionForStation start_opened(db::Store& store, const db::Actor& actor,
                               const db::SessionOpening& opening, db::UtcMs now) {
  // Everything the station needs (its stored alarm profile loads) is checked before the
  // session moves: a refused start leaves it as it was.
  SessionForStation out = session_for_station(store, opening);
  if (opening.phase == core::SessionPhase::planned) {
    db::advance_session(store, actor, opening.id, core::SessionPhase::pre_dose, now);
    out.info.phase = core::SessionPhase::pre_dose;
  }
  return out;
}

}  // namespace

SessionForStation start_patient_session(db::Store& store, const db::Actor& actor,
                                        const std::string& patient_identifier, db::UtcMs now) {
  return start_opened(store, actor,
                      db::open_patients_open_session(store, actor, patient_identifier, now), now);
}

SessionForStation start_planned_session(db::Store& store, const db::Actor& actor,
                                        db::RowId session_id, db::UtcMs now) {
  return start_opened(store, actor, db::open_session_record(store, actor, session_id, now), now);
}

}  // namespace vigil::station

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"
#include "vigil/db/observation_store.hpp"

namespace vigil::db {
namespace {

// Inserts the common columns plus `extra` (column names) bound by `bind_extra`, audited.
template <typename BindExtra>
RowId insert_observation(SQLite::Database& db, const Actor& actor, RowId session_id,
                         std::string_view kind, UtcMs t, const std::string& extra_columns,
                         int extra_count, BindExtra bind_extra, UtcMs now) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  const auto s = load_session(db, session_id);
  require_open(s, "observations");
  std::string sql = "INSERT INTO observations (session_id, kind, t_utc_ms, phase, recorded_by, " +
                    extra_columns + ") VALUES (?,?,?,?,?";
  for (int i = 0; i < extra_count; ++i) sql += ",?";
  sql += ")";
  SQLite::Statement ins(db, sql);
  ins.bind(1, session_id);
  ins.bind(2, std::string(kind));
  ins.bind(3, t);
  ins.bind(4, std::string(core::session_phase_name(s.phase)));
  ins.bind(5, actor.id);
  bind_extra(ins, 6);
  ins.exec();
  const RowId id = db.getLastInsertRowid();
  audit_row_change(db, actor, "record_observation", "observations", id, std::nullopt, now);
  tx.commit();
  return id;
}

}  // namespace

RowId record_bp(Store& store, const Actor& actor, const BpObservation& bp, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_observation, now, [&] {
    const core::BpReading reading{bp.systolic_mmhg, bp.diastolic_mmhg,
                                  core::UtcTime(std::chrono::milliseconds(bp.t_utc_ms)), bp.source};
    if (auto err = core::check_bp_reading(reading)) throw ValidationError(*err);
    if (bp.mean_mmhg) check_range("mean_mmhg", *bp.mean_mmhg, 10, 300, "mmHg");
    return insert_observation(
        db, actor, bp.session_id, "bp", bp.t_utc_ms,
        "systolic_mmhg, diastolic_mmhg, mean_mmhg, bp_source", 4,
        [&](SQLite::Statement& st, int i) {
          st.bind(i, bp.systolic_mmhg);
          st.bind(i + 1, bp.diastolic_mmhg);
          if (bp.mean_mmhg) st.bind(i + 2, *bp.mean_mmhg);
          st.bind(i + 3, std::string(core::bp_source_name(bp.source)));
        },
        now);
  });
}

RowId record_scale(Store& store, const Actor& actor, const ScaleObservation& s, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_observation, now, [&] {
    const int total = validate_scale(s.scale, s.items);
    const std::string items = nlohmann::json(s.items).dump();
    return insert_observation(
        db, actor, s.session_id, scale_name(s.scale), s.t_utc_ms, "items, total", 2,
        [&](SQLite::Statement& st, int i) {
          st.bind(i, items);
          st.bind(i + 1, total);
        },
        now);
  });
}

RowId record_adverse_event(Store& store, const Actor& actor, const AdverseEvent& ae, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_observation, now, [&] {
    require_text("type", ae.type);
    require_text("action", ae.action);
    if (ae.severity != "mild" && ae.severity != "moderate" && ae.severity != "severe" &&
        ae.severity != "life_threatening") {
      throw ValidationError("severity: must be mild, moderate, severe or life_threatening");
    }
    if (ae.onset_utc_ms > ae.t_utc_ms) {
      throw ValidationError("onset_utc_ms: must not be after the time it is recorded");
    }
    return insert_observation(
        db, actor, ae.session_id, "adverse_event", ae.t_utc_ms,
        "ae_type, ae_severity, ae_onset_utc_ms, ae_action, ae_serious", 5,
        [&](SQLite::Statement& st, int i) {
          st.bind(i, ae.type);
          st.bind(i + 1, ae.severity);
          st.bind(i + 2, ae.onset_utc_ms);
          st.bind(i + 3, ae.action);
          st.bind(i + 4, ae.serious ? 1 : 0);
        },
        now);
  });
}

}  // namespace vigil::db

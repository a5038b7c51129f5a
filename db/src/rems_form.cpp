#include "vigil/db/rems_form.hpp"

#include <SQLiteCpp/Statement.h>

#include "audit_write.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::db {
namespace {

constexpr UtcMs kDay = 86'400'000;

std::string newest_pre_dose_items(SQLite::Database& db, RowId session_id) {
  SQLite::Statement q(db,
                      "SELECT items FROM checklists WHERE session_id = ? AND kind = 'pre_dose' "
                      "ORDER BY t_utc_ms DESC, id DESC LIMIT 1");
  q.bind(1, session_id);
  return q.executeStep() ? q.getColumn(0).getString() : "{}";
}

bool esketamine_session(const SessionReport& r) {
  if (r.panel.type != core::SessionType::dosing) return false;
  if (r.panel.planned_route == core::DoseRoute::esketamine_nasal) return true;
  for (const auto& d : r.panel.doses) {
    if (d.route == core::DoseRoute::esketamine_nasal) return true;
  }
  return false;
}

void refuse_unless_esketamine(const SessionReport& probe, RowId session_id) {
  if (esketamine_session(probe)) return;
  throw ValidationError("session " + std::to_string(session_id) +
                        ": the REMS Patient Monitoring Form is for esketamine sessions (" +
                        (probe.panel.type == core::SessionType::integration
                             ? std::string("this one is an integration session")
                             : std::string("this one has no esketamine planned or given")) +
                        ")");
}

void require_esketamine(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  // Refused before anything is audited: no form is shown or printed for another session.
  SessionReport probe;
  probe.panel = read_session_panel(store, actor, session_id, now);
  refuse_unless_esketamine(probe, session_id);
}

RemsForm fill(Store& store, SessionReport record, UtcMs now) {
  RemsForm form;
  form.record = std::move(record);
  const auto& r = form.record;
  form.fields = rems_form_fields(r, newest_pre_dose_items(raw_connection(store), r.panel.id),
                                 site_setting(store, "rems.monitoring_provider"),
                                 site_setting(store, "rems.setting"));
  form.treatment_utc_ms = r.panel.first_dose_utc_ms.value_or(r.started_utc_ms.value_or(now));
  // Due within 7 calendar days of the treatment date: the end of the 7th day after it (UTC).
  form.due_utc_ms = (form.treatment_utc_ms / kDay + 8) * kDay - 1;
  const auto left = form.due_utc_ms - now;
  form.days_left = static_cast<int>(left >= 0 ? left / kDay : -((-left + kDay - 1) / kDay));
  for (const auto& f : form.fields) {
    if (f.missing) form.missing.push_back(f.label + ": " + *f.missing);
  }
  return form;
}

}  // namespace

RemsForm read_rems_form(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::export_records, now);
  require_row(db, "sessions", session_id);
  require_esketamine(store, actor, session_id, now);
  return fill(store, read_session_report(store, actor, session_id, "rems_form", now), now);
}

RemsForm view_rems_form(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  require_row(db, "sessions", session_id);
  require_esketamine(store, actor, session_id, now);
  return fill(store, view_session_record(store, actor, session_id, now), now);
}

RemsForm rems_form_of(Store& store, const Actor& actor, SessionReport record, UtcMs now) {
  require_permission(raw_connection(store), actor, Action::read_records, now);
  refuse_unless_esketamine(record, record.panel.id);
  return fill(store, std::move(record), now);
}

}  // namespace vigil::db

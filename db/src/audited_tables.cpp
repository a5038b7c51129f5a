#include "audited_tables.hpp"

#include <SQLiteCpp/Statement.h>

namespace vigil::db {

#define SESSION_SNAPSHOT                                                           \
  "json_object("                                                                   \
  "'id',id,'type',type,'linked_session_id',linked_session_id,"                     \
  "'patient_id',patient_id,'clinician_id',clinician_id,'nurse_id',nurse_id,"       \
  "'chair',chair,'planned_utc_ms',planned_utc_ms,'started_utc_ms',started_utc_ms," \
  "'ended_utc_ms',ended_utc_ms,'phase',phase,'planned_dose_mg',planned_dose_mg,"   \
  "'ended_early_reason',ended_early_reason,'alarm_profile',alarm_profile"          \
  ")"

// Column order is part of the stored snapshots: append columns in a migration, never reorder.
const std::vector<AuditedTable>& audited_tables() {
  static const std::vector<AuditedTable> tables{
      {"patients",
       "json_object("
       "'id',id,'identifier',identifier,'name',name,'date_of_birth',date_of_birth,"
       "'sex',sex,'weight_kg',weight_kg"
       ")"},
      {"users",
       "json_object("
       "'id',id,'name',name,'role',role,'password_sha256',vigil_sha256(password_hash),"
       "'active',active,'failed_attempts',failed_attempts,"
       "'locked_until_utc_ms',locked_until_utc_ms"
       ")"},
      // planned_route (migration 3) and visit_mode (migration 4) appear only when set (a merge
      // patch drops null members), so the snapshots of sessions recorded before still match.
      {"sessions", "json_patch(" SESSION_SNAPSHOT
                   ", json_object('planned_route',planned_route,'visit_mode',visit_mode))"},
      {"alarm_events",
       "json_object("
       "'id',id,'session_id',session_id,'condition',condition,'priority',priority,"
       "'start_utc_ms',start_utc_ms,'end_utc_ms',end_utc_ms,"
       "'limit_in_force',limit_in_force,'triggering_value',triggering_value,"
       "'acknowledged_by',acknowledged_by,'acknowledged_utc_ms',acknowledged_utc_ms,"
       "'audio_paused_by',audio_paused_by,'audio_paused_utc_ms',audio_paused_utc_ms"
       ")"},
      {"administrations",
       "json_object("
       "'id',id,'session_id',session_id,'drug',drug,'form_strength',form_strength,"
       "'route',route,'dose_mg',dose_mg,'dose_mg_per_kg',dose_mg_per_kg,'lot',lot,"
       "'administered_by',administered_by,'witness_id',witness_id,"
       "'start_utc_ms',start_utc_ms,'end_utc_ms',end_utc_ms,'device_count',device_count,"
       "'waste_mg',waste_mg,'waste_method',waste_method,"
       "'waste_witness_id',waste_witness_id,'dose_decision',dose_decision,"
       "'override_by',override_by,'override_reason',override_reason,"
       "'violations',violations"
       ")"},
      // ae_serious (migration 4) only when set.
      {"observations",
       "json_patch(json_object("
       "'id',id,'session_id',session_id,'kind',kind,'t_utc_ms',t_utc_ms,'phase',phase,"
       "'recorded_by',recorded_by,'systolic_mmhg',systolic_mmhg,"
       "'diastolic_mmhg',diastolic_mmhg,'mean_mmhg',mean_mmhg,'bp_source',bp_source,"
       "'items',items,'total',total,'ae_type',ae_type,'ae_severity',ae_severity,"
       "'ae_onset_utc_ms',ae_onset_utc_ms,'ae_action',ae_action"
       "), json_object('ae_serious',ae_serious))"},
      {"checklists",
       "json_object("
       "'id',id,'session_id',session_id,'kind',kind,'items',items,'complete',complete,"
       "'completed_by',completed_by,'t_utc_ms',t_utc_ms"
       ")"},
      {"notes",
       "json_object("
       "'id',id,'session_id',session_id,'type',type,'body',body,'author_id',author_id,"
       "'status',status,'created_utc_ms',created_utc_ms,'updated_utc_ms',updated_utc_ms"
       ")"},
      {"signatures",
       "json_object("
       "'id',id,'note_id',note_id,'signer_id',signer_id,'printed_name',printed_name,"
       "'meaning',meaning,'t_utc_ms',t_utc_ms,'content_sha256',content_sha256"
       ")"},
      {"addenda",
       "json_object("
       "'id',id,'note_id',note_id,'author_id',author_id,'t_utc_ms',t_utc_ms,"
       "'reason',reason,'body',body"
       ")"},
      {"safety_reviews",
       "json_object("
       "'id',id,'observation_id',observation_id,'session_id',session_id,"
       "'reviewed_by',reviewed_by,'t_utc_ms',t_utc_ms,'action',action"
       ")"},
      {"discharges",
       "json_object("
       "'id',id,'session_id',session_id,'recorded_by',recorded_by,'t_utc_ms',t_utc_ms,"
       "'monitoring_minutes',monitoring_minutes,'answers',answers"
       ")"},
      {"follow_ups",
       "json_object("
       "'id',id,'session_id',session_id,'interval',interval,'t_utc_ms',t_utc_ms,"
       "'recorded_by',recorded_by,'contact',contact,'note',note,'scales',scales"
       ")"},
      {"site_settings",
       "json_object("
       "'id',id,'key',key,'value',value"
       ")"},
  };
  return tables;
}

const AuditedTable* find_audited_table(std::string_view name) {
  for (const auto& t : audited_tables()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::optional<std::string> row_snapshot(SQLite::Database& db, std::string_view table, RowId id) {
  const AuditedTable* t = find_audited_table(table);
  if (t == nullptr) throw StoreError("internal: " + std::string(table) + " is not audited");
  SQLite::Statement q(db, "SELECT " + std::string(t->snapshot_expr) + " FROM " +
                              std::string(t->name) + " WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace vigil::db

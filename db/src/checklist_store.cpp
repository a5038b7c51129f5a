#include "vigil/db/checklist_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"
#include "vigil/core/pre_dose_checklist.hpp"

namespace vigil::db {

const std::vector<std::string>& pre_dose_fact_names() {
  static const std::vector<std::string> names{
      "first_treatment",
      "concomitant_benzodiazepines",
      "concomitant_sedative_hypnotics",
      "concomitant_psychostimulants",
      "concomitant_maois",
      "concomitant_opioids",
  };
  return names;
}

const std::vector<std::string>& discharge_checklist_item_names() {
  static const std::vector<std::string> names{
      "escort_present",
      "no_driving_advised",
      "aftercare_instructions_given",
  };
  return names;
}

namespace {

// Every named item must be ticked; an unknown name is refused.
void evaluate_discharge(const ChecklistEntry& c, ChecklistResult& r) {
  const auto& names = discharge_checklist_item_names();
  for (const auto& [name, done] : c.items) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw ValidationError("items: unknown discharge checklist item '" + name + "'");
    }
  }
  for (const auto& name : names) {
    const auto it = std::find_if(c.items.begin(), c.items.end(),
                                 [&](const auto& item) { return item.first == name; });
    if (it == c.items.end() || !it->second) r.missing.push_back(name);
  }
  r.complete = r.missing.empty();
}

bool is_pre_dose_fact(const std::string& name) {
  const auto& facts = pre_dose_fact_names();
  return std::find(facts.begin(), facts.end(), name) != facts.end();
}

void evaluate_pre_dose(SQLite::Database& db, const SessionState& s, const ChecklistEntry& c,
                       ChecklistResult& r) {
  core::PreDoseChecklistTicks ticks;
  for (const auto& [name, done] : c.items) {
    const auto item = core::enum_from_name<core::PreDoseItem>(name);
    if (item) {
      ticks.tick(*item, done);
    } else if (!is_pre_dose_fact(name)) {
      throw ValidationError("items: unknown pre-dose checklist item '" + name + "'");
    }
  }
  const auto result = core::evaluate_pre_dose_checklist(ticks, newest_pre_dose_bp(db, c.session_id),
                                                        pre_dose_checklist_config(s));
  r.complete = result.complete;
  for (auto item : result.missing) r.missing.emplace_back(core::pre_dose_item_name(item));
}

// A clinician may count an incomplete checklist as complete, with a reason; the BP stays
// required (the dosing guard checks it on its own).
// Before the checklist's transaction: a refusal is audited in a transaction of its own.
void check_override(SQLite::Database& db, const Actor& actor, const ChecklistEntry& c, UtcMs now) {
  if (!c.override_reason) return;
  if (c.kind != ChecklistKind::pre_dose) {
    throw ValidationError("override_reason: only the pre-dose checklist may be overridden");
  }
  require_permission(db, actor, Action::override_checklist, now);  // clinician only, audited
  require_text("override_reason", *c.override_reason);
}

}  // namespace

ChecklistResult record_checklist(Store& store, const Actor& actor, const ChecklistEntry& c,
                                 UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_checklist, now, [&] {
    if (c.items.empty()) throw ValidationError("items: a checklist needs at least one item");
    check_override(db, actor, c, now);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_open(load_session(db, c.session_id), "checklists");
    ChecklistResult r;
    nlohmann::ordered_json items = nlohmann::ordered_json::object();
    for (const auto& [name, done] : c.items) items[name] = done;
    const SessionState s = load_session(db, c.session_id);
    if (c.kind == ChecklistKind::pre_dose) {
      evaluate_pre_dose(db, s, c, r);
    } else {
      evaluate_discharge(c, r);
    }
    if (c.override_reason) {
      r.complete = true;
      items["override_reason"] = *c.override_reason;
    }
    SQLite::Statement ins(db,
                          "INSERT INTO checklists (session_id, kind, items, complete, "
                          "completed_by, t_utc_ms) VALUES (?,?,?,?,?,?)");
    ins.bind(1, c.session_id);
    ins.bind(2, c.kind == ChecklistKind::pre_dose ? "pre_dose" : "discharge");
    ins.bind(3, items.dump());
    ins.bind(4, r.complete ? 1 : 0);
    ins.bind(5, actor.id);
    ins.bind(6, c.t_utc_ms);
    ins.exec();
    r.id = db.getLastInsertRowid();
    audit_row_change(db, actor, "record_checklist", "checklists", r.id, std::nullopt, now);
    tx.commit();
    return r;
  });
}

}  // namespace vigil::db

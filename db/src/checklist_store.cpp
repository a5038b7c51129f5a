#include "vigil/db/checklist_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "audit_write.hpp"
#include "session_state.hpp"
#include "vigil/core/pre_dose_checklist.hpp"

namespace vigil::db {
namespace {

void evaluate_pre_dose(SQLite::Database& db, const ChecklistEntry& c, ChecklistResult& r) {
  core::PreDoseChecklistTicks ticks;
  for (const auto& [name, done] : c.items) {
    bool known = false;
    for (std::size_t i = 0; i < core::pre_dose_item_count; ++i) {
      const auto item = static_cast<core::PreDoseItem>(i);
      if (core::pre_dose_item_name(item) == name) {
        ticks.tick(item, done);
        known = true;
      }
    }
    if (!known) throw ValidationError("items: unknown pre-dose checklist item '" + name + "'");
  }
  const auto result =
      core::evaluate_pre_dose_checklist(ticks, newest_pre_dose_bp(db, c.session_id));
  r.complete = result.complete;
  for (auto item : result.missing) r.missing.emplace_back(core::pre_dose_item_name(item));
}

}  // namespace

ChecklistResult record_checklist(Store& store, const Actor& actor, const ChecklistEntry& c,
                                 UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_checklist, now, [&] {
    if (c.items.empty()) throw ValidationError("items: a checklist needs at least one item");
    SQLite::Transaction tx(db);
    require_open(load_session(db, c.session_id), "checklists");
    ChecklistResult r;
    nlohmann::ordered_json items = nlohmann::ordered_json::object();
    for (const auto& [name, done] : c.items) items[name] = done;
    if (c.kind == ChecklistKind::pre_dose) {
      evaluate_pre_dose(db, c, r);
    } else {
      r.complete = true;
      for (const auto& [name, done] : c.items) {
        if (!done) {
          r.complete = false;
          r.missing.push_back(name);
        }
      }
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

// Verification of the audit log: the hash chain in one pass, then every audited table against
// the last snapshot the log holds for each of its rows.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include <unordered_map>

#include "audited_tables.hpp"
#include "seal_verify.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/database.hpp"

namespace vigil::db {
namespace {

struct LastState {
  std::int64_t seq = 0;
  std::optional<std::string> snapshot;  // nullopt: deleted
};
using StateMap = std::unordered_map<std::string, LastState>;  // key "table#id"

std::string key_of(std::string_view table, std::int64_t id) {
  std::string k(table);
  k += '#';
  k += std::to_string(id);
  return k;
}

// Column readers that reuse the entry's strings (no allocation once they have grown).
void read_text(SQLite::Statement& q, int i, std::string& out) {
  const auto col = q.getColumn(i);
  out.assign(static_cast<const char*>(col.getText()), static_cast<std::size_t>(col.getBytes()));
}
void read_optional_text(SQLite::Statement& q, int i, std::optional<std::string>& out) {
  if (q.isColumnNull(i)) {
    out.reset();
    return;
  }
  if (!out) out.emplace();
  read_text(q, i, *out);
}
void read_optional_int(SQLite::Statement& q, int i, std::optional<std::int64_t>& out) {
  if (q.isColumnNull(i)) {
    out.reset();
  } else {
    out = q.getColumn(i).getInt64();
  }
}

struct RecordProblem {
  std::optional<std::int64_t> seq;
  std::string text;
};

void note_problem(std::optional<RecordProblem>& first, RecordProblem p) {
  const bool better = !first || (p.seq && (!first->seq || *p.seq < *first->seq));
  if (better) first = std::move(p);
}

// Compares each audited table with the log's last state of each row.
std::optional<RecordProblem> check_records(SQLite::Database& db, StateMap& states) {
  std::optional<RecordProblem> first;
  for (const auto& table : audited_tables()) {
    SQLite::Statement q(
        db, "SELECT id, " + std::string(table.snapshot_expr) + " FROM " + std::string(table.name));
    while (q.executeStep()) {
      const std::int64_t id = q.getColumn(0).getInt64();
      auto it = states.find(key_of(table.name, id));
      const std::string where = std::string(table.name) + " id " + std::to_string(id);
      if (it == states.end()) {
        note_problem(first, {std::nullopt, where + " has no audit entry (added outside Vigil)"});
        continue;
      }
      if (!it->second.snapshot) {
        note_problem(first, {it->second.seq, where + " exists but was audited as deleted"});
      } else if (*it->second.snapshot != q.getColumn(1).getString()) {
        note_problem(first, {it->second.seq, where + " does not match its audited content"});
      }
      it->second.seq = -it->second.seq - 1;  // mark as seen (negative)
    }
    for (auto& [key, state] : states) {
      if (key.compare(0, table.name.size() + 1, std::string(table.name) + "#") != 0) continue;
      if (state.seq < 0) {
        state.seq = -state.seq - 1;  // seen: restore
      } else if (state.snapshot) {
        note_problem(first, {state.seq, key.substr(0, key.find('#')) + " id " +
                                            key.substr(key.find('#') + 1) +
                                            " is missing (deleted outside Vigil)"});
      }
    }
  }
  return first;
}

}  // namespace

AuditVerification verify_audit_chain(Store& store, const std::optional<std::string>& expected_head,
                                     bool check_records_too) {
  SQLite::Database& db = raw_connection(store);
  AuditVerification r;
  r.head = std::string(kAuditGenesisHash);
  // One read transaction: the log and the tables are checked as one consistent snapshot.
  db.exec("BEGIN");
  struct EndRead {
    SQLite::Database& db;
    ~EndRead() {
      try {
        db.exec("COMMIT");
      } catch (...) {
      }
    }
  } end_read{db};

  SQLite::Statement q(db,
                      "SELECT seq, t_utc_ms, actor_id, actor_name, action, entity, entity_id, "
                      "old_value, new_value, prev_hash, hash FROM audit_log ORDER BY seq");
  StateMap states;
  std::vector<detail::SealAnchor> anchors;
  bool head_seen = !expected_head || *expected_head == kAuditGenesisHash;
  AuditEntry e;
  std::int64_t expected_seq = 1;
  while (q.executeStep()) {
    e.seq = q.getColumn(0).getInt64();
    e.t_utc_ms = q.getColumn(1).getInt64();
    read_optional_int(q, 2, e.actor_id);
    read_text(q, 3, e.actor_name);
    read_text(q, 4, e.action);
    read_text(q, 5, e.entity);
    read_optional_int(q, 6, e.entity_id);
    read_optional_text(q, 7, e.old_value);
    read_optional_text(q, 8, e.new_value);
    read_text(q, 9, e.prev_hash);
    read_text(q, 10, e.hash);

    if (e.seq != expected_seq) {
      r.first_broken_seq = e.seq;
      r.problem = "seq " + std::to_string(e.seq) + " follows seq " +
                  std::to_string(expected_seq - 1) + " (entries missing or inserted)";
      return r;
    }
    if (e.prev_hash != r.head) {
      r.first_broken_seq = e.seq;
      r.problem = "seq " + std::to_string(e.seq) + ": prev_hash does not match the previous entry";
      return r;
    }
    if (audit_entry_hash(e) != e.hash) {
      r.first_broken_seq = e.seq;
      r.problem = "seq " + std::to_string(e.seq) + ": hash does not match the entry's content";
      return r;
    }
    ++r.entries;
    ++expected_seq;
    r.head = e.hash;
    if (!head_seen && e.hash == *expected_head) head_seen = true;
    if (check_records_too && e.entity_id && find_audited_table(e.entity) != nullptr) {
      auto& s = states[key_of(e.entity, *e.entity_id)];
      s.seq = e.seq;
      s.snapshot = e.new_value;
    }
    if (check_records_too) {
      if (auto a = detail::seal_anchor_of(e)) anchors.push_back(std::move(*a));
    }
  }
  if (!head_seen) {
    r.problem = "the chain ends before the expected head " + *expected_head + " (after seq " +
                std::to_string(expected_seq - 1) + ")";
    return r;
  }
  if (check_records_too) {
    if (auto p = check_records(db, states)) {
      r.first_broken_seq = p->seq;
      r.problem = p->text;
      return r;
    }
    const auto seals = detail::verify_vitals_seals(db, anchors);
    r.seals = seals.seals;
    r.sealed_rows = seals.sealed_rows;
    r.sealed_blocks = seals.sealed_blocks;
    r.legacy_rows = seals.legacy_rows;
    r.unsealed_rows = seals.unsealed_rows;
    if (seals.problem) {
      r.first_broken_seq = seals.audit_seq;
      r.problem = *seals.problem;
      return r;
    }
  }
  r.ok = true;
  return r;
}

void record_verification(Store& store, const AuditVerification& result, std::string_view tool_name,
                         UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  nlohmann::ordered_json j;
  j["result"] = result.ok ? "ok" : "failed";
  j["entries"] = result.entries;
  j["head"] = result.head;
  if (result.first_broken_seq) j["first_broken_seq"] = *result.first_broken_seq;
  if (!result.problem.empty()) j["problem"] = result.problem;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  AuditEntry e;
  e.t_utc_ms = now;
  e.actor_name = std::string(tool_name);
  e.action = "verify";
  e.entity = "audit_log";
  e.new_value = j.dump();
  append_audit_entry(db, std::move(e));
  tx.commit();
}

}  // namespace vigil::db

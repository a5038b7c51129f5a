// Appending to the audit log and the canonical hash of an entry.
#include "vigil/db/audit_chain.hpp"
#include "audit_row.hpp"
#include "vigil/db/database.hpp"

#include <SQLiteCpp/Statement.h>

#include <charconv>

#include "vigil/db/sha256.hpp"

namespace vigil::db {
namespace {

void put(std::string& out, std::string_view bytes) {
  char len[24];
  const auto r = std::to_chars(len, len + sizeof len, bytes.size());
  out.append(len, r.ptr);
  out += ':';
  out += bytes;
  out += ';';
}
void put(std::string& out, const std::optional<std::string>& v) {
  if (v) {
    put(out, std::string_view(*v));
  } else {
    out += "-;";
  }
}
void put(std::string& out, std::optional<std::int64_t> v) {
  if (v) {
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, *v);
    put(out, std::string_view(digits, static_cast<std::size_t>(r.ptr - digits)));
  } else {
    out += "-;";
  }
}

void write_canonical(std::string& out, const AuditEntry& e) {
  out.clear();
  put(out, std::optional<std::int64_t>(e.seq));
  put(out, std::optional<std::int64_t>(e.t_utc_ms));
  put(out, e.actor_id);
  put(out, std::string_view(e.actor_name));
  put(out, std::string_view(e.action));
  put(out, std::string_view(e.entity));
  put(out, e.entity_id);
  put(out, e.old_value);
  put(out, e.new_value);
  put(out, std::string_view(e.prev_hash));
}

}  // namespace

std::string audit_canonical_bytes(const AuditEntry& e) {
  std::string out;
  write_canonical(out, e);
  return out;
}

std::string audit_entry_hash(const AuditEntry& e) {
  // Verification hashes every entry: reuse one buffer per thread.
  thread_local std::string buffer;
  write_canonical(buffer, e);
  return sha256_hex(buffer);
}

AuditHead audit_head(Store& store) {
  SQLite::Database& db = raw_connection(store);
  AuditHead head;
  SQLite::Statement q(db,
                      "SELECT seq, hash, (SELECT count(*) FROM audit_log) FROM audit_log "
                      "ORDER BY seq DESC LIMIT 1");
  if (q.executeStep()) {
    head.last_seq = q.getColumn(0).getInt64();
    head.hash = q.getColumn(1).getString();
    head.entries = q.getColumn(2).getInt64();
  }
  return head;
}

AuditEntry append_audit_entry(SQLite::Database& db, AuditEntry e) {
  // The last entry only (by primary key): appending stays O(log n).
  SQLite::Statement last(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  e.seq = 1;
  e.prev_hash = std::string(kAuditGenesisHash);
  if (last.executeStep()) {
    e.seq = last.getColumn(0).getInt64() + 1;
    e.prev_hash = last.getColumn(1).getString();
  }
  e.hash = audit_entry_hash(e);
  SQLite::Statement ins(db,
                        "INSERT INTO audit_log (seq, t_utc_ms, actor_id, actor_name, action, "
                        "entity, entity_id, old_value, new_value, prev_hash, hash) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind(1, e.seq);
  ins.bind(2, e.t_utc_ms);
  if (e.actor_id) ins.bind(3, *e.actor_id);
  ins.bind(4, e.actor_name);
  ins.bind(5, e.action);
  ins.bind(6, e.entity);
  if (e.entity_id) ins.bind(7, *e.entity_id);
  if (e.old_value) ins.bind(8, *e.old_value);
  if (e.new_value) ins.bind(9, *e.new_value);
  ins.bind(10, e.prev_hash);
  ins.bind(11, e.hash);
  ins.exec();
  return e;
}

AuditEntry detail::audit_entry_of(SQLite::Statement& q) {
  AuditEntry e;
  e.seq = q.getColumn(0).getInt64();
  e.t_utc_ms = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) e.actor_id = q.getColumn(2).getInt64();
  e.actor_name = q.getColumn(3).getString();
  e.action = q.getColumn(4).getString();
  e.entity = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) e.entity_id = q.getColumn(6).getInt64();
  if (!q.getColumn(7).isNull()) e.old_value = q.getColumn(7).getString();
  if (!q.getColumn(8).isNull()) e.new_value = q.getColumn(8).getString();
  e.prev_hash = q.getColumn(9).getString();
  e.hash = q.getColumn(10).getString();
  return e;
}

std::vector<AuditEntry> read_audit_entries(Store& store) {
  SQLite::Database& db = raw_connection(store);
  std::vector<AuditEntry> out;
  SQLite::Statement q(
      db, std::string("SELECT ") + detail::kAuditColumns + " FROM audit_log ORDER BY seq");
  while (q.executeStep()) out.push_back(detail::audit_entry_of(q));
  return out;
}

}  // namespace vigil::db

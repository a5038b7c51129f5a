#include "vigil/db/audit_review.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "audit_row.hpp"
#include "audit_write.hpp"
#include "field_checks.hpp"
#include "vigil/core/utc_text.hpp"
#include "vigil/db/database.hpp"

namespace vigil::db {
namespace {

void check_filter(const AuditLogFilter& f) {
  if (f.actor_name) require_text("user", *f.actor_name);
  if (f.action) require_text("action", *f.action);
  if (f.entity) require_text("entity", *f.entity);
  if (f.from_utc_ms && f.to_utc_ms && *f.to_utc_ms <= *f.from_utc_ms) {
    throw ValidationError("to: must be after from");
  }
}

// The value's "session_id" when it is a JSON object holding one (SQLite's json_extract on text
// that is not JSON would fail the whole query).
std::string session_of(const std::string& column) {
  return "CASE WHEN json_valid(" + column + ") THEN json_extract(" + column +
         ", '$.session_id') END";
}

// Calls `each` with every matching entry after `after_seq` in seq order until it returns false.
// `limit` (0: none) is written into the statement: a page's LIMIT lets SQLite read a narrow time
// window through the time index and sort it, where without one it reads in seq order.
template <class Each>
void for_each_matching(SQLite::Database& db, const AuditLogFilter& f, std::int64_t after_seq,
                       Each&& each, std::size_t limit = 0) {
  // Only the filters given, each a plain condition, so that SQLite can use the audit log's
  // indexes (schema 6: by actor, action, entity, time and session) instead of reading the log.
  std::string where = "seq > ?7";
  if (f.actor_name) where += " AND actor_name = ?1";
  if (f.action) where += " AND action = ?2";
  if (f.entity) where += " AND entity = ?3";
  // The time bounds as integer literals (ours, never text from outside): with the values in the
  // statement SQLite can weigh the time index against reading in seq order; with parameters it
  // cannot, and it reads the log from the start.
  if (f.from_utc_ms) where += " AND t_utc_ms >= " + std::to_string(*f.from_utc_ms);
  if (f.to_utc_ms) where += " AND t_utc_ms < " + std::to_string(*f.to_utc_ms);
  if (f.session_id) {
    where += " AND ((entity = 'sessions' AND entity_id = ?4) OR " + session_of("new_value") +
             " = ?4 OR " + session_of("old_value") + " = ?4)";
  }
  SQLite::Statement q(db, std::string("SELECT ") + detail::kAuditColumns +
                              " FROM audit_log WHERE " + where + " ORDER BY seq" +
                              (limit > 0 ? " LIMIT " + std::to_string(limit) : std::string()));
  if (f.actor_name) q.bind(1, *f.actor_name);
  if (f.action) q.bind(2, *f.action);
  if (f.entity) q.bind(3, *f.entity);
  if (f.session_id) q.bind(4, *f.session_id);
  q.bind(7, after_seq);
  while (q.executeStep()) {
    if (!each(detail::audit_entry_of(q))) return;
  }
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (const char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

template <class T>
std::string optional_text(const std::optional<T>& v) {
  if (!v) return "";
  if constexpr (std::is_same_v<T, std::string>) {
    return *v;
  } else {
    return std::to_string(*v);
  }
}

constexpr const char* kCsvHeader =
    "seq,time_utc,t_utc_ms,actor_id,actor_name,action,entity,entity_id,old_value,new_value,"
    "prev_hash,hash\r\n";

void write_csv_row(const AuditEntry& e, std::ostream& out) {
  out << e.seq << ',' << core::utc_text(e.t_utc_ms) << ',' << e.t_utc_ms << ','
      << optional_text(e.actor_id) << ',' << csv_field(e.actor_name) << ',' << csv_field(e.action)
      << ',' << csv_field(e.entity) << ',' << optional_text(e.entity_id) << ','
      << csv_field(optional_text(e.old_value)) << ',' << csv_field(optional_text(e.new_value))
      << ',' << e.prev_hash << ',' << e.hash << "\r\n";
}

template <class T>
nlohmann::ordered_json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json entry_json(const AuditEntry& e) {
  nlohmann::ordered_json j;
  j["seq"] = e.seq;
  j["time_utc"] = core::utc_text(e.t_utc_ms);
  j["t_utc_ms"] = e.t_utc_ms;
  j["actor_id"] = optional_json(e.actor_id);
  j["actor_name"] = e.actor_name;
  j["action"] = e.action;
  j["entity"] = e.entity;
  j["entity_id"] = optional_json(e.entity_id);
  j["old_value"] = optional_json(e.old_value);
  j["new_value"] = optional_json(e.new_value);
  j["prev_hash"] = e.prev_hash;
  j["hash"] = e.hash;
  return j;
}

nlohmann::ordered_json filter_json(const AuditLogFilter& f) {
  nlohmann::ordered_json j;
  j["user"] = optional_json(f.actor_name);
  j["action"] = optional_json(f.action);
  j["entity"] = optional_json(f.entity);
  j["session_id"] = optional_json(f.session_id);
  j["from_utc_ms"] = optional_json(f.from_utc_ms);
  j["to_utc_ms"] = optional_json(f.to_utc_ms);
  return j;
}

}  // namespace

std::vector<AuditEntry> read_audit_log(Store& store, const Actor& actor,
                                       const AuditLogFilter& filter, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_audit_log, now);
  check_filter(filter);
  std::vector<AuditEntry> out;
  for_each_matching(db, filter, 0, [&](AuditEntry e) {
    out.push_back(std::move(e));
    return true;
  });
  return out;
}

AuditLogPage read_audit_log_page(Store& store, const Actor& actor, const AuditLogFilter& filter,
                                 std::int64_t after_seq, std::size_t limit, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_audit_log, now);
  check_filter(filter);
  if (limit < 1 || limit > 10000) {
    throw ValidationError("limit: must be 1-10000 (got " + std::to_string(limit) + ")");
  }
  AuditLogPage page;
  for_each_matching(
      db, filter, after_seq,
      [&](AuditEntry e) {
        if (page.entries.size() == limit) {
          page.more = true;
          return false;
        }
        page.entries.push_back(std::move(e));
        return true;
      },
      limit + 1);
  if (after_seq == 0) {
    nlohmann::ordered_json j;
    j["filter"] = filter_json(filter);
    audit_event(db, &actor, actor.name, "view_audit_log", "audit_log", j.dump(), now);
  }
  return page;
}

AuditVerification verify_audit_log(Store& store, const Actor& actor, UtcMs now) {
  require_permission(raw_connection(store), actor, Action::read_audit_log, now);
  auto result = verify_audit_chain(store);
  record_verification(store, result, actor.name, now);
  return result;
}

std::size_t export_audit_log(Store& store, const Actor& actor, const AuditLogFilter& filter,
                             AuditExportFormat format, std::ostream& out, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_audit_log, now);
  check_filter(filter);
  // Streamed: one entry in memory at a time, whatever the size of the log.
  std::size_t count = 0;
  if (format == AuditExportFormat::csv) out << kCsvHeader;
  if (format == AuditExportFormat::json) out << "[";
  for_each_matching(db, filter, 0, [&](const AuditEntry& e) {
    if (format == AuditExportFormat::csv) {
      write_csv_row(e, out);
    } else {
      out << (count == 0 ? "\n" : ",\n") << entry_json(e).dump();
    }
    ++count;
    return true;
  });
  if (format == AuditExportFormat::json) out << (count == 0 ? "]\n" : "\n]\n");
  if (!out) throw StoreError("export: writing the entries failed");
  nlohmann::ordered_json j;
  j["format"] = format == AuditExportFormat::csv ? "csv" : "json";
  j["filter"] = filter_json(filter);
  j["entries"] = count;
  audit_event(raw_connection(store), &actor, actor.name, "export_audit_log", "audit_log", j.dump(),
              now);
  return count;
}

}  // namespace vigil::db

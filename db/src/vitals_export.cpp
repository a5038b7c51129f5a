#include "vigil/db/vitals_export.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

#include "audit_write.hpp"
#include "session_state.hpp"
#include "vigil/core/channel.hpp"

namespace vigil::db {
namespace {

// Core channels in their order, then unknown names alphabetically.
std::vector<std::string> session_channels(SQLite::Database& db, RowId session_id) {
  std::vector<std::string> names;
  SQLite::Statement q(db, "SELECT DISTINCT channel FROM vitals_numeric WHERE session_id = ?");
  q.bind(1, session_id);
  while (q.executeStep()) names.push_back(q.getColumn(0).getString());
  auto rank = [](const std::string& n) {
    const auto c = core::channel_from_name(n);
    return c ? static_cast<int>(*c) : static_cast<int>(core::channel_count);
  };
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
  });
  return names;
}

void append_number(std::string& out, double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace

CsvExportSummary export_vitals_csv(SQLite::Database& db, const Actor& actor, RowId session_id,
                                   std::ostream& out, UtcMs now) {
  require_permission(db, actor, Action::export_records, now);
  load_session(db, session_id);
  CsvExportSummary summary;
  summary.channels = session_channels(db, session_id);
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < summary.channels.size(); ++i) column[summary.channels[i]] = i;

  std::string text = "t_utc_ms";
  for (const auto& c : summary.channels) text += "," + c;
  text += '\n';
  SQLite::Statement q(db,
                      "SELECT t_utc_ms, channel, value FROM vitals_numeric WHERE session_id = ? "
                      "ORDER BY t_utc_ms");
  q.bind(1, session_id);
  std::vector<std::optional<double>> row(summary.channels.size());
  std::optional<UtcMs> t;
  auto flush = [&] {
    if (!t) return;
    text += std::to_string(*t);
    for (auto& v : row) {
      text += ',';
      if (v) append_number(text, *v);
      v.reset();
    }
    text += '\n';
    ++summary.rows;
  };
  while (q.executeStep()) {
    const UtcMs time = q.getColumn(0).getInt64();
    if (t && *t != time) flush();
    t = time;
    if (!q.getColumn(2).isNull()) {
      row[column[q.getColumn(1).getString()]] = q.getColumn(2).getDouble();
    }
  }
  flush();

  nlohmann::ordered_json j;
  j["session_id"] = session_id;
  j["format"] = "csv";
  j["rows"] = summary.rows;
  j["channels"] = summary.channels;
  audit_event(db, &actor, actor.name, "export", "sessions", j.dump(), now);
  out << text;
  return summary;
}

}  // namespace vigil::db

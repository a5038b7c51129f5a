#include "vigil/db/vitals_export.hpp"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

#include "audit_write.hpp"
#include "session_state.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/db/channel_code.hpp"

namespace vigil::db {
namespace {

struct ExportChannel {
  std::int64_t code;
  std::string name;
};

// The session's channels: core channels in core's order, then names this version does not
// know (file-local codes from an upgraded file) alphabetically; a code without a `channels`
// row (written by hand) is named channel_<code>.
std::vector<ExportChannel> session_channels(SQLite::Database& db, RowId session_id) {
  std::vector<ExportChannel> channels;
  SQLite::Statement q(db,
                      "SELECT v.channel, c.name FROM (SELECT DISTINCT channel FROM vitals "
                      "WHERE session_id = ?) v LEFT JOIN channels c ON c.code = v.channel");
  q.bind(1, session_id);
  while (q.executeStep()) {
    const std::int64_t code = q.getColumn(0).getInt64();
    channels.push_back({code, q.getColumn(1).isNull() ? "channel_" + std::to_string(code)
                                                      : q.getColumn(1).getString()});
  }
  auto rank = [](const ExportChannel& c) {
    const auto ch = channel_from_code(c.code);
    return ch ? static_cast<int>(*ch) : static_cast<int>(core::channel_count);
  };
  std::sort(channels.begin(), channels.end(), [&](const auto& a, const auto& b) {
    return rank(a) != rank(b) ? rank(a) < rank(b) : a.name < b.name;
  });
  return channels;
}

void append_number(std::string& out, double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace

CsvExportSummary export_vitals_csv(Store& store, const Actor& actor, RowId session_id,
                                   std::ostream& out, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::export_records, now);
  load_session(db, session_id);
  CsvExportSummary summary;
  std::map<std::int64_t, std::size_t> column;  // channel code -> column
  for (const auto& c : session_channels(db, session_id)) {
    column[c.code] = summary.channels.size();
    summary.channels.push_back(c.name);
  }

  std::string text = "t_utc_ms";
  for (const auto& c : summary.channels) text += "," + c;
  text += '\n';
  SQLite::Statement q(db,
                      "SELECT t_utc_ms, channel, value FROM vitals WHERE session_id = ? "
                      "ORDER BY t_utc_ms, seq");
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
      row[column.at(q.getColumn(1).getInt64())] = q.getColumn(2).getDouble();
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

#include "vigil/db/record_binding.hpp"

#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include <array>
#include <map>
#include <sstream>

#include "audit_write.hpp"
#include "audited_tables.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/sha256.hpp"

namespace vigil::db {
namespace {

// Device connections are not audited row by row; the binding snapshots them itself.
constexpr std::string_view kDeviceConnectionSnapshot =
    "json_object('id',id,'session_id',session_id,'family',family,'port',port,"
    "'identity',identity,'connected_utc_ms',connected_utc_ms,"
    "'disconnected_utc_ms',disconnected_utc_ms)";

struct BoundTable {
  std::string_view name;
  std::string_view where;  // selects the session's rows; one parameter: the session id
};

// The order of the records in a binding (and of its digest's lines).
constexpr std::array<BoundTable, 13> kBoundTables{{
    {"patients", "id = (SELECT patient_id FROM sessions WHERE id = ?1)"},
    {"sessions", "id = ?1"},
    {"checklists", "session_id = ?1"},
    {"administrations", "session_id = ?1"},
    {"observations", "session_id = ?1"},
    {"alarm_events", "session_id = ?1"},
    {"notes", "session_id = ?1"},
    {"signatures", "note_id IN (SELECT id FROM notes WHERE session_id = ?1)"},
    {"addenda", "note_id IN (SELECT id FROM notes WHERE session_id = ?1)"},
    {"safety_reviews", "session_id = ?1"},
    {"discharges", "session_id = ?1"},
    {"follow_ups", "session_id = ?1"},
    {"device_connections", "session_id = ?1"},
}};

std::string_view snapshot_of(std::string_view table) {
  if (table == "device_connections") return kDeviceConnectionSnapshot;
  return find_audited_table(table)->snapshot_expr;
}

void bind_records(SQLite::Database& db, SessionBinding& b) {
  for (const auto& t : kBoundTables) {
    SQLite::Statement q(db, "SELECT id, " + std::string(snapshot_of(t.name)) + " FROM " +
                                std::string(t.name) + " WHERE " + std::string(t.where) +
                                " ORDER BY id");
    q.bind(1, b.session_id);
    while (q.executeStep()) {
      b.records.push_back(
          {std::string(t.name), q.getColumn(0).getInt64(), sha256_hex(q.getColumn(1).getString())});
    }
  }
}

void bind_vitals(SQLite::Database& db, SessionBinding& b) {
  SQLite::Statement seal(db,
                         "SELECT seq, digest FROM vitals_seals WHERE session_id = ? ORDER BY seq "
                         "DESC LIMIT 1");
  seal.bind(1, b.session_id);
  b.vitals_seal_digest = "-";
  if (seal.executeStep()) {
    b.vitals_seal_seq = seal.getColumn(0).getInt64();
    const auto blob = seal.getColumn(1);
    std::string hex(static_cast<std::size_t>(blob.getBytes()) * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), static_cast<const unsigned char*>(blob.getBlob()),
                   static_cast<std::size_t>(blob.getBytes()));
    hex.pop_back();
    b.vitals_seal_digest = hex;
  }
  SQLite::Statement rows(db, "SELECT count(*) FROM vitals WHERE session_id = ?");
  rows.bind(1, b.session_id);
  rows.executeStep();
  b.vitals_rows = rows.getColumn(0).getInt64();
  SQLite::Statement blocks(db, "SELECT count(*) FROM waveforms WHERE session_id = ?");
  blocks.bind(1, b.session_id);
  blocks.executeStep();
  b.waveform_blocks = blocks.getColumn(0).getInt64();
}

std::string vitals_line(const SessionBinding& b) {
  return "vitals " + std::to_string(b.vitals_seal_seq) + ' ' + b.vitals_seal_digest + ' ' +
         std::to_string(b.vitals_rows) + ' ' + std::to_string(b.waveform_blocks);
}

std::string record_line(const BoundRecord& r) {
  return "record " + r.table + ' ' + std::to_string(r.id) + ' ' + r.sha256;
}

std::string chain_line(const SessionBinding& b) {
  return "chain " + std::to_string(b.chain_seq) + ' ' + b.chain_head;
}

std::string digest_of(const SessionBinding& b) {
  std::string lines = "session " + std::to_string(b.session_id) + '\n' + chain_line(b) + '\n' +
                      vitals_line(b) + '\n';
  for (const auto& r : b.records) lines += record_line(r) + '\n';
  return sha256_hex(lines);
}

bool is_hex(std::string_view s, std::size_t length) {
  if (s.size() != length) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool is_number(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

[[noreturn]] void bad_line(std::size_t n, std::string_view rule) {
  throw ValidationError("binding line " + std::to_string(n) + ": expected '" + std::string(rule) +
                        "'");
}

bool bound_table(std::string_view name) {
  for (const auto& t : kBoundTables) {
    if (t.name == name) return true;
  }
  return false;
}

}  // namespace

SessionBinding bind_session_record(Store& store, const Actor& actor, RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  require_row(db, "sessions", session_id);
  SessionBinding b;
  b.session_id = session_id;
  // One read snapshot: the records, the vitals and the chain head (a savepoint: a caller that
  // reads more of the session in its own read transaction gets the same snapshot).
  db.exec("SAVEPOINT binding");
  try {
    bind_records(db, b);
    bind_vitals(db, b);
    const AuditHead head = audit_head(store);
    b.chain_seq = head.last_seq;
    b.chain_head = head.hash;
    db.exec("RELEASE binding");
  } catch (...) {
    db.exec("ROLLBACK TO binding");
    db.exec("RELEASE binding");
    throw;
  }
  b.digest = digest_of(b);
  return b;
}

std::string binding_text(const SessionBinding& b) {
  std::string out = "vigil-record-binding 1\n";
  out += "session " + std::to_string(b.session_id) + '\n';
  out += "digest " + b.digest + '\n';
  out += chain_line(b) + '\n';
  out += vitals_line(b) + '\n';
  for (const auto& r : b.records) out += record_line(r) + '\n';
  return out;
}

SessionBinding parse_binding_text(std::string_view text) {
  std::istringstream in{std::string(text)};
  SessionBinding b;
  std::size_t n = 0;
  std::string line;
  const auto next = [&](std::string_view rule) {
    ++n;
    if (!std::getline(in, line)) bad_line(n, rule);
    return words_of(line);
  };
  if (next("vigil-record-binding 1") != std::vector<std::string>{"vigil-record-binding", "1"}) {
    bad_line(n, "vigil-record-binding 1");
  }
  auto w = next("session <id>");
  if (w.size() != 2 || w[0] != "session" || !is_number(w[1])) bad_line(n, "session <id>");
  b.session_id = std::stoll(w[1]);
  w = next("digest <64 hex digits>");
  if (w.size() != 2 || w[0] != "digest" || !is_hex(w[1], 64)) bad_line(n, "digest <64 hex digits>");
  b.digest = w[1];
  w = next("chain <seq> <64 hex digits>");
  if (w.size() != 3 || w[0] != "chain" || !is_number(w[1]) || !is_hex(w[2], 64)) {
    bad_line(n, "chain <seq> <64 hex digits>");
  }
  b.chain_seq = std::stoll(w[1]);
  b.chain_head = w[2];
  constexpr std::string_view kVitals = "vitals <seal seq> <seal digest or -> <rows> <blocks>";
  w = next(kVitals);
  if (w.size() != 5 || w[0] != "vitals" || !is_number(w[1]) || !(w[2] == "-" || is_hex(w[2], 64)) ||
      !is_number(w[3]) || !is_number(w[4])) {
    bad_line(n, kVitals);
  }
  b.vitals_seal_seq = std::stoll(w[1]);
  b.vitals_seal_digest = w[2];
  b.vitals_rows = std::stoll(w[3]);
  b.waveform_blocks = std::stoll(w[4]);
  while (std::getline(in, line)) {
    ++n;
    w = words_of(line);
    if (w.empty()) continue;
    if (w.size() != 4 || w[0] != "record" || !bound_table(w[1]) || !is_number(w[2]) ||
        !is_hex(w[3], 64)) {
      bad_line(n, "record <table> <id> <64 hex digits>");
    }
    b.records.push_back({w[1], std::stoll(w[2]), w[3]});
  }
  if (digest_of(b) != b.digest) {
    throw ValidationError(
        "binding: the digest does not match its record lines (the binding was "
        "altered or is incomplete)");
  }
  return b;
}

std::vector<std::string> binding_differences(const SessionBinding& printed,
                                             const SessionBinding& now) {
  std::vector<std::string> out;
  using Key = std::pair<std::string, RowId>;
  std::map<Key, std::string> then_records;
  for (const auto& r : printed.records) then_records[{r.table, r.id}] = r.sha256;
  for (const auto& r : now.records) {
    const auto it = then_records.find({r.table, r.id});
    const std::string name = r.table + ' ' + std::to_string(r.id);
    if (it == then_records.end()) {
      out.push_back("added: " + name);
      continue;
    }
    if (it->second != r.sha256) out.push_back("differs: " + name);
    then_records.erase(it);
  }
  for (const auto& [key, sha] : then_records) {
    out.push_back("removed: " + key.first + ' ' + std::to_string(key.second));
  }
  if (printed.vitals_seal_seq != now.vitals_seal_seq) {
    const auto d = now.vitals_seal_seq - printed.vitals_seal_seq;
    out.push_back("vitals: " + std::to_string(d < 0 ? -d : d) + " seals " +
                  (d > 0 ? "recorded since" : "fewer than") + " the report (seal " +
                  std::to_string(printed.vitals_seal_seq) + " when printed, " +
                  std::to_string(now.vitals_seal_seq) + " now)");
  } else if (printed.vitals_seal_digest != now.vitals_seal_digest) {
    out.push_back("vitals: seal " + std::to_string(now.vitals_seal_seq) + " differs");
  } else if (printed.vitals_rows != now.vitals_rows ||
             printed.waveform_blocks != now.waveform_blocks) {
    out.push_back("vitals: " + std::to_string(printed.vitals_rows) + " rows and " +
                  std::to_string(printed.waveform_blocks) + " waveform blocks when printed, " +
                  std::to_string(now.vitals_rows) + " and " + std::to_string(now.waveform_blocks) +
                  " now");
  }
  return out;
}

}  // namespace vigil::db

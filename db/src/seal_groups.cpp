#include "seal_groups.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>

#include "sqlite_statement.hpp"

namespace vigil::db::detail {
namespace {

// Streams one query's rows (ordered by seal, channel, then canonical order) into groups.
class GroupBuilder {
 public:
  GroupBuilder(SealKind kind, SealGroups& out) : kind_(kind), out_(out) {}

  void row(sqlite3_stmt* q, UtcMs t) {
    const bool sealed = sqlite3_column_type(q, 0) != SQLITE_NULL;
    const std::int64_t seal = sealed ? sqlite3_column_int64(q, 0) : 0;
    const std::int64_t code = sqlite3_column_int64(q, 1);
    if (!open_ || sealed != sealed_ || seal != current_.seal || code != current_.channel.code) {
      finish();
      open_ = true;
      sealed_ = sealed;
      current_ = SealGroup{seal, SealChannel{kind_, code, 0, {}}, t, t};
    }
    ++current_.channel.count;
    current_.first_utc_ms = std::min(current_.first_utc_ms, t);
    current_.last_utc_ms = std::max(current_.last_utc_ms, t);
  }
  std::vector<unsigned char>& bytes() { return bytes_; }

  void finish() {
    if (!open_) return;
    current_.channel.digest = blake2b_256(bytes_);
    if (!sealed_) {
      out_.unsealed.push_back(current_);
    } else if (current_.seal == 0) {
      out_.legacy.push_back(current_);
    } else {
      sealed_groups_.push_back(current_);
    }
    bytes_.clear();
    open_ = false;
  }
  std::vector<SealGroup> take_sealed() { return std::move(sealed_groups_); }

 private:
  SealKind kind_;
  SealGroups& out_;
  std::vector<SealGroup> sealed_groups_;
  SealGroup current_;
  bool open_ = false;
  bool sealed_ = false;
  std::vector<unsigned char> bytes_;
};

std::optional<std::int64_t> optional_int(sqlite3_stmt* q, int i) {
  if (sqlite3_column_type(q, i) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(q, i);
}

std::vector<SealGroup> read_numeric(sqlite3* db, RowId session, SealGroups& out) {
  const Statement q = prepare(db,
                              "SELECT seal, channel, t_utc_ms, seq, value, flags, device_id "
                              "FROM vitals WHERE session_id = ? ORDER BY seal, channel, "
                              "t_utc_ms, seq");
  sqlite3_bind_int64(q.get(), 1, session);
  GroupBuilder groups(SealKind::numeric, out);
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    const UtcMs t = sqlite3_column_int64(r, 2);
    groups.row(r, t);
    std::optional<double> value;
    if (sqlite3_column_type(r, 4) != SQLITE_NULL) value = sqlite3_column_double(r, 4);
    append_canonical(groups.bytes(),
                     NumericRowBytes{t, sqlite3_column_int64(r, 3), value,
                                     sqlite3_column_int64(r, 5), optional_int(r, 6)});
  }
  if (rc != SQLITE_DONE) fail(db, "reading vitals");
  groups.finish();
  return groups.take_sealed();
}

std::vector<SealGroup> read_blocks(sqlite3* db, RowId session, SealGroups& out) {
  const Statement q = prepare(db,
                              "SELECT seal, channel, start_utc_ms, sample_rate_hz, samples "
                              "FROM waveforms WHERE session_id = ? ORDER BY seal, channel, "
                              "start_utc_ms, id");
  sqlite3_bind_int64(q.get(), 1, session);
  GroupBuilder groups(SealKind::waveform, out);
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    const UtcMs t = sqlite3_column_int64(r, 2);
    groups.row(r, t);
    const auto* samples = static_cast<const unsigned char*>(sqlite3_column_blob(r, 4));
    const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(r, 4));
    append_canonical(groups.bytes(), BlockBytes{t, sqlite3_column_double(r, 3), {samples, bytes}});
  }
  if (rc != SQLITE_DONE) fail(db, "reading waveforms");
  groups.finish();
  return groups.take_sealed();
}

}  // namespace

SealGroups read_seal_groups(SQLite::Database& db, RowId session_id) {
  SealGroups out;
  const auto numeric = read_numeric(db.getHandle(), session_id, out);
  const auto blocks = read_blocks(db.getHandle(), session_id, out);
  out.sealed.reserve(numeric.size() + blocks.size());
  std::merge(numeric.begin(), numeric.end(), blocks.begin(), blocks.end(),
             std::back_inserter(out.sealed),
             [](const SealGroup& a, const SealGroup& b) { return a.seal < b.seal; });
  return out;
}

}  // namespace vigil::db::detail

#include "seal_chains.hpp"

#include <SQLiteCpp/Transaction.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/database.hpp"

namespace vigil::db::detail {
namespace {

UtcMs wall_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

SealChains::SealChains(SQLite::Database& db, const RecorderOptions& options)
    : db_(db),
      raw_(db.getHandle()),
      options_(options),
      head_query_(prepare(raw_,
                          "SELECT seq, digest, last_utc_ms FROM vitals_seals WHERE session_id = ? "
                          "ORDER BY seq DESC LIMIT 1")),
      insert_(prepare(raw_,
                      "INSERT INTO vitals_seals (session_id, seq, first_utc_ms, last_utc_ms, "
                      "rows, blocks, channels, prev_digest, digest) VALUES (?,?,?,?,?,?,?,?,?)")) {
  ensure_sodium();
}

// The session's newest seal as the file holds it, read inside the transaction that will chain
// to it: another writer (a second station or tool on the same session) may have sealed since.
void SealChains::read_newest_seal(RowId session_id, Head& h) {
  h.seq = 0;
  h.digest.fill(0);
  sqlite3_stmt* q = head_query_.get();
  sqlite3_bind_int64(q, 1, session_id);
  const int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    h.seq = sqlite3_column_int64(q, 0);
    if (sqlite3_column_bytes(q, 1) == static_cast<int>(kSealDigestBytes)) {
      std::memcpy(h.digest.data(), sqlite3_column_blob(q, 1), kSealDigestBytes);
    }
    h.last_utc_ms = std::max<UtcMs>(h.last_utc_ms, sqlite3_column_int64(q, 2));
  }
  sqlite3_reset(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(raw_, "seal head");
}

SealChains::Head& SealChains::pending(RowId session_id) {
  auto it = pending_.find(session_id);
  if (it != pending_.end()) return it->second;
  Head h = heads_[session_id];  // this recorder's anchoring state (new: never anchored)
  read_newest_seal(session_id, h);
  return pending_.emplace(session_id, h).first->second;
}

std::int64_t SealChains::next_seq(RowId session_id) { return pending(session_id).seq + 1; }

void SealChains::write(const SessionSeal& seal, Clock::time_point now) {
  Head& h = pending(seal.session_id);
  SealHeader header{seal.session_id, h.seq + 1,   seal.first_utc_ms, seal.last_utc_ms,
                    seal.rows,       seal.blocks, h.digest};
  const SealDigest digest = seal_digest(header, seal.channels);
  const auto channels = encode_channels(seal.channels);
  sqlite3_stmt* st = insert_.get();
  sqlite3_bind_int64(st, 1, header.session_id);
  sqlite3_bind_int64(st, 2, header.seq);
  sqlite3_bind_int64(st, 3, header.first_utc_ms);
  sqlite3_bind_int64(st, 4, header.last_utc_ms);
  sqlite3_bind_int64(st, 5, header.rows);
  sqlite3_bind_int64(st, 6, header.blocks);
  sqlite3_bind_blob(st, 7, channels.data(), static_cast<int>(channels.size()), SQLITE_STATIC);
  sqlite3_bind_blob(st, 8, header.prev.data(), kSealDigestBytes, SQLITE_STATIC);
  sqlite3_bind_blob(st, 9, digest.data(), kSealDigestBytes, SQLITE_STATIC);
  const int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) fail(raw_, "seal");
  h.seq = header.seq;
  h.digest = digest;
  h.last_utc_ms = std::max(h.last_utc_ms, seal.last_utc_ms);
  h.sealed_at = now;
  ++seals_pending_;
  if (h.anchored_seq < 0 || now - h.anchored_at >= options_.seal_anchor_interval) {
    anchor(seal.session_id, h, now);
  }
}

void SealChains::anchor(RowId session_id, Head& h, Clock::time_point now) {
  nlohmann::ordered_json j;
  j["session_id"] = session_id;
  j["seal"] = h.seq;
  j["digest"] = hex(h.digest);
  j["last_utc_ms"] = h.last_utc_ms;
  AuditEntry e;
  e.t_utc_ms = wall_clock_ms();
  e.actor_name = "recorder";
  e.action = "vitals_sealed";
  e.entity = "vitals_seals";
  e.entity_id = session_id;
  e.new_value = j.dump();
  append_audit_entry(db_, std::move(e));
  h.anchored_seq = h.seq;
  h.anchored_at = now;
}

void SealChains::committed() {
  for (auto& [session, h] : pending_) heads_[session] = h;
  pending_.clear();
  seals_written_ += seals_pending_;
  seals_pending_ = 0;
}

void SealChains::rolled_back() {
  pending_.clear();
  seals_pending_ = 0;
}

void SealChains::anchor_settled(Clock::time_point now, bool all) {
  std::vector<RowId> due;
  for (const auto& [session, h] : heads_) {
    if (h.seq > 0 && h.seq != h.anchored_seq &&
        (all || now - h.sealed_at >= options_.seal_anchor_idle)) {
      due.push_back(session);
    }
  }
  if (due.empty()) return;
  try {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    for (const RowId session : due) anchor(session, pending(session), now);
    tx.commit();
  } catch (...) {
    rolled_back();
    throw;
  }
  committed();
}

}  // namespace vigil::db::detail

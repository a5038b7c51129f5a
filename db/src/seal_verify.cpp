#include "seal_verify.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "seal_groups.hpp"
#include "vigil/core/utc_text.hpp"
#include "vigil/db/channel_code.hpp"

namespace vigil::db::detail {
namespace {

struct StoredSeal {
  std::int64_t seq = 0;
  SealHeader header;
  std::vector<unsigned char> channels;
  SealDigest digest{};
};

void copy_digest(const SQLite::Column& c, SealDigest& out) {
  out.fill(0);
  if (c.getBytes() == static_cast<int>(kSealDigestBytes)) {
    std::memcpy(out.data(), c.getBlob(), kSealDigestBytes);
  }
}

std::vector<StoredSeal> read_seals(SQLite::Database& db, RowId session) {
  SQLite::Statement q(db,
                      "SELECT seq, first_utc_ms, last_utc_ms, rows, blocks, channels, prev_digest, "
                      "digest FROM vitals_seals WHERE session_id = ? ORDER BY seq");
  q.bind(1, session);
  std::vector<StoredSeal> seals;
  while (q.executeStep()) {
    StoredSeal s;
    s.seq = q.getColumn(0).getInt64();
    s.header = {session,
                s.seq,
                q.getColumn(1).getInt64(),
                q.getColumn(2).getInt64(),
                q.getColumn(3).getInt64(),
                q.getColumn(4).getInt64(),
                {}};
    const auto ch = q.getColumn(5);
    const auto* p = static_cast<const unsigned char*>(ch.getBlob());
    s.channels.assign(p, p + ch.getBytes());
    copy_digest(q.getColumn(6), s.header.prev);
    copy_digest(q.getColumn(7), s.digest);
    seals.push_back(std::move(s));
  }
  return seals;
}

std::vector<RowId> sessions_with_vitals(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT session_id FROM vitals_seals UNION SELECT session_id FROM vitals "
                      "UNION SELECT session_id FROM waveforms ORDER BY 1");
  std::vector<RowId> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::string range_text(UtcMs first, UtcMs last) {
  return core::utc_text(first) + " to " + core::utc_text(last) + " UTC";
}

std::string channel_text(SealKind kind, std::int64_t code) {
  const auto ch = channel_from_code(code);
  std::string name = ch ? std::string(core::channel_name(*ch)) : "channel " + std::to_string(code);
  return kind == SealKind::waveform ? name + " waveform" : name;
}

std::string rows_word(SealKind kind, std::int64_t n) {
  const char* unit = kind == SealKind::waveform ? " block" : " row";
  return std::to_string(n) + unit + (n == 1 ? "" : "s");
}

// The first channel whose rows differ from what the seal recorded of them, in words.
std::optional<std::string> channel_mismatch(const std::vector<StoredChannel>& stored,
                                            const std::vector<SealChannel>& computed) {
  std::size_t i = 0, j = 0;
  while (i < stored.size() || j < computed.size()) {
    const bool take_stored =
        j == computed.size() ||
        (i < stored.size() && std::pair(stored[i].kind, stored[i].code) <=
                                  std::pair(computed[j].kind, computed[j].code));
    const bool both = take_stored && j < computed.size() && stored[i].kind == computed[j].kind &&
                      stored[i].code == computed[j].code;
    const SealKind kind = take_stored ? stored[i].kind : computed[j].kind;
    const std::int64_t code = take_stored ? stored[i].code : computed[j].code;
    const std::int64_t had = take_stored ? stored[i].count : 0;
    const std::int64_t has = both || !take_stored ? computed[j].count : 0;
    const std::string what = channel_text(kind, code) + ": ";
    if (has > had)
      return what + rows_word(kind, has) + " where the seal has " + std::to_string(had) +
             " (rows inserted)";
    if (has < had)
      return what + rows_word(kind, has) + " where the seal has " + std::to_string(had) +
             " (rows deleted)";
    if (both &&
        std::memcmp(stored[i].check.data(), computed[j].digest.data(), kSealCheckBytes) != 0) {
      return what +
             "the rows differ from the sealed ones (a value, time, flag or device edited, "
             "or rows moved)";
    }
    if (take_stored) ++i;
    if (both || !take_stored) ++j;
  }
  return std::nullopt;
}

class SessionCheck {
 public:
  SessionCheck(SQLite::Database& db, RowId session, SealCheck& totals)
      : session_(session),
        totals_(totals),
        seals_(read_seals(db, session)),
        groups_(read_seal_groups(db, session)) {}

  std::optional<std::string> run(const std::vector<const SealAnchor*>& anchors) {
    if (auto p = check_seals()) return p;
    if (auto p = check_unsealed(!anchors.empty())) return p;
    return check_anchors(anchors);
  }
  // The anchor's audit entry, when the problem is an anchor the seals do not reach.
  std::optional<std::int64_t> audit_seq() const { return audit_seq_; }

 private:
  std::string where(const StoredSeal& s) const {
    return "vitals of session " + std::to_string(session_) + ", seal " + std::to_string(s.seq) +
           " (" + range_text(s.header.first_utc_ms, s.header.last_utc_ms) + ")";
  }

  std::optional<std::string> check_seals() {
    std::size_t g = 0;  // groups_.sealed, in seal order
    SealDigest prev{};
    std::int64_t expected = 1;
    for (const auto& s : seals_) {
      if (s.seq != expected) {
        return "vitals of session " + std::to_string(session_) + ": seal " +
               std::to_string(expected) + " is missing (seal " + std::to_string(s.seq) +
               " follows seal " + std::to_string(expected - 1) + ")";
      }
      if (g < groups_.sealed.size() && groups_.sealed[g].seal < s.seq)
        return orphan(groups_.sealed[g]);
      if (s.header.prev != prev) {
        return where(s) + ": its previous digest is not seal " + std::to_string(s.seq - 1) +
               "'s digest (the chain was altered)";
      }
      std::vector<SealChannel> computed;
      for (; g < groups_.sealed.size() && groups_.sealed[g].seal == s.seq; ++g) {
        computed.push_back(groups_.sealed[g].channel);
      }
      std::sort(computed.begin(), computed.end(), [](const auto& a, const auto& b) {
        return std::pair(a.kind, a.code) < std::pair(b.kind, b.code);
      });
      const auto stored = decode_channels(s.channels);
      if (!stored) return where(s) + ": its channel list is malformed (the seal was altered)";
      if (auto m = channel_mismatch(*stored, computed)) return where(s) + ", " + *m;
      if (seal_digest(s.header, computed) != s.digest) {
        return where(s) + ": its digest does not match its content (the seal was altered)";
      }
      totals_.seals += 1;
      totals_.sealed_rows += s.header.rows;
      totals_.sealed_blocks += s.header.blocks;
      prev = s.digest;
      ++expected;
    }
    if (g < groups_.sealed.size()) return orphan(groups_.sealed[g]);
    return std::nullopt;
  }

  std::string orphan(const SealGroup& group) const {
    const std::int64_t last = seals_.empty() ? 0 : seals_.back().seq;
    return "vitals of session " + std::to_string(session_) + ", " +
           channel_text(group.channel.kind, group.channel.code) + ": " +
           rows_word(group.channel.kind, group.channel.count) + " from " +
           range_text(group.first_utc_ms, group.last_utc_ms) + " name seal " +
           std::to_string(group.seal) + ", which does not exist" +
           (group.seal > last ? " (the seals end at seal " + std::to_string(last) +
                                    ": seals truncated or rows inserted)"
                              : " (seal deleted or rows inserted)");
  }

  std::optional<std::string> check_unsealed(bool anchored) {
    for (const auto& g : groups_.legacy) totals_.legacy_rows += g.channel.count;
    if (groups_.unsealed.empty()) return std::nullopt;
    if (seals_.empty() && !anchored) {  // a session the recorder never sealed: reported, counted
      for (const auto& u : groups_.unsealed) totals_.unsealed_rows += u.channel.count;
      return std::nullopt;
    }
    const auto& u = groups_.unsealed.front();
    return "vitals of session " + std::to_string(session_) + ", " +
           channel_text(u.channel.kind, u.channel.code) + ": " +
           rows_word(u.channel.kind, u.channel.count) + " from " +
           range_text(u.first_utc_ms, u.last_utc_ms) +
           " have no seal (inserted outside the recorder)";
  }

  std::optional<std::string> check_anchors(const std::vector<const SealAnchor*>& anchors) {
    if (!seals_.empty() && anchors.empty()) {  // the recorder anchors a chain with its first seal
      return "vitals of session " + std::to_string(session_) + ": its " +
             std::to_string(seals_.size()) +
             " seals are not anchored in the audit chain (written outside the recorder)";
    }
    for (const SealAnchor* a : anchors) {
      const std::string entry = "audit entry " + std::to_string(a->audit_seq);
      const std::int64_t last = seals_.empty() ? 0 : seals_.back().seq;
      if (a->seal < 1 || a->seal > last) {
        audit_seq_ = a->audit_seq;
        return "vitals of session " + std::to_string(session_) + ": the seals end at seal " +
               std::to_string(last) + " but " + entry + " anchored seal " +
               std::to_string(a->seal) + " (seals truncated)";
      }
      const auto& s = seals_[static_cast<std::size_t>(a->seal - 1)];
      if (hex(s.digest) != a->digest_hex) {
        audit_seq_ = a->audit_seq;
        return where(s) + ": its digest is not the one " + entry +
               " anchored (the seals were replaced)";
      }
    }
    return std::nullopt;
  }

  RowId session_;
  SealCheck& totals_;
  std::vector<StoredSeal> seals_;
  SealGroups groups_;
  std::optional<std::int64_t> audit_seq_;
};

}  // namespace

std::optional<SealAnchor> seal_anchor_of(const AuditEntry& e) {
  if (e.action != "vitals_sealed" || e.entity != "vitals_seals" || !e.new_value) {
    return std::nullopt;
  }
  const auto j = nlohmann::json::parse(*e.new_value, nullptr, false);
  if (!j.is_object() || !j.contains("session_id") || !j["session_id"].is_number_integer() ||
      !j.contains("seal") || !j["seal"].is_number_integer() || !j.contains("digest") ||
      !j["digest"].is_string()) {
    return std::nullopt;
  }
  return SealAnchor{j["session_id"].get<RowId>(), j["seal"].get<std::int64_t>(),
                    j["digest"].get<std::string>(), e.seq};
}

SealCheck verify_vitals_seals(SQLite::Database& db, const std::vector<SealAnchor>& anchors) {
  ensure_sodium();
  SealCheck r;
  if (db.execAndGet("PRAGMA user_version").getInt() < kFirstSealedSchemaVersion) {
    // A file from before seals, opened read-only (not upgraded): every row predates them.
    r.legacy_rows = db.execAndGet(
                          "SELECT (SELECT count(*) FROM vitals) + "
                          "(SELECT count(*) FROM waveforms)")
                        .getInt64();
    return r;
  }
  std::vector<RowId> sessions = sessions_with_vitals(db);
  for (const auto& a : anchors) sessions.push_back(a.session_id);
  std::sort(sessions.begin(), sessions.end());
  sessions.erase(std::unique(sessions.begin(), sessions.end()), sessions.end());
  for (const RowId session : sessions) {
    std::vector<const SealAnchor*> mine;
    for (const auto& a : anchors) {
      if (a.session_id == session) mine.push_back(&a);
    }
    SessionCheck check(db, session, r);
    if (auto p = check.run(mine)) {
      r.problem = std::move(p);
      r.audit_seq = check.audit_seq();
      return r;
    }
  }
  return r;
}

}  // namespace vigil::db::detail

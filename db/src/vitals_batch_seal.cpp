// Sealing a batch (docs/database.md "Vitals seals"): per session, each channel's stored rows in
// (t_utc_ms, seq) order and each waveform channel's blocks in (start_utc_ms, id) order are
// digested, and the seal row chaining them to the session's previous seal is inserted in the
// batch's transaction.
#include <algorithm>
#include <limits>

#include "vitals_batch.hpp"

namespace vigil::db::detail {
namespace {

struct ChannelKey {
  RowId session_id;
  std::int32_t channel;
  auto operator<=>(const ChannelKey&) const = default;
};

SessionSeal& seal_for(std::vector<SessionSeal>& seals, RowId session_id) {
  for (auto& s : seals) {
    if (s.session_id == session_id) return s;
  }
  SessionSeal& s = seals.emplace_back();
  s.session_id = session_id;
  s.first_utc_ms = std::numeric_limits<UtcMs>::max();
  s.last_utc_ms = std::numeric_limits<UtcMs>::min();
  return s;
}

void cover(SessionSeal& s, UtcMs t) {
  s.first_utc_ms = std::min(s.first_utc_ms, t);
  s.last_utc_ms = std::max(s.last_utc_ms, t);
}

struct RowGroup {
  ChannelKey key;
  std::size_t begin;  // [begin, end) in `order`
  std::size_t end;
};

// Fills `order` with the indices of the stored rows grouped by (session, channel) in that order,
// keeping arrival order inside each group: a counting sort, a batch holds few channels.
template <class Rows>
std::vector<RowGroup> group_by_channel(const Rows& rows, std::vector<std::uint32_t>& order) {
  std::vector<ChannelKey> keys;
  std::vector<std::uint32_t> key_of(rows.size());
  std::size_t last = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].stored) continue;
    const ChannelKey k{rows[i].session_id, rows[i].channel};
    if (last >= keys.size() || keys[last] != k) {
      last = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), k) - keys.begin());
      if (last == keys.size()) keys.push_back(k);
    }
    key_of[i] = static_cast<std::uint32_t>(last);
  }
  std::vector<std::uint32_t> rank(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) rank[i] = static_cast<std::uint32_t>(i);
  std::sort(rank.begin(), rank.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
  std::vector<std::size_t> count(keys.size(), 0), next(keys.size(), 0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].stored) ++count[key_of[i]];
  }
  std::vector<RowGroup> groups;
  std::size_t at = 0;
  for (const auto k : rank) {
    groups.push_back({keys[k], at, at + count[k]});
    next[k] = at;
    at += count[k];
  }
  order.resize(at);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].stored) order[next[key_of[i]]++] = static_cast<std::uint32_t>(i);
  }
  return groups;
}

}  // namespace

void VitalsBatch::seal() {
  std::vector<SessionSeal> seals;
  seal_rows(seals);
  seal_blocks(seals);
  const auto now = Clock::now();
  for (const auto& s : seals) seals_.write(s, now);
}

void VitalsBatch::seal_rows(std::vector<SessionSeal>& seals) {
  const auto by_time = [&](std::uint32_t a, std::uint32_t b) {
    return std::pair(rows_[a].t_utc_ms, rows_[a].seq) < std::pair(rows_[b].t_utc_ms, rows_[b].seq);
  };
  for (const auto& g : group_by_channel(rows_, order_)) {
    const auto first = order_.begin() + static_cast<std::ptrdiff_t>(g.begin);
    const auto end = order_.begin() + static_cast<std::ptrdiff_t>(g.end);
    if (!std::is_sorted(first, end, by_time)) std::sort(first, end, by_time);
    canonical_.clear();
    SessionSeal& s = seal_for(seals, g.key.session_id);
    for (auto it = first; it != end; ++it) {
      const StagedRow& row = rows_[*it];
      append_canonical(canonical_,
                       NumericRowBytes{row.t_utc_ms, row.seq,
                                       row.has_value ? std::optional(row.value) : std::nullopt,
                                       row.flags, std::optional<std::int64_t>(row.device)});
      cover(s, row.t_utc_ms);
    }
    const auto n = static_cast<std::int64_t>(g.end - g.begin);
    s.channels.push_back({SealKind::numeric, g.key.channel, n, blake2b_256(canonical_)});
    s.rows += n;
  }
}

// Blocks: few per batch, sorted outright.
void VitalsBatch::seal_blocks(std::vector<SessionSeal>& seals) {
  order_.clear();
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    if (blocks_[i].stored) order_.push_back(static_cast<std::uint32_t>(i));
  }
  std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& x = blocks_[a];
    const auto& y = blocks_[b];
    return std::tuple(x.session_id, x.channel, x.start_utc_ms, x.id) <
           std::tuple(y.session_id, y.channel, y.start_utc_ms, y.id);
  });
  for (std::size_t at = 0; at < order_.size();) {
    const StagedBlock& head = blocks_[order_[at]];
    SessionSeal& s = seal_for(seals, head.session_id);
    canonical_.clear();
    std::size_t end = at;
    for (; end < order_.size(); ++end) {
      const StagedBlock& b = blocks_[order_[end]];
      if (b.session_id != head.session_id || b.channel != head.channel) break;
      append_canonical(
          canonical_,
          BlockBytes{b.start_utc_ms, b.sample_rate_hz, {samples_.data() + b.offset, b.bytes}});
      cover(s, b.start_utc_ms);
    }
    const auto n = static_cast<std::int64_t>(end - at);
    s.channels.push_back({SealKind::waveform, head.channel, n, blake2b_256(canonical_)});
    s.blocks += n;
    at = end;
  }
}

}  // namespace vigil::db::detail

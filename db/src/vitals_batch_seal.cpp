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

}  // namespace

void VitalsBatch::seal() {
  std::vector<SessionSeal> seals;

  // Rows grouped by (session, channel), keeping arrival order (a counting sort: a batch holds
  // few channels), then each group put in (time, seq) order where arrival was not.
  std::vector<ChannelKey> keys;
  std::vector<std::uint32_t> key_of(rows_.size());
  std::size_t last = 0;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (!rows_[i].stored) continue;
    const ChannelKey k{rows_[i].session_id, rows_[i].channel};
    if (last >= keys.size() || keys[last] != k) {
      last = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), k) - keys.begin());
      if (last == keys.size()) keys.push_back(k);
    }
    key_of[i] = static_cast<std::uint32_t>(last);
  }
  std::vector<std::uint32_t> rank(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) rank[i] = static_cast<std::uint32_t>(i);
  std::sort(rank.begin(), rank.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
  std::vector<std::size_t> start(keys.size() + 1, 0), count(keys.size(), 0);
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].stored) ++count[key_of[i]];
  }
  for (std::size_t r = 0; r < rank.size(); ++r) start[r + 1] = start[r] + count[rank[r]];
  std::vector<std::size_t> position_of_key(keys.size());
  for (std::size_t r = 0; r < rank.size(); ++r) position_of_key[rank[r]] = start[r];
  order_.resize(start.back());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].stored) order_[position_of_key[key_of[i]]++] = static_cast<std::uint32_t>(i);
  }
  const auto by_time = [&](std::uint32_t a, std::uint32_t b) {
    return std::pair(rows_[a].t_utc_ms, rows_[a].seq) < std::pair(rows_[b].t_utc_ms, rows_[b].seq);
  };
  for (std::size_t r = 0; r < rank.size(); ++r) {
    const auto first = order_.begin() + static_cast<std::ptrdiff_t>(start[r]);
    const auto end = order_.begin() + static_cast<std::ptrdiff_t>(start[r + 1]);
    if (!std::is_sorted(first, end, by_time)) std::sort(first, end, by_time);
    canonical_.clear();
    SessionSeal& s = seal_for(seals, keys[rank[r]].session_id);
    for (auto it = first; it != end; ++it) {
      const StagedRow& row = rows_[*it];
      append_canonical(canonical_,
                       NumericRowBytes{row.t_utc_ms, row.seq,
                                       row.has_value ? std::optional(row.value) : std::nullopt,
                                       row.flags, std::optional<std::int64_t>(row.device)});
      cover(s, row.t_utc_ms);
    }
    const auto n = static_cast<std::int64_t>(end - first);
    s.channels.push_back({SealKind::numeric, keys[rank[r]].channel, n, blake2b_256(canonical_)});
    s.rows += n;
  }

  // Blocks: few per batch.
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

  const auto now = Clock::now();
  for (const auto& s : seals) seals_.write(s, now);
}

}  // namespace vigil::db::detail

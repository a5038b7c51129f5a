#include "vigil/db/session_trends.hpp"

#include <SQLiteCpp/Statement.h>

#include "audit_write.hpp"
#include "vigil/core/reading_flags.hpp"
#include "vigil/db/channel_code.hpp"

namespace vigil::db {

std::vector<TrendSeries> read_session_trends(Store& store, const Actor& actor, RowId session_id,
                                             const std::vector<core::Channel>& channels,
                                             UtcMs from_utc_ms, UtcMs to_utc_ms, int bucket_count,
                                             UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  if (to_utc_ms <= from_utc_ms) {
    throw ValidationError("to_utc_ms: must be after from_utc_ms (got " +
                          std::to_string(from_utc_ms) + " to " + std::to_string(to_utc_ms) + ")");
  }
  if (bucket_count < 1 || bucket_count > 100000) {
    throw ValidationError("bucket_count: must be 1-100000 (got " + std::to_string(bucket_count) +
                          ")");
  }
  const double width = static_cast<double>(to_utc_ms - from_utc_ms) / bucket_count;
  // The primary key (session, time, seq) serves the range; the channel filter runs on its rows.
  SQLite::Statement q(db,
                      "SELECT CAST((t_utc_ms - ?3) / ?5 AS INTEGER) AS b, min(value), max(value) "
                      "FROM vitals WHERE session_id = ?1 AND t_utc_ms >= ?3 AND t_utc_ms < ?4 AND "
                      "channel = ?2 AND value IS NOT NULL AND (flags & ?6) = 0 GROUP BY b ORDER BY "
                      "b");
  std::vector<TrendSeries> out;
  for (const auto channel : channels) {
    TrendSeries s;
    s.channel = channel;
    q.reset();
    q.bind(1, session_id);
    q.bind(2, channel_code(channel));
    q.bind(3, from_utc_ms);
    q.bind(4, to_utc_ms);
    q.bind(5, width);
    q.bind(6, static_cast<std::int64_t>(core::doubtful_value_flags().bits()));
    while (q.executeStep()) {
      const auto b = q.getColumn(0).getInt64();
      s.buckets.push_back({from_utc_ms + static_cast<UtcMs>(static_cast<double>(b) * width),
                           q.getColumn(1).getDouble(), q.getColumn(2).getDouble()});
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<WaveformBlock> read_session_waveform(Store& store, const Actor& actor, RowId session_id,
                                                 core::Channel channel, UtcMs from_utc_ms,
                                                 UtcMs to_utc_ms, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  if (to_utc_ms <= from_utc_ms || to_utc_ms - from_utc_ms > 600'000) {
    throw ValidationError("to_utc_ms: a waveform window is 1 ms to 10 minutes (got " +
                          std::to_string(to_utc_ms - from_utc_ms) + " ms)");
  }
  SQLite::Statement q(db,
                      "SELECT start_utc_ms, sample_rate_hz, samples FROM waveforms WHERE "
                      "session_id = ? AND channel = ? AND start_utc_ms >= ? AND start_utc_ms < ? "
                      "ORDER BY start_utc_ms, id");
  q.bind(1, session_id);
  q.bind(2, channel_code(channel));
  q.bind(3, from_utc_ms - 10'000);
  q.bind(4, to_utc_ms);
  std::vector<WaveformBlock> out;
  while (q.executeStep()) {
    WaveformBlock b{q.getColumn(0).getInt64(), q.getColumn(1).getDouble(), {}};
    const auto blob = q.getColumn(2);
    const auto* bytes = static_cast<const unsigned char*>(blob.getBlob());
    const auto n = static_cast<std::size_t>(blob.getBytes()) / 2;
    b.samples.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {  // int16 little-endian
      b.samples.push_back(static_cast<std::int16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8)));
    }
    out.push_back(std::move(b));
  }
  return out;
}

std::optional<std::pair<UtcMs, UtcMs>> session_vitals_span(Store& store, const Actor& actor,
                                                           RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SQLite::Statement q(db,
                      "SELECT (SELECT t_utc_ms FROM vitals WHERE session_id = ?1 ORDER BY "
                      "t_utc_ms LIMIT 1), (SELECT t_utc_ms FROM vitals WHERE session_id = ?1 "
                      "ORDER BY t_utc_ms DESC LIMIT 1)");
  q.bind(1, session_id);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  return std::pair{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()};
}

}  // namespace vigil::db

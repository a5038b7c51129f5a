#pragma once
// A session's numeric vitals reduced for a chart: the time span split into equal buckets, each
// with the lowest and highest valid value and the newest one (doubtful values excluded), so that
// a chart of the whole session and one of a single minute are both read in one indexed pass.
// Empty buckets are absent: a gap in the record stays a gap on the chart.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "vigil/core/channel.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct TrendBucket {
  UtcMs t_utc_ms = 0;  // the bucket's start
  double lowest = 0;
  double highest = 0;
};

struct TrendSeries {
  core::Channel channel = core::Channel::spo2;
  std::vector<TrendBucket> buckets;  // by time
};

// Nurse, clinician or auditor (read_records); not audited (opening or printing the session
// is). The buckets of [from_utc_ms, to_utc_ms) for each of `channels`. Refuses an empty span
// or bucket_count outside 1-100000 (ValidationError naming the field).
std::vector<TrendSeries> read_session_trends(Store& store, const Actor& actor, RowId session_id,
                                             const std::vector<core::Channel>& channels,
                                             UtcMs from_utc_ms, UtcMs to_utc_ms, int bucket_count,
                                             UtcMs now);

// A stored block of waveform samples (pleth) at the device's rate.
struct WaveformBlock {
  UtcMs start_utc_ms = 0;
  double sample_rate_hz = 0;
  std::vector<std::int16_t> samples;
};

// Nurse, clinician or auditor; not audited. The blocks of `channel` starting in [from_utc_ms -
// 10 s, to_utc_ms), by time: the full-rate pleth for a zoomed chart. Refuses an empty window or
// one over 10 minutes (ValidationError naming to_utc_ms).
std::vector<WaveformBlock> read_session_waveform(Store& store, const Actor& actor, RowId session_id,
                                                 core::Channel channel, UtcMs from_utc_ms,
                                                 UtcMs to_utc_ms, UtcMs now);

// The span of the session's numeric vitals: the first and last row time; nullopt when none.
std::optional<std::pair<UtcMs, UtcMs>> session_vitals_span(Store& store, const Actor& actor,
                                                           RowId session_id, UtcMs now);

}  // namespace vigil::db

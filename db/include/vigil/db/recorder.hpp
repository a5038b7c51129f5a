#pragma once
// The durable recorder (docs/architecture.md): owns the one writer connection of a
// database file and a writer thread that does every write to it.
//
// Vitals (numeric readings and waveform blocks) come from the acquisition thread through
// record_reading() / record_waveform_block(), which never block and never allocate: they try to
// push into fixed-capacity lock-free rings. When a ring is full the vital is dropped and counted,
// and the technical condition recording_behind is reported once (active = true) through the
// condition callback; it is reported ended (active = false) when the writer has drained the
// rings. The writer stages vitals in memory and writes a batch, sealed (docs/database.md
// "Vitals seals"), in one transaction when it holds `batch_rows` rows or is `commit_interval`
// old, so a crash loses at most about one second of vitals (commit_interval plus the time one
// clinical task or one commit takes), and the write lock is held only while a batch is written.
//
// Clinical records go through run_clinical(f): f(store) runs on the writer thread with the writer
// connection (a store function, which commits its own audited transaction); the caller blocks
// until it has returned and gets its result, or its exception rethrown. Clinical tasks are never
// dropped (an unbounded queue). Before a clinical task runs, the vitals already queued are
// committed, so the file keeps time order across both kinds of records.
//
// Destruction (or stop()) runs the queued clinical tasks, writes and commits every queued vital,
// then closes the connection.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

#include "vigil/core/channel.hpp"
#include "vigil/core/device_condition.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

namespace detail {
struct RecorderState;
}

// Longest waveform block one record_waveform_block() call takes (e.g. 2 s at 250 Hz).
inline constexpr std::size_t kMaxWaveformBlockSamples = 512;

struct RecorderOptions {
  std::size_t reading_capacity = 1 << 16;          // numeric readings the ring holds (power of two)
  std::size_t waveform_capacity = 1 << 10;         // waveform blocks the ring holds (power of two)
  std::size_t batch_rows = 16384;                  // commit when a batch holds this many rows
  std::chrono::milliseconds commit_interval{500};  // commit a batch at the latest this old
  // Each batch is sealed per session (docs/database.md "Vitals seals"); the newest seal of a
  // session is anchored in the audit chain when this recorder first seals it, then at most this
  // often while it records, and once it has sealed nothing for seal_anchor_idle, and at stop().
  std::chrono::milliseconds seal_anchor_interval{60'000};
  std::chrono::milliseconds seal_anchor_idle{5'000};
  // Off only to measure what sealing costs (tests/bench/db/recorder_bench.cpp): rows written
  // without a seal are counted by `audit verify` as rows the recorder never sealed.
  bool seal_vitals = true;
  // Called from the thread that dropped a vital (active = true) and from the writer thread
  // (active = false); must be thread-safe and quick.
  std::function<void(const core::DeviceCondition&)> on_condition;
};

struct RecorderCounters {
  std::uint64_t rows_written = 0;      // numeric rows committed
  std::uint64_t blocks_written = 0;    // waveform blocks committed
  std::uint64_t batches = 0;           // vitals transactions committed
  std::uint64_t seals = 0;             // seals committed (one per session per batch)
  std::uint64_t dropped_vitals = 0;    // readings and blocks refused because a ring was full
  std::uint64_t rejected_vitals = 0;   // refused: no such session, or by the database
  std::uint64_t failed_batches = 0;    // batches lost to a database error (rolled back)
  std::uint64_t deferred_batches = 0;  // commits put off: the write lock stayed busy past the
                                       // busy timeout (the batch is kept and written later)
  std::uint64_t clinical_tasks = 0;    // clinical tasks run
  std::uint64_t max_queue_depth = 0;   // highest number of readings waiting in the ring
};

class Recorder {
 public:
  // Takes the writer connection (Store::open(..., create_or_open/open_existing)).
  explicit Recorder(Store store, RecorderOptions options = {});
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Acquisition thread: never blocks. False when dropped (ring full, recorder stopped) or, for
  // a block, when it holds more than kMaxWaveformBlockSamples samples. The row's time is
  // reading.utc_time (ms); an absent value is stored as NULL.
  bool record_reading(RowId session_id, const core::Reading& reading) noexcept;
  bool record_waveform_block(RowId session_id, core::Channel channel, UtcMs start_utc_ms,
                             double sample_rate_hz, std::span<const std::int16_t> samples) noexcept;

  // Runs f(store) on the writer thread after committing the vitals queued so far; blocks until f
  // has returned; returns its result or rethrows its exception. Must not be called from inside
  // a clinical task (throws std::logic_error). f must leave no transaction open.
  template <class F>
  auto run_clinical(F&& f) -> std::invoke_result_t<F&, Store&> {
    using R = std::invoke_result_t<F&, Store&>;
    if constexpr (std::is_void_v<R>) {
      run_task([&f](Store& store) { f(store); });
    } else {
      std::optional<R> result;
      run_task([&f, &result](Store& store) { result.emplace(f(store)); });
      return std::move(*result);
    }
  }

  // Blocks until every vital queued before the call is committed.
  void flush();
  // Flushes everything and joins the writer; later calls record nothing (idempotent).
  void stop();

  RecorderCounters counters() const;

 private:
  void run_task(std::function<void(Store&)> task);
  std::unique_ptr<detail::RecorderState> state_;
};

}  // namespace vigil::db

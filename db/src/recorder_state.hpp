#pragma once
// Recorder internals shared by recorder.cpp (the producer and caller side) and
// recorder_writer.cpp (the writer thread).

#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "recorder_ring.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::db {

namespace detail {

struct NumericSlot {
  RowId session_id = 0;
  UtcMs t_utc_ms = 0;
  double value = 0;
  std::uint32_t flags = 0;
  core::DeviceId device = 0;
  core::Channel channel = core::Channel::spo2;
  bool has_value = false;
};

struct WaveformSlot {
  RowId session_id = 0;
  UtcMs start_utc_ms = 0;
  double sample_rate_hz = 0;
  std::uint16_t count = 0;
  core::Channel channel = core::Channel::pleth;
  std::array<std::int16_t, kMaxWaveformBlockSamples> samples{};
};

struct ClinicalTask {
  std::function<void(Store&)> fn;
  std::exception_ptr error;
  bool done = false;
};

// 0: vitals flow; 1: a producer is reporting recording_behind; 2: reported, not yet cleared.
enum BehindState : int { kFlowing = 0, kRaising = 1, kRaised = 2 };

struct RecorderState {
  RecorderState(Store writer_store, RecorderOptions o)
      : store(std::move(writer_store)),
        db(raw_connection(store)),
        options(std::move(o)),
        readings(options.reading_capacity),
        blocks(options.waveform_capacity) {}

  Store store;
  SQLite::Database& db;  // the connection `store` owns
  RecorderOptions options;
  BoundedRing<NumericSlot> readings;
  BoundedRing<WaveformSlot> blocks;

  // Producer side.
  std::atomic<bool> accepting{true};
  std::atomic<bool> writer_waiting{false};
  std::atomic<int> behind{kFlowing};
  std::atomic<std::uint64_t> dropped{0};
  std::atomic<std::uint64_t> max_depth{0};

  // Writer side (written by the writer thread only, read by counters()).
  std::atomic<std::uint64_t> rows_written{0};
  std::atomic<std::uint64_t> blocks_written{0};
  std::atomic<std::uint64_t> batches{0};
  std::atomic<std::uint64_t> seals{0};
  std::atomic<std::uint64_t> rejected{0};
  std::atomic<std::uint64_t> failed_batches{0};
  std::atomic<std::uint64_t> deferred_batches{0};
  std::atomic<std::uint64_t> clinical_tasks{0};

  // Clinical queue and shutdown, under mu.
  std::mutex mu;
  std::condition_variable wake;  // the writer waits on it
  std::condition_variable done;  // callers of run_task wait on it
  std::deque<ClinicalTask*> clinical;
  bool stopping = false;
  std::once_flag joined;

  std::thread writer;
  std::thread::id writer_id;

  void report(bool active) const;  // recording_behind through options.on_condition
  void writer_main();              // recorder_writer.cpp
};

}  // namespace detail

}  // namespace vigil::db

#include "vigil/db/recorder.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "recorder_state.hpp"

namespace vigil::db {

void detail::RecorderState::report(bool active) const {
  if (!options.on_condition) return;
  core::DeviceCondition c;
  c.kind = core::DeviceConditionKind::recording_behind;
  c.active = active;
  c.detail = active ? "vitals dropped: the recorder is behind" : "the recorder caught up";
  c.steady_time = std::chrono::steady_clock::now();
  c.utc_time = std::chrono::system_clock::now();
  try {
    options.on_condition(c);
  } catch (...) {
    // A failing listener must not stop recording (nor escape a noexcept producer call).
  }
}

namespace {

void count_drop(detail::RecorderState& s) noexcept {
  s.dropped.fetch_add(1, std::memory_order_relaxed);
  int expected = detail::kFlowing;
  if (s.behind.compare_exchange_strong(expected, detail::kRaising, std::memory_order_acq_rel)) {
    s.report(true);
    s.behind.store(detail::kRaised, std::memory_order_release);
  }
}

void wake_if_filling(detail::RecorderState& s, std::size_t depth, std::size_t capacity) noexcept {
  // At slow rates the writer polls; wake it early only when the ring is filling up.
  if (depth >= capacity / 4 && s.writer_waiting.load(std::memory_order_relaxed)) {
    s.wake.notify_one();
  }
}

UtcMs to_utc_ms(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

Recorder::Recorder(Store store, RecorderOptions options)
    : state_(std::make_unique<detail::RecorderState>(std::move(store), std::move(options))) {
  if (state_->options.batch_rows == 0) state_->options.batch_rows = 1;
  state_->writer = std::thread([s = state_.get()] { s->writer_main(); });
  state_->writer_id = state_->writer.get_id();
}

Recorder::~Recorder() { stop(); }

bool Recorder::record_reading(RowId session_id, const core::Reading& reading) noexcept {
  detail::RecorderState& s = *state_;
  if (!s.accepting.load(std::memory_order_relaxed)) {
    s.dropped.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  const bool pushed = s.readings.try_push([&](detail::NumericSlot& slot) {
    slot.session_id = session_id;
    slot.t_utc_ms = to_utc_ms(reading.utc_time);
    slot.has_value = reading.value.has_value();
    slot.value = reading.value.value_or(0.0);
    slot.flags = reading.flags.bits();
    slot.device = reading.device;
    slot.channel = reading.channel;
  });
  if (!pushed) {
    count_drop(s);
    return false;
  }
  const std::size_t depth = s.readings.depth();
  std::uint64_t seen = s.max_depth.load(std::memory_order_relaxed);
  while (depth > seen &&
         !s.max_depth.compare_exchange_weak(seen, depth, std::memory_order_relaxed)) {
  }
  wake_if_filling(s, depth, s.readings.capacity());
  return true;
}

bool Recorder::record_waveform_block(RowId session_id, core::Channel channel, UtcMs start_utc_ms,
                                     double sample_rate_hz,
                                     std::span<const std::int16_t> samples) noexcept {
  detail::RecorderState& s = *state_;
  if (samples.size() > kMaxWaveformBlockSamples || !s.accepting.load(std::memory_order_relaxed)) {
    s.dropped.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  const bool pushed = s.blocks.try_push([&](detail::WaveformSlot& slot) {
    slot.session_id = session_id;
    slot.channel = channel;
    slot.start_utc_ms = start_utc_ms;
    slot.sample_rate_hz = sample_rate_hz;
    slot.count = static_cast<std::uint16_t>(samples.size());
    std::copy(samples.begin(), samples.end(), slot.samples.begin());
  });
  if (!pushed) {
    count_drop(s);
    return false;
  }
  wake_if_filling(s, s.blocks.depth(), s.blocks.capacity());
  return true;
}

void Recorder::run_task(std::function<void(Store&)> fn) {
  detail::RecorderState& s = *state_;
  if (std::this_thread::get_id() == s.writer_id) {
    throw std::logic_error("Recorder::run_clinical called from inside a clinical task");
  }
  detail::ClinicalTask task{std::move(fn), nullptr, false};
  {
    std::unique_lock lock(s.mu);
    if (s.stopping)
      throw std::logic_error("Recorder: stopped; the clinical record was not written");
    s.clinical.push_back(&task);
    s.wake.notify_one();
    s.done.wait(lock, [&] { return task.done; });
  }
  if (task.error) std::rethrow_exception(task.error);
}

void Recorder::flush() {
  run_task([](Store&) {});
}

void Recorder::stop() {
  detail::RecorderState& s = *state_;
  if (std::this_thread::get_id() == s.writer_id) {
    throw std::logic_error("Recorder::stop called from inside a clinical task");
  }
  {
    std::lock_guard lock(s.mu);
    s.stopping = true;
    s.accepting.store(false, std::memory_order_relaxed);
    s.wake.notify_one();
  }
  std::call_once(s.joined, [&] { s.writer.join(); });
}

RecorderCounters Recorder::counters() const {
  const detail::RecorderState& s = *state_;
  RecorderCounters c;
  c.rows_written = s.rows_written.load(std::memory_order_relaxed);
  c.blocks_written = s.blocks_written.load(std::memory_order_relaxed);
  c.batches = s.batches.load(std::memory_order_relaxed);
  c.seals = s.seals.load(std::memory_order_relaxed);
  c.dropped_vitals = s.dropped.load(std::memory_order_relaxed);
  c.rejected_vitals = s.rejected.load(std::memory_order_relaxed);
  c.failed_batches = s.failed_batches.load(std::memory_order_relaxed);
  c.deferred_batches = s.deferred_batches.load(std::memory_order_relaxed);
  c.clinical_tasks = s.clinical_tasks.load(std::memory_order_relaxed);
  c.max_queue_depth = s.max_depth.load(std::memory_order_relaxed);
  return c;
}

}  // namespace vigil::db

// The recorder's writer thread: drains the rings into vitals transactions (vitals_batch.hpp)
// and runs clinical tasks between batches.

#include <sqlite3.h>

#include <chrono>
#include <stdexcept>

#include "recorder_state.hpp"
#include "vitals_batch.hpp"

namespace vigil::db {
namespace {

using Clock = std::chrono::steady_clock;
using detail::VitalsBatch;

// How long the writer sleeps when there is nothing to write (producers wake it earlier when a
// ring fills up, clinical tasks always do).
constexpr std::chrono::milliseconds kIdlePoll{50};

// Moves what the rings hold now (at most one ring's worth) into the batch, committing every
// batch_rows rows. Returns the number of items taken.
std::size_t drain(detail::RecorderState& s, VitalsBatch& batch) {
  std::size_t taken = 0;
  const auto add = [&](const auto& slot) {
    batch.add(slot);
    if (batch.rows() >= s.options.batch_rows) batch.commit();
  };
  for (std::size_t i = 0; i < s.readings.capacity() && s.readings.try_pop(add); ++i) ++taken;
  for (std::size_t i = 0; i < s.blocks.capacity() && s.blocks.try_pop(add); ++i) ++taken;
  return taken;
}

// Vitals survive a database error in a later batch; the failed batch is counted.
std::size_t drain_and_maybe_commit(detail::RecorderState& s, VitalsBatch& batch,
                                   bool force_commit) {
  std::size_t taken = 0;
  try {
    taken = drain(s, batch);
    if (force_commit || batch.old()) batch.commit();
  } catch (const std::exception&) {
    batch.rollback();
  }
  return taken;
}

// A session whose recording stopped gets its newest seal anchored in the audit chain. A
// database error leaves the anchor for the next time the writer is idle (the seals themselves
// are committed; `audit verify` checks them up to the last anchor and beyond).
void anchor_settled(VitalsBatch& batch, bool all) {
  try {
    batch.anchor_settled(all);
  } catch (const std::exception&) {
  }
}

void run_clinical_tasks(detail::RecorderState& s, std::deque<detail::ClinicalTask*>& tasks) {
  sqlite3* handle = s.db.getHandle();
  for (detail::ClinicalTask* t : tasks) {
    try {
      t->fn(s.store);
      if (!sqlite3_get_autocommit(handle)) {
        sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
        throw std::logic_error("Recorder: a clinical task left a transaction open");
      }
    } catch (...) {
      if (!sqlite3_get_autocommit(handle)) {
        sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
      }
      t->error = std::current_exception();
    }
    s.clinical_tasks.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(s.mu);
    t->done = true;
  }
  s.done.notify_all();
}

}  // namespace

void detail::RecorderState::writer_main() {
  VitalsBatch batch(*this);
  for (;;) {
    std::deque<detail::ClinicalTask*> tasks;
    bool stop_now = false;
    {
      std::lock_guard lock(mu);
      tasks.swap(clinical);
      stop_now = stopping;
    }
    if (!tasks.empty()) {
      // Vitals queued before the clinical record go in first: time order is kept.
      drain_and_maybe_commit(*this, batch, true);
      run_clinical_tasks(*this, tasks);
      continue;
    }
    const std::size_t taken = drain_and_maybe_commit(*this, batch, stop_now);
    if (taken > 0) continue;

    int raised = detail::kRaised;  // the rings are drained: recording caught up
    if (behind.compare_exchange_strong(raised, detail::kFlowing, std::memory_order_acq_rel)) {
      report(false);
    }
    std::unique_lock lock(mu);
    if (!clinical.empty()) continue;
    if (stopping) {
      if (stop_now) {  // drained and committed after stopping was seen
        lock.unlock();
        anchor_settled(batch, true);
        return;
      }
      continue;
    }
    lock.unlock();
    anchor_settled(batch, false);
    lock.lock();
    if (!clinical.empty() || stopping) continue;
    const auto until = batch.open() ? std::min(batch.deadline(), Clock::now() + kIdlePoll)
                                    : Clock::now() + kIdlePoll;
    writer_waiting.store(true, std::memory_order_relaxed);
    wake.wait_until(lock, until);
    writer_waiting.store(false, std::memory_order_relaxed);
  }
}

}  // namespace vigil::db

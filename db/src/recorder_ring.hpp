#pragma once
// A fixed-capacity lock-free queue (D. Vyukov's bounded MPMC queue): try_push and try_pop never
// block and never allocate. The recorder uses it between the acquisition thread(s) and its
// writer thread.

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace vigil::db::detail {

template <class T>
class BoundedRing {
 public:
  explicit BoundedRing(std::size_t capacity)
      : cells_(std::make_unique<Cell[]>(capacity)), mask_(capacity - 1) {
    assert(capacity >= 2 && (capacity & (capacity - 1)) == 0);
    for (std::size_t i = 0; i < capacity; ++i) cells_[i].seq.store(i, std::memory_order_relaxed);
  }

  std::size_t capacity() const { return mask_ + 1; }

  // fill(T&) writes the slot in place. False when the ring is full.
  template <class Fill>
  bool try_push(Fill&& fill) noexcept {
    std::size_t pos = enqueue_.load(std::memory_order_relaxed);
    Cell* cell = nullptr;
    for (;;) {
      cell = &cells_[pos & mask_];
      const std::size_t seq = cell->seq.load(std::memory_order_acquire);
      const auto dif = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos);
      if (dif == 0) {
        if (enqueue_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
      } else if (dif < 0) {
        return false;
      } else {
        pos = enqueue_.load(std::memory_order_relaxed);
      }
    }
    fill(cell->value);
    cell->seq.store(pos + 1, std::memory_order_release);
    return true;
  }

  // use(const T&) reads the slot in place. False when the ring is empty.
  template <class Use>
  bool try_pop(Use&& use) {
    std::size_t pos = dequeue_.load(std::memory_order_relaxed);
    Cell* cell = nullptr;
    for (;;) {
      cell = &cells_[pos & mask_];
      const std::size_t seq = cell->seq.load(std::memory_order_acquire);
      const auto dif = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos + 1);
      if (dif == 0) {
        if (dequeue_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
      } else if (dif < 0) {
        return false;
      } else {
        pos = dequeue_.load(std::memory_order_relaxed);
      }
    }
    // Release the slot even if use() throws.
    struct Release {
      Cell* cell;
      std::size_t next;
      ~Release() { cell->seq.store(next, std::memory_order_release); }
    } release{cell, pos + mask_ + 1};
    use(static_cast<const T&>(cell->value));
    return true;
  }

  // Approximate number of queued items (exact when no push or pop is in flight).
  std::size_t depth() const noexcept {
    const std::size_t e = enqueue_.load(std::memory_order_relaxed);
    const std::size_t d = dequeue_.load(std::memory_order_relaxed);
    return e > d ? e - d : 0;
  }

 private:
  struct Cell {
    std::atomic<std::size_t> seq{0};
    T value{};
  };
  std::unique_ptr<Cell[]> cells_;
  const std::size_t mask_;
  alignas(64) std::atomic<std::size_t> enqueue_{0};
  alignas(64) std::atomic<std::size_t> dequeue_{0};
};

}  // namespace vigil::db::detail

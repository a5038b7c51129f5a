#pragma once
// Reduces a time series to at most a min/max pair per pixel column before Qt Charts sees it
// (Qt Charts costs ~3 ms per 1k points here; a 1000-pixel chart needs at most 2000). Plain C++.
//
// The result is a subsequence of the input: for each column holding samples, the sample with
// the smallest value and the one with the largest (first occurrence of each), in time order; a
// column with one sample (or all values equal) keeps one. So the drawn envelope is exact, and a
// series with fewer points than columns passes through unchanged.
//
// IncrementalMinMax keeps that same result up to date while samples arrive at the end (trends
// grow by one point a second): O(1) per sample, and it says which output points changed, so the
// chart hands Qt Charts only the newest column instead of reducing and replacing everything.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vigil::gui {

struct TimedValue {
  double t = 0;  // s
  double v = 0;
  friend bool operator==(const TimedValue&, const TimedValue&) = default;
};

class MinMaxReducer {
 public:
  // `samples` sorted by t. Keeps those with t in [t0, t1]; columns > 0 and t1 > t0, else empty.
  static std::vector<TimedValue> reduce(std::span<const TimedValue> samples, double t0, double t1,
                                        int columns);
  // Same, appending into `out` (cleared first) to reuse its storage.
  static void reduce(std::span<const TimedValue> samples, double t0, double t1, int columns,
                     std::vector<TimedValue>& out);
};

class IncrementalMinMax {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Starts over on [t0, t1] split into `columns`, from `samples` sorted by t: points() is then
  // MinMaxReducer::reduce(samples, t0, t1, columns).
  void reset(std::span<const TimedValue> samples, double t0, double t1, int columns);
  // Adds a sample no earlier than the previous ones. Returns the index of the first point of
  // points() that changed or was added, or npos when nothing changed (outside the window, or
  // inside the newest column without a new minimum or maximum).
  std::size_t append(const TimedValue& s);
  const std::vector<TimedValue>& points() const { return out_; }
  // Index in points() of the newest column's first point: only it and later points can change
  // with the next append.
  std::size_t newestColumnStart() const { return last_start_; }

 private:
  struct Ranked {  // a sample and its arrival order (ties in t keep their order)
    TimedValue s;
    std::uint64_t seq = 0;
  };
  double t0_ = 0;
  double t1_ = 0;
  double per_column_ = 0;  // columns per s
  int columns_ = 0;
  int last_column_ = -1;        // the newest column holding samples
  std::size_t last_start_ = 0;  // its first point in out_
  Ranked lo_;                   // its minimum and maximum
  Ranked hi_;
  std::uint64_t seq_ = 0;
  std::vector<TimedValue> out_;
};

}  // namespace vigil::gui

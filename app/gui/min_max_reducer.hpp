#pragma once
// Reduces a time series to at most a min/max pair per pixel column before Qt Charts sees it
// (Qt Charts costs ~3 ms per 1k points here; a 1000-pixel chart needs at most 2000). Plain C++.
//
// The result is a subsequence of the input: for each column holding samples, the sample with
// the smallest value and the one with the largest (first occurrence of each), in time order; a
// column with one sample (or all values equal) keeps one. So the drawn envelope is exact, and a
// series with fewer points than columns passes through unchanged.

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

}  // namespace vigil::gui

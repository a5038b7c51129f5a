#include "min_max_reducer.hpp"

#include <algorithm>

namespace vigil::gui {

std::vector<TimedValue> MinMaxReducer::reduce(std::span<const TimedValue> samples, double t0,
                                              double t1, int columns) {
  std::vector<TimedValue> out;
  reduce(samples, t0, t1, columns, out);
  return out;
}

void MinMaxReducer::reduce(std::span<const TimedValue> samples, double t0, double t1, int columns,
                           std::vector<TimedValue>& out) {
  out.clear();
  if (columns <= 0 || !(t1 > t0)) return;
  const auto by_time = [](const TimedValue& s, double t) { return s.t < t; };
  auto it = std::lower_bound(samples.begin(), samples.end(), t0, by_time);
  const auto end = std::upper_bound(samples.begin(), samples.end(), t1,
                                    [](double t, const TimedValue& s) { return t < s.t; });
  const double per_column = static_cast<double>(columns) / (t1 - t0);
  while (it != end) {
    const int column = std::min(columns - 1, static_cast<int>((it->t - t0) * per_column));
    auto lo = it;
    auto hi = it;
    auto next = it + 1;
    for (; next != end; ++next) {
      if (std::min(columns - 1, static_cast<int>((next->t - t0) * per_column)) != column) break;
      if (next->v < lo->v) lo = next;
      if (next->v > hi->v) hi = next;
    }
    if (lo == hi) {
      out.push_back(*lo);
    } else if (lo < hi) {
      out.push_back(*lo);
      out.push_back(*hi);
    } else {
      out.push_back(*hi);
      out.push_back(*lo);
    }
    it = next;
  }
}

}  // namespace vigil::gui

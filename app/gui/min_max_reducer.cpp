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

namespace vigil::gui {

void IncrementalMinMax::reset(std::span<const TimedValue> samples, double t0, double t1,
                              int columns) {
  out_.clear();
  t0_ = t0;
  t1_ = t1;
  columns_ = columns;
  per_column_ = t1 > t0 ? static_cast<double>(columns) / (t1 - t0) : 0;
  last_column_ = -1;
  last_start_ = 0;
  if (columns <= 0 || !(t1 > t0)) return;
  auto it = std::lower_bound(samples.begin(), samples.end(), t0,
                             [](const TimedValue& s, double t) { return s.t < t; });
  for (; it != samples.end() && it->t <= t1; ++it) append(*it);
}

std::size_t IncrementalMinMax::append(const TimedValue& s) {
  if (columns_ <= 0 || !(s.t >= t0_ && s.t <= t1_)) return npos;
  const int column = std::min(columns_ - 1, static_cast<int>((s.t - t0_) * per_column_));
  const Ranked r{s, ++seq_};
  if (column != last_column_) {  // a new column: one point
    last_column_ = column;
    last_start_ = out_.size();
    lo_ = hi_ = r;
    out_.push_back(s);
    return last_start_;
  }
  const bool new_lo = s.v < lo_.s.v;
  const bool new_hi = s.v > hi_.s.v;
  if (!new_lo && !new_hi) return npos;
  if (new_lo) lo_ = r;
  if (new_hi) hi_ = r;
  // A new extreme: min and max are now different samples; the column becomes that pair in
  // time order (it never shrinks back to one point).
  const bool lo_first = lo_.seq < hi_.seq;
  out_.resize(last_start_);
  out_.push_back(lo_first ? lo_.s : hi_.s);
  out_.push_back(lo_first ? hi_.s : lo_.s);
  return last_start_;
}

}  // namespace vigil::gui

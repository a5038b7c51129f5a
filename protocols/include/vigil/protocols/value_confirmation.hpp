#pragma once
// Protocols without a checksum (Contec legacy and V7, Nonin DF8, Masimo ASCII) can turn one
// corrupted byte that keeps the framing into a plausible but wrong number: SpO2 57 in a stream
// of 98s. A ValueConfirmation (one per channel) passes a value on only when it is believable:
//   - the same raw value arrived in the previous frame too (two frames agree), or
//   - it is within `max_step` of the value last passed on (a change a real patient makes
//     between two frames).
// Otherwise the value is held back for this frame; if it was real, the next frame confirms it.
// Cost: a jump larger than max_step is shown one frame later (1/60 s on Contec, 1 s on the
// 1 Hz protocols). An absent value (the device's sentinel) always passes: it invents nothing.
// What it cannot catch: a corruption that lands within max_step of the true value.

#include <cmath>
#include <optional>

namespace vigil::protocols {

class ValueConfirmation {
 public:
  explicit constexpr ValueConfirmation(double max_step = 0) : max_step_(max_step) {}

  // True when `value` may be passed on now.
  bool accept(std::optional<double> value) {
    if (!value) {
      previous_raw_.reset();
      return true;
    }
    const bool repeated = previous_raw_ && *previous_raw_ == *value;
    const bool small_step = last_passed_ && std::abs(*value - *last_passed_) <= max_step_;
    previous_raw_ = value;
    if (!repeated && !small_step) return false;
    last_passed_ = value;
    return true;
  }

 private:
  double max_step_;
  std::optional<double> previous_raw_;
  std::optional<double> last_passed_;
};

}  // namespace vigil::protocols

#pragma once
// A device condition that a protocol carries as a level in every frame (a probe-error bit, a
// low-battery bit) but that decoders report on its edges only: once when it starts, once when
// it ends. Protocols without a checksum ask for the new level in `confirm_frames` consecutive
// frames first, so one corrupted byte cannot raise (or end) a condition. Static detail text, no
// allocation.

#include <string_view>

#include "vigil/core/device_condition.hpp"
#include "vigil/protocols/decoder.hpp"

namespace vigil::protocols {

class ConditionEdge {
 public:
  explicit constexpr ConditionEdge(core::DeviceConditionKind kind, std::string_view detail = {},
                                   int confirm_frames = 1)
      : kind_(kind), detail_(detail), confirm_frames_(confirm_frames) {}

  // Reports the condition to `sink` once the level differs from the reported one in
  // confirm_frames consecutive frames (in one frame when `confirm` is false).
  void update(bool active, DecoderSink& sink, bool confirm = true) {
    if (active == active_) {
      seen_ = 0;
      return;
    }
    if (++seen_ < (confirm ? confirm_frames_ : 1)) return;
    seen_ = 0;
    active_ = active;
    core::DeviceCondition c;
    c.kind = kind_;
    c.active = active;
    c.detail = detail_;
    sink.on_condition(c);
  }
  bool active() const { return active_; }

 private:
  core::DeviceConditionKind kind_;
  std::string_view detail_;
  int confirm_frames_;
  int seen_ = 0;  // consecutive frames with the new level
  bool active_ = false;
};

}  // namespace vigil::protocols

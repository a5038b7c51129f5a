#pragma once
// A device condition that a protocol carries as a level in every frame (a probe-error bit, a
// low-battery bit) but that decoders report on its edges only: once when it starts, once when
// it ends. Static detail text, no allocation.

#include <string_view>

#include "vigil/core/device_condition.hpp"
#include "vigil/protocols/decoder.hpp"

namespace vigil::protocols {

class ConditionEdge {
 public:
  explicit constexpr ConditionEdge(core::DeviceConditionKind kind, std::string_view detail = {})
      : kind_(kind), detail_(detail) {}

  // Reports the condition to `sink` when `active` differs from the last frame's level.
  void update(bool active, DecoderSink& sink) {
    if (active == active_) return;
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
  bool active_ = false;
};

}  // namespace vigil::protocols

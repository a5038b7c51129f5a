#pragma once
// Conditions a device (or its link) reports: sensor off, disconnected, low battery, NIBP failed...

#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::core {

enum class DeviceConditionKind : std::uint8_t {
  sensor_off,    // finger out / sensor off the patient
  sensor_fault,  // probe error, defective, incompatible or unrecognised sensor
  disconnected,  // the serial link is gone
  connected,     // the serial link came (back)
  no_data,       // no valid frame for the silence limit
  low_battery,
  nibp_failed,       // detail names the device's error
  nibp_done,         // an NIBP measurement completed
  device_alarm,      // the device reports an alarm of its own; detail names it
  recording_behind,  // the recorder dropped vitals
};

constexpr std::string_view device_condition_name(DeviceConditionKind v) {
  switch (v) {
    case DeviceConditionKind::sensor_off:
      return "sensor_off";
    case DeviceConditionKind::sensor_fault:
      return "sensor_fault";
    case DeviceConditionKind::disconnected:
      return "disconnected";
    case DeviceConditionKind::connected:
      return "connected";
    case DeviceConditionKind::no_data:
      return "no_data";
    case DeviceConditionKind::low_battery:
      return "low_battery";
    case DeviceConditionKind::nibp_failed:
      return "nibp_failed";
    case DeviceConditionKind::nibp_done:
      return "nibp_done";
    case DeviceConditionKind::device_alarm:
      return "device_alarm";
    case DeviceConditionKind::recording_behind:
      return "recording_behind";
  }
  return {};
}
constexpr std::string_view enum_name(DeviceConditionKind v) { return device_condition_name(v); }
inline constexpr std::size_t device_condition_kind_count = core::enum_count<DeviceConditionKind>();
constexpr std::optional<DeviceConditionKind> device_condition_from_name(std::string_view name) {
  return core::enum_from_name<DeviceConditionKind>(name);
}

struct DeviceCondition {
  DeviceConditionKind kind = DeviceConditionKind::no_data;
  bool active = true;  // false when the condition ends
  // Static text (e.g. "loose cuff" for an NIBP error); decoders point it at string literals so
  // no allocation happens on the hot path.
  std::string_view detail;
  std::optional<int> code;  // the device's own numeric code, where it has one
  DeviceId device = 0;
  SteadyTime steady_time{};
  UtcTime utc_time{};
};

}  // namespace vigil::core

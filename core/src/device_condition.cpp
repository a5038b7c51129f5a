#include "vigil/core/device_condition.hpp"

#include <array>

namespace vigil::core {
namespace {
constexpr std::array<std::string_view, device_condition_kind_count> kNames{
    "sensor_off",  "sensor_fault", "disconnected", "connected",    "no_data",
    "low_battery", "nibp_failed",  "nibp_done",    "device_alarm", "recording_behind",
};
}  // namespace

std::string_view device_condition_name(DeviceConditionKind k) {
  return kNames[static_cast<std::size_t>(k)];
}

std::optional<DeviceConditionKind> device_condition_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<DeviceConditionKind>(i);
  }
  return std::nullopt;
}

}  // namespace vigil::core

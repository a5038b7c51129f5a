#pragma once
// One blood-pressure measurement charted in a session, from the NIBP device or entered by hand.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::core {

enum class BpSource : std::uint8_t {
  device,  // an NIBP measurement Vigil received from a monitor
  manual,  // entered by a nurse (e.g. a manual cuff), with the time it was taken
};

// "device", "manual"
constexpr std::string_view bp_source_name(BpSource v) {
  switch (v) {
    case BpSource::device:
      return "device";
    case BpSource::manual:
      return "manual";
  }
  return {};
}
constexpr std::string_view enum_name(BpSource v) { return bp_source_name(v); }

struct BpReading {
  double systolic_mmhg = 0;
  double diastolic_mmhg = 0;
  UtcTime time{};  // when the measurement was taken (UTC, as charted)
  BpSource source = BpSource::device;
};

// Checks a BP reading entered by hand or decoded: positive values inside the NIBP channels'
// valid ranges and systolic above diastolic. Returns a message naming the field, or nullopt.
std::optional<std::string> check_bp_reading(const BpReading& bp);

}  // namespace vigil::core

#pragma once
// A completed NIBP measurement from a device, put together from the readings its decoder emits
// one channel at a time (systolic, diastolic, mean, each stamped with the frame's arrival time).
// The station records each one as the session's BP observation (source: device) at once, so
// the checkpoint it falls in is met without anyone copying numbers (docs/clinical.md).
//
// A measurement is complete when systolic, diastolic and mean of one frame (same device, same
// arrival time) are all present and none is doubtful (core::doubtful_value_flags: calibrating,
// stale, artifact, ...) or still measuring. Some monitors (GE S/5) repeat their last measurement in
// every frame until the next one: the same three numbers from the same device within kRepeatWindow
// of the last one recorded are that measurement again, not a new one.

#include <chrono>
#include <map>
#include <optional>

#include "vigil/core/reading.hpp"

namespace vigil::station {

struct NibpMeasurement {
  core::DeviceId device = 0;
  core::UtcTime at{};
  double systolic_mmhg = 0;
  double diastolic_mmhg = 0;
  double mean_mmhg = 0;
};

class NibpMeasurementAssembler {
 public:
  static constexpr std::chrono::minutes kRepeatWindow{10};

  // Feed every reading; returns the measurement the reading completes, if any.
  std::optional<NibpMeasurement> add(const core::Reading& reading);
  void reset() { devices_.clear(); }

 private:
  struct Pending {
    core::UtcTime at{};
    std::optional<double> systolic, diastolic, mean;
    bool doubtful = false;
    std::optional<NibpMeasurement> last;  // the last one completed from this device
  };
  std::map<core::DeviceId, Pending> devices_;
};

}  // namespace vigil::station

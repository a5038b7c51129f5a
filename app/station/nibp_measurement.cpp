#include "nibp_measurement.hpp"

namespace vigil::station {
namespace {

bool same_numbers(const NibpMeasurement& a, const NibpMeasurement& b) {
  return a.systolic_mmhg == b.systolic_mmhg && a.diastolic_mmhg == b.diastolic_mmhg &&
         a.mean_mmhg == b.mean_mmhg;
}

}  // namespace

std::optional<NibpMeasurement> NibpMeasurementAssembler::add(const core::Reading& r) {
  std::optional<double>* slot = nullptr;
  Pending& p = devices_[r.device];
  switch (r.channel) {
    case core::Channel::nibp_systolic:
      slot = &p.systolic;
      break;
    case core::Channel::nibp_diastolic:
      slot = &p.diastolic;
      break;
    case core::Channel::nibp_mean:
      slot = &p.mean;
      break;
    default:
      return std::nullopt;
  }
  if (r.utc_time != p.at) {  // a new frame: what the last one left incomplete is dropped
    p.at = r.utc_time;
    p.systolic.reset();
    p.diastolic.reset();
    p.mean.reset();
    p.doubtful = false;
  }
  *slot = r.value;
  p.doubtful = p.doubtful || (r.flags.bits() & core::doubtful_value_flags().bits()) != 0 ||
               r.flags.has(core::ReadingFlag::measuring);
  if (!p.systolic || !p.diastolic || !p.mean || p.doubtful) return std::nullopt;
  NibpMeasurement m{r.device, p.at, *p.systolic, *p.diastolic, *p.mean};
  p.systolic.reset();  // complete: later readings of this frame start nothing
  p.diastolic.reset();
  p.mean.reset();
  if (p.last && same_numbers(*p.last, m) && m.at - p.last->at < kRepeatWindow) {
    return std::nullopt;
  }
  p.last = m;
  return m;
}

}  // namespace vigil::station

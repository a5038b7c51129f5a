#pragma once
// Constructors of the per-protocol device models (one file each). Internal to the simulators.

#include <memory>

#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::drivers::sim {

// Seconds a SunTech measurement takes (scenario time); a failing one ends after inflation.
inline constexpr double kSunTechMeasurement_s = 30.0;
inline constexpr double kSunTechFailure_s = 8.0;
// Contec V7 stops streaming this long after the last keep-alive (or start) command.
inline constexpr double kContecV7KeepAliveTimeout_s = 30.0;
// Frame rates (per scenario second).
inline constexpr double kNoninFramesPerSecond = 75.0;
inline constexpr double kContecLegacyFramesPerSecond = 60.0;
inline constexpr double kContecV7FramesPerSecond = 60.0;

std::unique_ptr<DeviceModel> make_nonin_model(protocols::NoninFormat format);
std::unique_ptr<DeviceModel> make_contec_legacy_model();
std::unique_ptr<DeviceModel> make_contec_v7_model();
std::unique_ptr<DeviceModel> make_masimo_model(const DeviceModelOptions& options);
std::unique_ptr<DeviceModel> make_ge_s5_model(const DeviceModelOptions& options);
std::unique_ptr<DeviceModel> make_suntech_model(const DeviceModelOptions& options);

}  // namespace vigil::drivers::sim

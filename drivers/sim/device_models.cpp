// The simulated protocols by name.
#include <array>

#include "models.hpp"
#include "vigil/drivers/sim/device_model.hpp"

namespace vigil::drivers::sim {
namespace {
constexpr std::array<std::string_view, 8> kDevices = {"nonin-df2",     "nonin-df7", "nonin-df8",
                                                      "contec-legacy", "contec-v7", "masimo-ascii",
                                                      "ge-s5",         "suntech"};
}  // namespace

std::span<const std::string_view> simulated_device_names() { return kDevices; }

std::unique_ptr<DeviceModel> make_device_model(std::string_view protocol,
                                               const DeviceModelOptions& options) {
  using protocols::NoninFormat;
  if (protocol == "nonin-df2") return make_nonin_model(NoninFormat::df2);
  if (protocol == "nonin-df7") return make_nonin_model(NoninFormat::df7);
  if (protocol == "nonin-df8") return make_nonin_model(NoninFormat::df8);
  if (protocol == "contec-legacy") return make_contec_legacy_model();
  if (protocol == "contec-v7") return make_contec_v7_model();
  if (protocol == "masimo-ascii") return make_masimo_model(options);
  if (protocol == "ge-s5") return make_ge_s5_model(options);
  if (protocol == "suntech") return make_suntech_model(options);
  return nullptr;
}

}  // namespace vigil::drivers::sim

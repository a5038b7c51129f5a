// The simulator part of a protocol's row (see protocol_family.hpp): one model per family.
#include "models.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::drivers::sim {

std::span<const std::string_view> simulated_device_names() { return protocols::protocol_names(); }

// No default: a new family without a simulator model does not build.
std::unique_ptr<DeviceModel> make_device_model(protocols::ProtocolFamily family,
                                               const DeviceModelOptions& options) {
  using protocols::NoninFormat;
  using protocols::ProtocolFamily;
  switch (family) {
    case ProtocolFamily::nonin_df2:
      return make_nonin_model(NoninFormat::df2);
    case ProtocolFamily::nonin_df7:
      return make_nonin_model(NoninFormat::df7);
    case ProtocolFamily::nonin_df8:
      return make_nonin_model(NoninFormat::df8);
    case ProtocolFamily::contec_legacy:
      return make_contec_legacy_model();
    case ProtocolFamily::contec_v7:
      return make_contec_v7_model();
    case ProtocolFamily::masimo_ascii:
      return make_masimo_model(options);
    case ProtocolFamily::ge_s5:
      return make_ge_s5_model(options);
    case ProtocolFamily::suntech:
      return make_suntech_model(options);
  }
  return nullptr;
}

std::unique_ptr<DeviceModel> make_device_model(std::string_view protocol,
                                               const DeviceModelOptions& options) {
  const auto family = protocols::protocol_from_name(protocol);
  return family ? make_device_model(*family, options) : nullptr;
}

}  // namespace vigil::drivers::sim

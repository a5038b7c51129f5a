#include "vigil/protocols/registry.hpp"

#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/ge_s5.hpp"
#include "vigil/protocols/masimo.hpp"
#include "vigil/protocols/nonin.hpp"
#include "vigil/protocols/suntech.hpp"

namespace vigil::protocols {

std::span<const std::string_view> protocol_names() { return core::enum_names<ProtocolFamily>; }

// The decoder part of a protocol's row (see protocol_family.hpp); no default, so a new family
// without a decoder does not build.
std::unique_ptr<Decoder> make_decoder(ProtocolFamily family) {
  switch (family) {
    case ProtocolFamily::nonin_df2:
      return std::make_unique<NoninDecoder>(NoninFormat::df2);
    case ProtocolFamily::nonin_df7:
      return std::make_unique<NoninDecoder>(NoninFormat::df7);
    case ProtocolFamily::nonin_df8:
      return std::make_unique<NoninDecoder>(NoninFormat::df8);
    case ProtocolFamily::contec_legacy:
      return std::make_unique<ContecLegacyDecoder>();
    case ProtocolFamily::contec_v7:
      return std::make_unique<ContecV7Decoder>();
    case ProtocolFamily::masimo_ascii:
      return std::make_unique<MasimoAsciiDecoder>();
    case ProtocolFamily::ge_s5:
      return std::make_unique<GeS5Decoder>();
    case ProtocolFamily::suntech:
      return std::make_unique<SunTechDecoder>();
  }
  return nullptr;
}

std::unique_ptr<Decoder> make_decoder(std::string_view name) {
  const auto family = protocol_from_name(name);
  return family ? make_decoder(*family) : nullptr;
}

}  // namespace vigil::protocols

#include "vigil/protocols/registry.hpp"

#include <array>

#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/ge_s5.hpp"
#include "vigil/protocols/masimo.hpp"
#include "vigil/protocols/nonin.hpp"
#include "vigil/protocols/suntech.hpp"

namespace vigil::protocols {
namespace {
constexpr std::array<std::string_view, 8> kNames{
    "nonin-df2", "nonin-df7",    "nonin-df8", "contec-legacy",
    "contec-v7", "masimo-ascii", "ge-s5",     "suntech",
};
}  // namespace

std::span<const std::string_view> protocol_names() { return kNames; }

std::unique_ptr<Decoder> make_decoder(std::string_view name) {
  if (name == "nonin-df2") return std::make_unique<NoninDecoder>(NoninFormat::df2);
  if (name == "nonin-df7") return std::make_unique<NoninDecoder>(NoninFormat::df7);
  if (name == "nonin-df8") return std::make_unique<NoninDecoder>(NoninFormat::df8);
  if (name == "contec-legacy") return std::make_unique<ContecLegacyDecoder>();
  if (name == "contec-v7") return std::make_unique<ContecV7Decoder>();
  if (name == "masimo-ascii") return std::make_unique<MasimoAsciiDecoder>();
  if (name == "ge-s5") return std::make_unique<GeS5Decoder>();
  if (name == "suntech") return std::make_unique<SunTechDecoder>();
  return nullptr;
}

}  // namespace vigil::protocols

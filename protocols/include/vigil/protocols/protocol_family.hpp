#pragma once
// The device protocol families Vigil speaks, with their command-line names.
//
// This enum and protocol_name() are THE list of protocols: the only place a protocol name is
// written. Each layer keeps its part of a protocol's row keyed by ProtocolFamily, so the layers
// keep their dependency rules (protocols knows no serial lines, drivers no simulators):
//   protocols/src/registry.cpp             name -> decoder factory      (switch, no default)
//   drivers/src/protocol_table.cpp         line settings, handshake / keep-alive / polling,
//                                          silence limit                (one row per family)
//   drivers/sim/src/device_models.cpp      simulator model factory      (switch, no default)
// The switches fail the build (-Werror=switch) and the drivers table fails a static_assert
// when a family has no row, or rows are out of order; tests/drivers/protocol_table_test.cpp
// checks that all parts exist and agree for every family. Adding a device: one enumerator and
// name here, its codec, and one row / case in each of the three places above.

#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::protocols {

enum class ProtocolFamily : std::uint8_t {
  nonin_df2,
  nonin_df7,
  nonin_df8,
  contec_legacy,
  contec_v7,
  masimo_ascii,
  ge_s5,
  suntech,
};

constexpr std::string_view protocol_name(ProtocolFamily f) {
  switch (f) {
    case ProtocolFamily::nonin_df2:
      return "nonin-df2";
    case ProtocolFamily::nonin_df7:
      return "nonin-df7";
    case ProtocolFamily::nonin_df8:
      return "nonin-df8";
    case ProtocolFamily::contec_legacy:
      return "contec-legacy";
    case ProtocolFamily::contec_v7:
      return "contec-v7";
    case ProtocolFamily::masimo_ascii:
      return "masimo-ascii";
    case ProtocolFamily::ge_s5:
      return "ge-s5";
    case ProtocolFamily::suntech:
      return "suntech";
  }
  return {};
}
constexpr std::string_view enum_name(ProtocolFamily f) { return protocol_name(f); }

// Every family, in the stable order of the enum (the order of help texts and lists).
inline constexpr const auto& kProtocolFamilies = core::enum_values<ProtocolFamily>;

// The family for a command-line name; nullopt for a name Vigil does not speak.
constexpr std::optional<ProtocolFamily> protocol_from_name(std::string_view name) {
  return core::enum_from_name<ProtocolFamily>(name);
}

}  // namespace vigil::protocols

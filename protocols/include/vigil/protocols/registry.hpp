#pragma once
// Decoders by protocol family or by command-line name ("nonin-df2", "ge-s5", ...).

#include <memory>
#include <span>
#include <string_view>

#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/protocol_family.hpp"

namespace vigil::protocols {

// Every protocol name Vigil decodes, in a stable order (that of ProtocolFamily).
std::span<const std::string_view> protocol_names();

// A fresh decoder for the family; every family has one.
std::unique_ptr<Decoder> make_decoder(ProtocolFamily family);

// A fresh decoder for `name`, or nullptr when the name is unknown.
std::unique_ptr<Decoder> make_decoder(std::string_view name);

}  // namespace vigil::protocols

#pragma once
// The integer code that stores a core::Channel in the vitals tables (schema version 2, table
// `channels`). A code is stable forever: it never follows a later change of core's enum order
// or of core's MDC table. Codes are the IEEE 11073-10101 (MDC) code core listed for the channel
// at schema version 2; channels without one have a Vigil code below 1000. Codes 1000-65535 are
// local to one file (channel names an older file held that this version does not know). A new
// core channel needs a code here, a row in `channels` (a new migration) and a line in
// docs/database.md.

#include <cstdint>
#include <optional>

#include "vigil/core/channel.hpp"

namespace vigil::db {

std::int32_t channel_code(core::Channel c);

// nullopt for a code no core channel has (e.g. a file-local one).
std::optional<core::Channel> channel_from_code(std::int64_t code);

}  // namespace vigil::db

#include "vigil/db/channel_code.hpp"

#include <array>

namespace vigil::db {
namespace {

using core::Channel;

struct Code {
  Channel channel;
  std::int32_t code;
};

// Never change a code: files hold them. The same rows are in migration 2 (schema_migrations.cpp)
// and tests/db/channel_code_test.cpp pins both.
constexpr std::array<Code, core::channel_count> kCodes{{
    {Channel::spo2, 150456},
    {Channel::pulse_rate, 149530},
    {Channel::pleth, 150452},
    {Channel::perfusion_index, 150448},
    {Channel::spco, 1},
    {Channel::spmet, 2},
    {Channel::pvi, 3},
    {Channel::nibp_systolic, 150021},
    {Channel::nibp_diastolic, 150022},
    {Channel::nibp_mean, 150023},
    {Channel::nibp_pulse_rate, 149546},
    {Channel::cuff_pressure, 150300},
}};

constexpr bool indexed_by_channel() {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (static_cast<std::size_t>(kCodes[i].channel) != i) return false;
  }
  return true;
}
static_assert(indexed_by_channel(), "kCodes must list every core channel in enum order");

}  // namespace

std::int32_t channel_code(Channel c) { return kCodes[static_cast<std::size_t>(c)].code; }

std::optional<Channel> channel_from_code(std::int64_t code) {
  for (const auto& c : kCodes) {
    if (c.code == code) return c.channel;
  }
  return std::nullopt;
}

}  // namespace vigil::db

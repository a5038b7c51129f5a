// Stable names for alarm conditions and events (logs, JSON, the database).
#include "vigil/core/alarm_condition.hpp"

#include <array>
#include <string>

#include "vigil/core/alarm_event.hpp"

namespace vigil::core {
namespace {

// "<channel>_low", "<channel>_high", "<channel>_rise" for every channel, built once.
struct LimitNames {
  std::array<std::array<std::string, 3>, channel_count> names;
  LimitNames() {
    for (std::size_t c = 0; c < channel_count; ++c) {
      const std::string base(channel_name(static_cast<Channel>(c)));
      names[c] = {base + "_low", base + "_high", base + "_rise"};
    }
  }
};

const LimitNames& limit_names() {
  static const LimitNames names;
  return names;
}

}  // namespace

std::string_view alarm_condition_name(const AlarmConditionId& id) {
  const auto c = static_cast<std::size_t>(id.channel);
  switch (id.kind) {
    case AlarmConditionKind::none:
      return "alarm_system";
    case AlarmConditionKind::limit:
      return limit_names().names[c][id.side == LimitSide::low ? 0 : 1];
    case AlarmConditionKind::nibp_rise:
      return limit_names().names[c][2];
    case AlarmConditionKind::technical:
      return technical_condition_name(id.technical);
    case AlarmConditionKind::channel:
      return channel_name(id.channel);
  }
  return "unknown";
}

}  // namespace vigil::core

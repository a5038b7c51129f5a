#include "alarm_event_text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace vigil::station {
namespace {

std::string number(double v) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%g", v);
  return buf.data();
}

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string with_spaces(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

}  // namespace

std::string limit_text(core::Channel channel, const core::AlarmLimit& limit) {
  std::string unit(core::channel_unit(channel));
  return std::string(core::channel_name(channel)) + " " +
         with_spaces(core::limit_comparison_name(limit.comparison)) + " " +
         number(limit.threshold) + (unit.empty() ? "" : " " + unit);
}

std::string alarm_event_text(const core::AlarmEvent& e) {
  std::string out(core::alarm_event_kind_name(e.kind));
  if (e.priority) out += " " + upper(core::alarm_priority_name(*e.priority));
  if (e.previous_priority) {
    out += " (was " + upper(core::alarm_priority_name(*e.previous_priority)) + ")";
  }
  if (e.condition.kind != core::AlarmConditionKind::none) {
    out += " " + std::string(core::alarm_condition_name(e.condition));
  }
  const core::Channel channel = e.condition.channel;
  if (e.value) {
    std::string unit(core::channel_unit(channel));
    out += ": " + std::string(core::channel_name(channel)) + " " + number(*e.value) +
           (unit.empty() ? "" : " " + unit);
  }
  if (e.limit) out += " (limit " + limit_text(channel, *e.limit) + ")";
  if (e.device != 0) out += " (device " + std::to_string(e.device) + ")";
  if (!e.detail.empty()) out += " - " + std::string(e.detail);
  if (!e.who.empty()) out += " by " + std::string(e.who);
  return out;
}

}  // namespace vigil::station

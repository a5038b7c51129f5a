#pragma once
// One line of plain text per alarm event, for the headless monitor, the demo and logs:
//   "raised HIGH spo2_low: spo2 84 % (limit spo2 at or below 85 %) (device 1)"
//   "raised MEDIUM disconnected (device 2)"
//   "acknowledged MEDIUM spo2_low by nurse"

#include <string>

#include "vigil/core/alarm_event.hpp"

namespace vigil::station {

std::string alarm_event_text(const core::AlarmEvent& e);
// "spo2 below 90 %": the limit in force as the database keeps it.
std::string limit_text(core::Channel channel, const core::AlarmLimit& limit);

}  // namespace vigil::station

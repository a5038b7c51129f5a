#pragma once
// Screen text for alarm conditions: "!! SpO2 LOW 87 < 90 %", "!! Oximeter: sensor off".
// The "!!!" / "!!" / "!" prefix is the IEC 60601-1-8 priority marker, so the priority reads
// without colour too.

#include <QString>
#include <chrono>

#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/channel.hpp"

namespace vigil::gui {

QString channelLabel(core::Channel c);              // "SpO2", "Pulse rate", "NIBP sys"
QString priorityMarker(core::AlarmPriority p);      // "!!!", "!!", "!"
QString comparisonSymbol(core::LimitComparison c);  // "<", "≤", ">", "≥"
// `device_name` names the device of a technical condition (empty: "device N").
QString describeCondition(const core::AnnunciatedCondition& c, const QString& device_name = {});
// m:ss, rounded up to the second: 120000 ms -> "2:00", 119001 ms -> "2:00", 119000 -> "1:59".
QString countdownText(std::chrono::milliseconds remaining);

}  // namespace vigil::gui

#pragma once
// Screen colours in one place: every parameter keeps its colour on tiles, waveform and trends,
// and alarm colours follow IEC 60601-1-8 (high red, medium yellow, low cyan).

#include <QColor>
#include <optional>

#include "vigil/core/alarm_profile.hpp"

namespace vigil::gui::colours {

inline QColor spo2() { return {0, 190, 255}; }         // cyan-blue: SpO2, pleth, PI
inline QColor pulseRate() { return {0, 230, 0}; }      // green
inline QColor nibp() { return {255, 255, 255}; }       // white
inline QColor perfusion() { return {120, 215, 255}; }  // lighter SpO2 family
inline QColor background() { return {0, 0, 0}; }
inline QColor panel() { return {24, 24, 28}; }
inline QColor dimText() { return {170, 170, 170}; }
inline QColor technical() { return {255, 160, 0}; }  // technical indicators (no audio, ...)

inline QColor alarmHigh() { return {230, 0, 0}; }
inline QColor alarmMedium() { return {255, 220, 0}; }
inline QColor alarmLow() { return {0, 230, 230}; }

inline QColor alarm(core::AlarmPriority p) {
  switch (p) {
    case core::AlarmPriority::high:
      return alarmHigh();
    case core::AlarmPriority::medium:
      return alarmMedium();
    case core::AlarmPriority::low:
      return alarmLow();
  }
  return alarmLow();
}

// Text drawn on an alarm colour: black on yellow and cyan, white on red.
inline QColor onAlarm(core::AlarmPriority p) {
  return p == core::AlarmPriority::high ? QColor(255, 255, 255) : QColor(0, 0, 0);
}

}  // namespace vigil::gui::colours

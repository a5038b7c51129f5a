#include "vigil/core/reading_flags.hpp"

#include <array>

namespace vigil::core {

std::string_view reading_flag_name(ReadingFlag f) {
  static constexpr std::array<std::string_view, reading_flag_count> kNames{
      "sensor_off",
      "sensor_disconnected",
      "sensor_fault",
      "searching",
      "searching_too_long",
      "artifact",
      "out_of_track",
      "low_perfusion",
      "interference",
      "low_signal_quality",
      "spo2_dropping",
      "pulse_beep",
      "smartpoint",
      "device_alarm",
      "device_alarm_silenced",
      "stale",
      "measuring",
      "calibrating",
      "value_out_of_range",
  };
  return kNames[static_cast<std::size_t>(f)];
}

}  // namespace vigil::core

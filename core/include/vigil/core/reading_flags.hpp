#pragma once
// Named status flags a device attaches to a frame (sensor off, searching, artifact, ...).

#include <cstdint>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::core {

enum class ReadingFlag : std::uint8_t {
  sensor_off,           // finger out / sensor alarm (Nonin SNSA, Masimo sensor off)
  sensor_disconnected,  // sensor cable unplugged (Nonin OEM III SNSD, Masimo no cable)
  sensor_fault,         // probe error, defective or incompatible sensor
  searching,            // pulse search in progress
  searching_too_long,   // pulse search has lasted too long
  artifact,             // motion or other artifact
  out_of_track,         // Nonin OOT: the reading is not trustworthy
  low_perfusion,        // weak pulse signal
  interference,         // ambient light or electrical interference
  low_signal_quality,   // Masimo low SIQ, Contec signal strength 0
  spo2_dropping,        // Contec "SpO2 dropping" bit
  pulse_beep,           // a pulse beat was detected on this frame
  smartpoint,           // Nonin SmartPoint: a high-quality reading
  device_alarm,         // the device itself is alarming
  device_alarm_silenced,
  stale,      // value older than the device's freshness window (GE: > 60 s)
  measuring,  // NIBP measurement in progress
  calibrating,
  value_out_of_range,  // device reports under/over range
};

constexpr std::string_view reading_flag_name(ReadingFlag v) {
  switch (v) {
    case ReadingFlag::sensor_off:
      return "sensor_off";
    case ReadingFlag::sensor_disconnected:
      return "sensor_disconnected";
    case ReadingFlag::sensor_fault:
      return "sensor_fault";
    case ReadingFlag::searching:
      return "searching";
    case ReadingFlag::searching_too_long:
      return "searching_too_long";
    case ReadingFlag::artifact:
      return "artifact";
    case ReadingFlag::out_of_track:
      return "out_of_track";
    case ReadingFlag::low_perfusion:
      return "low_perfusion";
    case ReadingFlag::interference:
      return "interference";
    case ReadingFlag::low_signal_quality:
      return "low_signal_quality";
    case ReadingFlag::spo2_dropping:
      return "spo2_dropping";
    case ReadingFlag::pulse_beep:
      return "pulse_beep";
    case ReadingFlag::smartpoint:
      return "smartpoint";
    case ReadingFlag::device_alarm:
      return "device_alarm";
    case ReadingFlag::device_alarm_silenced:
      return "device_alarm_silenced";
    case ReadingFlag::stale:
      return "stale";
    case ReadingFlag::measuring:
      return "measuring";
    case ReadingFlag::calibrating:
      return "calibrating";
    case ReadingFlag::value_out_of_range:
      return "value_out_of_range";
  }
  return {};
}
constexpr std::string_view enum_name(ReadingFlag v) { return reading_flag_name(v); }
inline constexpr std::size_t reading_flag_count = core::enum_count<ReadingFlag>();

// A small bit set of ReadingFlag; trivially copyable, no allocation.
class ReadingFlags {
 public:
  constexpr ReadingFlags() = default;
  constexpr bool has(ReadingFlag f) const { return (bits_ & mask(f)) != 0; }
  constexpr ReadingFlags& set(ReadingFlag f, bool on = true) {
    bits_ = on ? (bits_ | mask(f)) : (bits_ & ~mask(f));
    return *this;
  }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint32_t bits() const { return bits_; }
  static constexpr ReadingFlags from_bits(std::uint32_t b) {
    ReadingFlags f;
    f.bits_ = b;
    return f;
  }
  friend constexpr bool operator==(ReadingFlags, ReadingFlags) = default;

  // Calls fn(ReadingFlag) for each set flag in declaration order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (std::size_t i = 0; i < reading_flag_count; ++i) {
      if (bits_ & (1u << i)) fn(static_cast<ReadingFlag>(i));
    }
  }

 private:
  static constexpr std::uint32_t mask(ReadingFlag f) { return 1u << static_cast<unsigned>(f); }
  std::uint32_t bits_ = 0;
};

// The flags that make a value doubtful: the device says the sensor is off, faulty or searching,
// the signal is disturbed or weak, or the value is stale, calibrating or out of its range. A
// decision taken on one recorded value (discharge readiness) skips values carrying any of them;
// the alarm engine, which must not miss a real low, only skips values without a sensor.
inline constexpr ReadingFlags doubtful_value_flags() {
  ReadingFlags f;
  for (const ReadingFlag doubtful :
       {ReadingFlag::sensor_off, ReadingFlag::sensor_disconnected, ReadingFlag::sensor_fault,
        ReadingFlag::searching, ReadingFlag::searching_too_long, ReadingFlag::artifact,
        ReadingFlag::out_of_track, ReadingFlag::low_perfusion, ReadingFlag::interference,
        ReadingFlag::low_signal_quality, ReadingFlag::stale, ReadingFlag::calibrating,
        ReadingFlag::value_out_of_range}) {
    f.set(doubtful);
  }
  return f;
}

}  // namespace vigil::core

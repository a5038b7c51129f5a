#pragma once
// One value from one device channel, as it flows from a decoder to the alarm engine and recorder.

#include <chrono>
#include <cstdint>
#include <optional>

#include "vigil/core/channel.hpp"
#include "vigil/core/reading_flags.hpp"

namespace vigil::core {

using SteadyTime = std::chrono::steady_clock::time_point;  // for delays and ordering
using UtcTime = std::chrono::system_clock::time_point;     // for records
using DeviceId = std::uint16_t;

struct Reading {
  Channel channel = Channel::spo2;
  // Absent when the device reports the value as unavailable (never a stand-in number).
  // Unit: channel_unit(channel).
  std::optional<double> value;
  ReadingFlags flags;
  DeviceId device = 0;
  SteadyTime steady_time{};  // stamped by the driver on arrival; decoders leave it empty
  UtcTime utc_time{};        // stamped by the driver on arrival; decoders leave it empty
  // The device's own clock (seconds since the Unix epoch) where the protocol carries one.
  std::optional<std::int64_t> device_time_s;
};

}  // namespace vigil::core

#pragma once
// The physiological channels Vigil knows, with units, valid ranges and standard codes.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "vigil/core/enum_names.hpp"

namespace vigil::core {

enum class Channel : std::uint8_t {
  spo2,             // %
  pulse_rate,       // bpm, from the oximeter
  pleth,            // unitless waveform sample (device scale)
  perfusion_index,  // %
  spco,             // %
  spmet,            // %
  pvi,              // %
  nibp_systolic,    // mmHg
  nibp_diastolic,   // mmHg
  nibp_mean,        // mmHg
  nibp_pulse_rate,  // bpm, from the NIBP module
  cuff_pressure,    // mmHg, while a measurement runs
};

struct ChannelInfo {
  Channel channel;
  std::string_view name;  // channel_name(channel): the identifier in files, JSON and the database
  std::string_view unit;  // UCUM-style unit text
  double min_valid;       // physiological/device range; values outside are rejected
  double max_valid;
  std::uint32_t mdc_code;  // IEEE 11073-10101 context-free code; 0 where none is assigned
  std::string_view loinc;  // LOINC code; empty where none is assigned
};

const ChannelInfo& channel_info(Channel c);
constexpr std::string_view channel_name(Channel v) {
  switch (v) {
    case Channel::spo2:
      return "spo2";
    case Channel::pulse_rate:
      return "pulse_rate";
    case Channel::pleth:
      return "pleth";
    case Channel::perfusion_index:
      return "perfusion_index";
    case Channel::spco:
      return "spco";
    case Channel::spmet:
      return "spmet";
    case Channel::pvi:
      return "pvi";
    case Channel::nibp_systolic:
      return "nibp_systolic";
    case Channel::nibp_diastolic:
      return "nibp_diastolic";
    case Channel::nibp_mean:
      return "nibp_mean";
    case Channel::nibp_pulse_rate:
      return "nibp_pulse_rate";
    case Channel::cuff_pressure:
      return "cuff_pressure";
  }
  return {};
}
constexpr std::string_view enum_name(Channel v) { return channel_name(v); }
inline constexpr std::size_t channel_count = core::enum_count<Channel>();
constexpr std::optional<Channel> channel_from_name(std::string_view name) {
  return core::enum_from_name<Channel>(name);
}
std::string_view channel_unit(Channel c);
const std::array<ChannelInfo, channel_count>& all_channels();

}  // namespace vigil::core

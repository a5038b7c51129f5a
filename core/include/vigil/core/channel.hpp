#pragma once
// The physiological channels Vigil knows, with units, valid ranges and standard codes.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

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

inline constexpr std::size_t channel_count = 12;

struct ChannelInfo {
  Channel channel;
  std::string_view name;  // stable identifier used in files, JSON and the database
  std::string_view unit;  // UCUM-style unit text
  double min_valid;       // physiological/device range; values outside are rejected
  double max_valid;
  std::uint32_t mdc_code;  // IEEE 11073-10101 context-free code; 0 where none is assigned
  std::string_view loinc;  // LOINC code; empty where none is assigned
};

const ChannelInfo& channel_info(Channel c);
std::string_view channel_name(Channel c);
std::string_view channel_unit(Channel c);
std::optional<Channel> channel_from_name(std::string_view name);
const std::array<ChannelInfo, channel_count>& all_channels();

}  // namespace vigil::core

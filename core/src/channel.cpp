#include "vigil/core/channel.hpp"

namespace vigil::core {
namespace {

// IEEE 11073-10101 codes are context-free (partition 2, SCADA: 2 << 16 | term code).
// Sources: the ISO/IEEE 11073-10101 nomenclature as used by HL7 FHIR vital-signs examples
// (urn:iso:std:iso:11073:10101#150456 for SpO2) and the Rosetta Terminology Mapping tables.
// LOINC codes: loinc.org (59408-5 SpO2 by pulse oximetry, 8889-8 pulse rate by pulse
// oximetry, 8480-6 / 8462-4 / 8478-0 systolic / diastolic / mean blood pressure, 8867-4 heart
// rate). Perfusion index, SpCO, SpMet, PVI and cuff pressure have no code here yet: the
// core issue verifies and completes this table.
constexpr std::array<ChannelInfo, channel_count> kChannels{{
    {Channel::spo2, "spo2", "%", 0, 100, 150456, "59408-5"},
    {Channel::pulse_rate, "pulse_rate", "bpm", 0, 350, 149530, "8889-8"},
    {Channel::pleth, "pleth", "1", 0, 65535, 150452, ""},
    {Channel::perfusion_index, "perfusion_index", "%", 0, 100, 150488, ""},
    {Channel::spco, "spco", "%", 0, 100, 0, ""},
    {Channel::spmet, "spmet", "%", 0, 100, 0, ""},
    {Channel::pvi, "pvi", "%", 0, 100, 0, ""},
    {Channel::nibp_systolic, "nibp_systolic", "mmHg", 0, 300, 150021, "8480-6"},
    {Channel::nibp_diastolic, "nibp_diastolic", "mmHg", 0, 300, 150022, "8462-4"},
    {Channel::nibp_mean, "nibp_mean", "mmHg", 0, 300, 150023, "8478-0"},
    {Channel::nibp_pulse_rate, "nibp_pulse_rate", "bpm", 0, 350, 149546, "8867-4"},
    {Channel::cuff_pressure, "cuff_pressure", "mmHg", 0, 350, 0, ""},
}};

}  // namespace

const std::array<ChannelInfo, channel_count>& all_channels() { return kChannels; }

const ChannelInfo& channel_info(Channel c) { return kChannels[static_cast<std::size_t>(c)]; }

std::string_view channel_name(Channel c) { return channel_info(c).name; }

std::string_view channel_unit(Channel c) { return channel_info(c).unit; }

std::optional<Channel> channel_from_name(std::string_view name) {
  for (const auto& info : kChannels) {
    if (info.name == name) return info.channel;
  }
  return std::nullopt;
}

}  // namespace vigil::core

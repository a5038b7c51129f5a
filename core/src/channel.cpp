#include "vigil/core/channel.hpp"

namespace vigil::core {
namespace {

// IEEE 11073-10101 codes are context-free (partition 2, SCADA: 2 << 16 | term code).
// Sources: the ISO/IEEE 11073-10101 nomenclature as used by HL7 FHIR vital-signs examples
// (urn:iso:std:iso:11073:10101#150456 for SpO2) and the Rosetta Terminology Mapping tables.
// LOINC codes: loinc.org (59408-5 SpO2 by pulse oximetry, 8889-8 pulse rate by pulse
// oximetry, 8480-6 / 8462-4 / 8478-0 systolic / diastolic / mean blood pressure, 8867-4 heart
// rate).
// Verified (term code -> 2 << 16 | term):
// - SpO2 150456 = MDC_PULS_OXIM_SAT_O2 and LOINC 59408-5: HL7 US Core pulse oximetry example,
//   https://hl7.org/fhir/us/core/Observation-satO2-fiO2.html ("ISO 11073-10101 ... #150456
//   MDC_PULS_OXIM_SAT_O2"; "LOINC#59408-5 Oxygen saturation in Arterial blood by Pulse
//   oximetry").
// - Public 11073 nomenclature tables (C headers, Java and C# Nomenclature classes) list the
//   term codes MDC_PULS_OXIM_PULS_RATE 18458 (149530), MDC_PULS_RATE_NON_INV 18474 (149546),
//   MDC_PRESS_BLD_NONINV_SYS/DIA/MEAN 18949/18950/18951 (150021/150022/150023),
//   MDC_PULS_OXIM_PLETH 19380 (150452), MDC_PULS_OXIM_SAT_O2 19384 (150456) and
//   MDC_PULS_OXIM_PERF_REL 19376, hence perfusion index 150448 (this table said 150488 before,
//   which matches no source). HL7 v2 OBX lines in public code carry
//   "150021^MDC_PRESS_BLD_NONINV_SYS^MDC" and "150022^MDC_PRESS_BLD_NONINV_DIA^MDC".
// - Cuff pressure: MDC_PRESS_CUFF term 19228 (with _SYS 19229, _DIA 19230, _MEAN 19231) in the
//   OpenICE/MD PnP DDS nomenclature header, consistent with HL7 v2 OBX lines
//   "150301^MDC_PRESS_CUFF_SYS^MDC" and "150303^MDC_PRESS_CUFF_MEAN^MDC"; hence 150300.
// Not assigned here (no source verified): a LOINC code for perfusion index or cuff pressure,
// and MDC / LOINC codes for SpCO, SpMet and PVI. Never fill these in without a source.
constexpr std::array<ChannelInfo, channel_count> kChannels{{
    {Channel::spo2, "spo2", "%", 0, 100, 150456, "59408-5"},
    {Channel::pulse_rate, "pulse_rate", "bpm", 0, 350, 149530, "8889-8"},
    {Channel::pleth, "pleth", "1", 0, 65535, 150452, ""},
    {Channel::perfusion_index, "perfusion_index", "%", 0, 100, 150448, ""},
    {Channel::spco, "spco", "%", 0, 100, 0, ""},
    {Channel::spmet, "spmet", "%", 0, 100, 0, ""},
    {Channel::pvi, "pvi", "%", 0, 100, 0, ""},
    {Channel::nibp_systolic, "nibp_systolic", "mmHg", 0, 300, 150021, "8480-6"},
    {Channel::nibp_diastolic, "nibp_diastolic", "mmHg", 0, 300, 150022, "8462-4"},
    {Channel::nibp_mean, "nibp_mean", "mmHg", 0, 300, 150023, "8478-0"},
    {Channel::nibp_pulse_rate, "nibp_pulse_rate", "bpm", 0, 350, 149546, "8867-4"},
    {Channel::cuff_pressure, "cuff_pressure", "mmHg", 0, 350, 150300, ""},
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

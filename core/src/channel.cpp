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
// The name comes from channel_name(), the one place it is written.
constexpr ChannelInfo row(Channel c, std::string_view unit, double min_valid, double max_valid,
                          std::uint32_t mdc_code, std::string_view loinc) {
  return {c, channel_name(c), unit, min_valid, max_valid, mdc_code, loinc};
}

constexpr std::array<ChannelInfo, channel_count> kChannels{{
    row(Channel::spo2, "%", 0, 100, 150456, "59408-5"),
    row(Channel::pulse_rate, "bpm", 0, 350, 149530, "8889-8"),
    row(Channel::pleth, "1", 0, 65535, 150452, ""),
    row(Channel::perfusion_index, "%", 0, 100, 150448, ""),
    row(Channel::spco, "%", 0, 100, 0, ""),
    row(Channel::spmet, "%", 0, 100, 0, ""),
    row(Channel::pvi, "%", 0, 100, 0, ""),
    row(Channel::nibp_systolic, "mmHg", 0, 300, 150021, "8480-6"),
    row(Channel::nibp_diastolic, "mmHg", 0, 300, 150022, "8462-4"),
    row(Channel::nibp_mean, "mmHg", 0, 300, 150023, "8478-0"),
    row(Channel::nibp_pulse_rate, "bpm", 0, 350, 149546, "8867-4"),
    row(Channel::cuff_pressure, "mmHg", 0, 350, 150300, ""),
}};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kChannels.size(); ++i) {
    if (kChannels[i].channel != enum_values<Channel>[i]) return false;
  }
  return true;
}
static_assert(table_in_enum_order(), "kChannels: one row per Channel, in enumerator order");

}  // namespace

const std::array<ChannelInfo, channel_count>& all_channels() { return kChannels; }

const ChannelInfo& channel_info(Channel c) { return kChannels[static_cast<std::size_t>(c)]; }

std::string_view channel_unit(Channel c) { return channel_info(c).unit; }

}  // namespace vigil::core

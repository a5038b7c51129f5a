#pragma once
// Internal: the pleth, pulse rate and SpO2 readings of one Contec live frame (legacy and V7),
// in that order, with the frame's flags. Each decoder resolves its own sentinels to absent
// first; an SpO2 above 100 is never passed on as a percentage: absent, flagged
// value_out_of_range. With `confirm` (live streams), pulse rate and SpO2 go out only once
// confirmed (no checksum: value_confirmation.hpp); the pleth is a waveform sample, passed on as
// it comes.

#include <optional>

#include "vigil/core/reading.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/value_confirmation.hpp"

namespace vigil::protocols {

inline void emit_contec_oximetry(DecoderSink& sink, const core::ReadingFlags& flags,
                                 std::optional<int> pleth, std::optional<int> pulse_rate,
                                 std::optional<int> spo2, int max_valid_spo2, bool confirm,
                                 ValueConfirmation& pulse_rate_check,
                                 ValueConfirmation& spo2_check) {
  core::Reading r;
  r.flags = flags;
  r.channel = core::Channel::pleth;
  if (pleth) r.value = static_cast<double>(*pleth);
  sink.on_reading(r);

  r.channel = core::Channel::pulse_rate;
  r.value.reset();
  if (pulse_rate) r.value = static_cast<double>(*pulse_rate);
  if (!confirm || pulse_rate_check.accept(r.value)) sink.on_reading(r);

  r.channel = core::Channel::spo2;
  r.value.reset();
  if (spo2 && *spo2 > max_valid_spo2) {
    r.flags.set(core::ReadingFlag::value_out_of_range);
  } else if (spo2) {
    r.value = static_cast<double>(*spo2);
  }
  if (!confirm || spo2_check.accept(r.value)) sink.on_reading(r);
}

}  // namespace vigil::protocols

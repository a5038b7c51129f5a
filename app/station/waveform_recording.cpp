#include "waveform_recording.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace vigil::station {

WaveformRecording::WaveformRecording(core::DeviceId device, double rate_hz)
    : device_(device),
      rate_hz_(rate_hz),
      block_size_(std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(rate_hz)), 1,
                                          db::kMaxWaveformBlockSamples)) {}

void WaveformRecording::add(const core::Reading& pleth, db::Recorder& recorder, db::RowId session) {
  // Samples arrive in bursts stamped with their read's time (Nonin: 25 per packet), so a gap is
  // judged on arrival time with room for a burst: no sample for kGap means the signal stopped.
  constexpr auto kGap = std::chrono::milliseconds(1500);
  const bool gap = count_ > 0 && (pleth.utc_time - last_) > kGap;
  if (!pleth.value || gap) flush(recorder, session);
  if (!pleth.value) return;
  if (count_ == 0) start_ = pleth.utc_time;
  const double v = std::clamp(std::round(*pleth.value), -32768.0, 32767.0);
  samples_[count_++] = static_cast<std::int16_t>(v);
  last_ = pleth.utc_time;
  if (count_ >= block_size_) flush(recorder, session);
}

void WaveformRecording::flush(db::Recorder& recorder, db::RowId session) {
  if (count_ == 0) return;
  const auto start_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(start_.time_since_epoch()).count();
  recorder.record_waveform_block(session, core::Channel::pleth, start_ms, rate_hz_,
                                 std::span<const std::int16_t>(samples_.data(), count_));
  count_ = 0;
}

}  // namespace vigil::station

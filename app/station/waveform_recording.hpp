#pragma once
// Cuts each device's pleth samples into waveform blocks for the recorder (db waveform table):
// one block per second of samples, a new block after a gap (an absent sample or no sample for 1.5
// s), so gaps stay gaps in the record. Acquisition thread only; no allocation after construction.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "vigil/core/reading.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::station {

class WaveformRecording {
 public:
  // rate_hz: the device's pleth rate (samples per second); a block holds one second of them.
  WaveformRecording(core::DeviceId device, double rate_hz);

  // A pleth reading of this device; writes a finished block to `recorder`.
  void add(const core::Reading& pleth, db::Recorder& recorder, db::RowId session);
  // Writes what is held (session end).
  void flush(db::Recorder& recorder, db::RowId session);

  core::DeviceId device() const { return device_; }

 private:
  core::DeviceId device_;
  double rate_hz_;
  std::size_t block_size_;
  std::array<std::int16_t, db::kMaxWaveformBlockSamples> samples_{};
  std::size_t count_ = 0;
  core::UtcTime start_{};
  core::UtcTime last_{};
};

}  // namespace vigil::station

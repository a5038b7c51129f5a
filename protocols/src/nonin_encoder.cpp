#include <algorithm>
#include <cassert>

#include "vigil/protocols/nonin.hpp"

namespace vigil::protocols {
namespace {

using core::ReadingFlag;
using namespace nonin;

int rate_code(const std::optional<int>& rate) {
  return rate ? std::clamp(*rate, 0, kMaxPulseRateCode) : kMissingPulseRate;
}

int spo2_code(const std::optional<int>& spo2) {
  return spo2 ? std::clamp(*spo2, 0, 100) : kMissingSpo2;
}

std::uint8_t u8(int v) { return static_cast<std::uint8_t>(v); }
std::uint8_t rate_msb(int rate) { return u8((rate >> 7) & 0x03); }
std::uint8_t rate_lsb(int rate) { return u8(rate & 0x7F); }

}  // namespace

std::uint8_t nonin_status_byte(core::ReadingFlags flags) {
  std::uint8_t s = kStatusAlways;
  if (flags.has(ReadingFlag::sensor_disconnected)) s |= kStatusSnsd;
  if (flags.has(ReadingFlag::artifact)) s |= kStatusArtf;
  if (flags.has(ReadingFlag::out_of_track)) s |= kStatusOot;
  if (flags.has(ReadingFlag::sensor_off)) s |= kStatusSnsa;
  // Perfusion bits are only lit for 12 frames per pulse; 00 between pulses (as in the
  // docs/devices.md vectors). The simulator has no pulse timing, so it only ever lights red.
  if (flags.has(ReadingFlag::low_perfusion)) s |= kStatusPerfusionRed;
  return s;
}

NoninEncoder::NoninEncoder(NoninFormat format) : format_(format) {}

void NoninEncoder::set_firmware_revision(int revision) { firmware_ = std::clamp(revision, 0, 127); }

std::uint8_t NoninEncoder::float_byte(int frame) const {
  switch (frame) {
    case kFrameHrMsb:
    case kFrameExtHrMsb:
    case kFrameHrDisplayMsb:
    case kFrameExtHrDisplayMsb:
      return rate_msb(hr_);
    case kFrameHrLsb:
    case kFrameExtHrLsb:
    case kFrameHrDisplayLsb:
    case kFrameExtHrDisplayLsb:
      return rate_lsb(hr_);
    case kFrameSpo2:
    case kFrameSpo2Display:
    case kFrameSpo2Fast:
    case kFrameSpo2BeatToBeat:
    case kFrameExtSpo2:
    case kFrameExtSpo2Display:
      return u8(spo2_);
    case kFrameFirmware:
      return u8(firmware_);
    case kFrameTimerMsb:
      return u8((timer_ >> 7) & 0x7F);
    case kFrameTimerLsb:
      return u8(timer_ & 0x7F);
    case kFrameStat2:
      return stat2_;
    default:
      return 0;  // reserved
  }
}

void NoninEncoder::encode_frame(const OximeterState& state, std::uint16_t pleth,
                                std::vector<std::uint8_t>& out) {
  assert(format_ != NoninFormat::df8 && "DF8 frames come from encode_df8");
  if (frame_ == kFrameHrMsb) {
    hr_ = rate_code(state.pulse_rate);
    spo2_ = spo2_code(state.spo2);
    stat2_ = u8((state.flags.has(ReadingFlag::smartpoint) ? kStat2SmartPoint : 0) |
                (state.low_battery ? kStat2LowBattery : 0));
  }
  std::uint8_t status = nonin_status_byte(state.flags);
  if (frame_ == 1) status |= kStatusSync;
  std::uint8_t b[kFrameSize];
  if (format_ == NoninFormat::df2) {
    b[0] = 0x01;
    b[1] = status;
    b[2] = u8(std::min<int>(pleth, 255));
  } else {
    b[0] = status;
    b[1] = u8(pleth >> 8);
    b[2] = u8(pleth & 0xFF);
  }
  b[3] = float_byte(frame_);
  b[4] = u8(b[0] + b[1] + b[2] + b[3]);
  out.insert(out.end(), b, b + kFrameSize);

  if (frame_ == kFramesPerPacket) {
    frame_ = 1;
    timer_ = (timer_ + 1) & 0x3FFF;
  } else {
    ++frame_;
  }
}

void NoninEncoder::encode_df8(const OximeterState& state, std::vector<std::uint8_t>& out) {
  assert(format_ == NoninFormat::df8 && "DF2/DF7 frames come from encode_frame");
  const int hr = rate_code(state.pulse_rate);
  const auto& f = state.flags;
  std::uint8_t b1 = 0x80;
  if (f.has(ReadingFlag::out_of_track)) b1 |= 0x20;
  if (f.has(ReadingFlag::low_perfusion)) b1 |= 0x10;
  if (f.has(ReadingFlag::artifact)) b1 |= 0x04;
  b1 |= u8((hr >> 7) & 0x03);  // HR8, HR7
  std::uint8_t b4 = 0;
  if (f.has(ReadingFlag::smartpoint)) b4 |= 0x20;
  if (f.has(ReadingFlag::sensor_off)) b4 |= 0x08;
  if (state.low_battery) b4 |= 0x01;
  const std::uint8_t b[kDf8FrameSize] = {b1, rate_lsb(hr), u8(spo2_code(state.spo2)), b4};
  out.insert(out.end(), b, b + kDf8FrameSize);
}

}  // namespace vigil::protocols

// GE S/5 displayed-values decoder: validates a record's header and subrecord bounds, then turns
// the basic SpO2 and NIBP groups into readings.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "ge_s5_bytes.hpp"
#include "vigil/protocols/ge_s5.hpp"

namespace vigil::protocols {

namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;
using ge_s5::detail::get_i16;
using ge_s5::detail::get_u16;
using ge_s5::detail::get_u32;

struct Group {
  bool present = false;  // exists and active: only then are its values meaningful
  std::uint16_t label = 0;
};

Group read_group(std::span<const std::uint8_t> sub, std::size_t class_offset) {
  const std::size_t at = ge_s5::kClassDataOffset + class_offset;
  const std::uint32_t status = get_u32(sub, at);
  constexpr std::uint32_t kLive = ge_s5::kGroupExists | ge_s5::kGroupActive;
  return {(status & kLive) == kLive, get_u16(sub, at + 4)};
}

// Field `index` (0-based int16) after the group's 6-byte header.
std::int16_t group_field(std::span<const std::uint8_t> sub, std::size_t class_offset,
                         std::size_t index) {
  return get_i16(sub,
                 ge_s5::kClassDataOffset + class_offset + ge_s5::kGroupHeaderBytes + 2 * index);
}

GeS5NibpMode mode_from_label(std::uint16_t label) {
  if (label & ge_s5::kNibpLabelStat) return GeS5NibpMode::stat;
  if (label & ge_s5::kNibpLabelAuto) return GeS5NibpMode::automatic;
  return GeS5NibpMode::manual;
}

class ReadingEmitter {
 public:
  ReadingEmitter(DecoderSink& sink, std::int64_t device_time) : sink_(sink) {
    reading_.device_time_s = device_time;
  }
  // raw / divisor in the channel's unit; sentinels (<= -32001) become absent.
  void emit(Channel channel, bool group_present, std::int16_t raw, double divisor,
            ReadingFlags flags) {
    reading_.channel = channel;
    reading_.value.reset();
    if (group_present) {
      if (raw == ge_s5::kUnderRange || raw == ge_s5::kOverRange) {
        flags.set(ReadingFlag::value_out_of_range);
      } else if (raw > ge_s5::kSentinelMax) {
        reading_.value = raw / divisor;
      }
    }
    reading_.flags = flags;
    sink_.on_reading(reading_);
  }

 private:
  DecoderSink& sink_;
  core::Reading reading_;
};

}  // namespace

void GeS5Decoder::feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) {
  sink_ = &sink;
  deframer_.feed(bytes, counters_, *this);
  sink_ = nullptr;
}

bool GeS5Decoder::on_record(std::span<const std::uint8_t> record) {
  // The deframer guarantees record.size() >= kHeaderBytes.
  if (get_u16(record, 0) != record.size()) {
    ++malformed_;
    return false;
  }
  std::array<std::size_t, ge_s5::kMaxSubrecords> starts{};
  std::size_t count = 0;
  if (get_u16(record, 14) == ge_s5::kMainTypePhdb) {
    for (std::size_t i = 0; i < ge_s5::kMaxSubrecords; ++i) {
      const std::size_t desc = 16 + 3 * i;
      const std::uint8_t type = record[desc + 2];
      if (type == ge_s5::kSubrecordListEnd) break;
      if (type != ge_s5::kSrTypeDisplayed) continue;  // trends, aux info: not decoded
      const std::int16_t offset = get_i16(record, desc);
      if (offset < 0 ||
          ge_s5::kHeaderBytes + static_cast<std::size_t>(offset) + ge_s5::kDisplayedBytes >
              record.size()) {
        ++malformed_;
        return false;
      }
      starts[count++] = ge_s5::kHeaderBytes + static_cast<std::size_t>(offset);
    }
  }
  // Waveform and other records are well-formed frames that simply carry no displayed values.
  ++counters_.frames;  // before any item of this frame reaches the sink
  ReadingEmitter out(*sink_, get_u32(record, 6));
  for (std::size_t i = 0; i < count; ++i) {
    const auto sub = record.subspan(starts[i], ge_s5::kDisplayedBytes);
    // Extended classes (ext1-3) use another class-data layout; only basic is decoded.
    if ((get_u16(sub, ge_s5::kClassWordOffset) & ge_s5::kClassMask) != 0) continue;

    const Group spo2 = read_group(sub, ge_s5::kSpo2GroupOffset);
    out.emit(Channel::spo2, spo2.present, group_field(sub, ge_s5::kSpo2GroupOffset, 0), 100.0, {});
    out.emit(Channel::pulse_rate, spo2.present, group_field(sub, ge_s5::kSpo2GroupOffset, 1), 1.0,
             {});

    const Group nibp = read_group(sub, ge_s5::kNibpGroupOffset);
    ReadingFlags nibp_flags;
    if (nibp.present) {
      nibp_flags.set(ReadingFlag::measuring, (nibp.label & ge_s5::kNibpLabelMeasuring) != 0);
      nibp_flags.set(ReadingFlag::calibrating, (nibp.label & ge_s5::kNibpLabelCalibrating) != 0);
      nibp_flags.set(ReadingFlag::stale, (nibp.label & ge_s5::kNibpLabelOlderThan60s) != 0);
      nibp_mode_ = mode_from_label(nibp.label);
    }
    constexpr Channel kNibpChannels[] = {Channel::nibp_systolic, Channel::nibp_diastolic,
                                         Channel::nibp_mean, Channel::nibp_pulse_rate};
    for (std::size_t f = 0; f < 4; ++f) {
      out.emit(kNibpChannels[f], nibp.present, group_field(sub, ge_s5::kNibpGroupOffset, f),
               f < 3 ? 100.0 : 1.0, nibp_flags);
    }
  }
  return true;
}

}  // namespace vigil::protocols

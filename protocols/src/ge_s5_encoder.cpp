// GE S/5 encoders (a simulated monitor's displayed-values records, the host's start request) and
// the device-side request parser used by simulators.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "ge_s5_bytes.hpp"
#include "vigil/protocols/ge_s5.hpp"

namespace vigil::protocols {

namespace {

using core::ReadingFlag;
using ge_s5::detail::get_i16;
using ge_s5::detail::get_u16;
using ge_s5::detail::put_i16;
using ge_s5::detail::put_u16;
using ge_s5::detail::put_u32;

constexpr std::size_t kRequestBytes = 49;
constexpr std::uint8_t kPhdbDisplayed = 1;  // phdb_rcrd_type: 1 displayed, 2/3 10 s/60 s trends

// value * scale as the device's int16; absent -> invalid, out of the field -> range sentinels.
std::int16_t to_field(const std::optional<int>& value, int scale) {
  if (!value) return ge_s5::kInvalid;
  const long long scaled = static_cast<long long>(*value) * scale;
  if (scaled > std::numeric_limits<std::int16_t>::max()) return ge_s5::kOverRange;
  if (scaled <= ge_s5::kSentinelMax) return ge_s5::kUnderRange;
  return static_cast<std::int16_t>(scaled);
}

void put_header(std::span<std::uint8_t> rec, std::uint16_t r_len, std::uint8_t dri_level,
                std::uint32_t r_time, std::uint8_t first_sr_type) {
  put_u16(rec, 0, r_len);
  rec[3] = dri_level;
  put_u32(rec, 6, r_time);
  put_u16(rec, 14, ge_s5::kMainTypePhdb);
  put_i16(rec, 16, 0);  // sr_desc[0]: offset 0 from byte 40
  rec[18] = first_sr_type;
  rec[21] = ge_s5::kSubrecordListEnd;  // sr_desc[1].type ends the list
}

void put_group(std::span<std::uint8_t> sub, std::size_t class_offset, bool active,
               std::uint16_t label, std::span<const std::int16_t> fields) {
  const std::size_t at = ge_s5::kClassDataOffset + class_offset;
  put_u32(sub, at, ge_s5::kGroupExists | (active ? ge_s5::kGroupActive : 0u));
  put_u16(sub, at + 4, label);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    put_i16(sub, at + ge_s5::kGroupHeaderBytes + 2 * i, fields[i]);
  }
}

std::uint16_t nibp_label(const NibpState& nibp, GeS5NibpMode mode) {
  std::uint16_t label = 0;
  if (mode == GeS5NibpMode::automatic) label |= ge_s5::kNibpLabelAuto;
  if (mode == GeS5NibpMode::stat) label |= ge_s5::kNibpLabelStat;
  if (nibp.flags.has(ReadingFlag::measuring)) label |= ge_s5::kNibpLabelMeasuring;
  if (nibp.flags.has(ReadingFlag::calibrating)) label |= ge_s5::kNibpLabelCalibrating;
  if (nibp.flags.has(ReadingFlag::stale)) label |= ge_s5::kNibpLabelOlderThan60s;
  return label;
}

}  // namespace

void encode_displayed_values(const OximeterState& oximeter, const NibpState& nibp,
                             std::uint32_t unix_time, std::vector<std::uint8_t>& out,
                             GeS5NibpMode mode) {
  std::array<std::uint8_t, ge_s5::kDisplayedRecordBytes> rec{};
  put_header(rec, static_cast<std::uint16_t>(rec.size()), ge_s5::kSimulatedDriLevel, unix_time,
             ge_s5::kSrTypeDisplayed);

  const auto sub = std::span<std::uint8_t>(rec).subspan(ge_s5::kHeaderBytes);
  put_u32(sub, 0, unix_time);
  // Every value word of the class data reads "invalid" unless a group below sets it. Group
  // headers we do not simulate (ECG, P1-P4, T1-T4, CO2) say "does not exist"; the tail beyond
  // CO2 (whose layout we do not model) stays -32767, so a host can only read "invalid" there.
  for (std::size_t at = 0; at < ge_s5::kClassDataBytes; at += 2) {
    put_i16(sub, ge_s5::kClassDataOffset + at, ge_s5::kInvalid);
  }
  constexpr std::size_t kUnusedGroups[] = {0, 16, 30, 44, 58, 86, 94, 102, 110, 132};
  for (const std::size_t g : kUnusedGroups) {
    put_u32(sub, ge_s5::kClassDataOffset + g, 0);
    put_u16(sub, ge_s5::kClassDataOffset + g + 4, 0);
  }

  const std::array<std::int16_t, 4> nibp_fields{
      to_field(nibp.systolic, 100), to_field(nibp.diastolic, 100), to_field(nibp.mean, 100),
      to_field(nibp.pulse_rate, 1)};
  const std::uint16_t label = nibp_label(nibp, mode);
  const bool nibp_active = nibp.systolic || nibp.diastolic || nibp.mean || nibp.pulse_rate ||
                           (label & ~(ge_s5::kNibpLabelAuto | ge_s5::kNibpLabelStat)) != 0;
  put_group(sub, ge_s5::kNibpGroupOffset, nibp_active, label, nibp_fields);

  const std::array<std::int16_t, 4> spo2_fields{to_field(oximeter.spo2, 100),
                                                to_field(oximeter.pulse_rate, 1), ge_s5::kInvalid,
                                                ge_s5::kInvalid};  // ir_amp, SvO2
  put_group(sub, ge_s5::kSpo2GroupOffset, oximeter.spo2 || oximeter.pulse_rate, 0, spo2_fields);

  sub[ge_s5::kClassWordOffset - 2] = 0;                              // marker
  sub[ge_s5::kClassWordOffset - 1] = 0;                              // reserved
  put_u16(sub, ge_s5::kClassWordOffset, ge_s5::kSimulatedDriLevel);  // class 0 (basic)
  ge_s5::append_frame(rec, out);
}

void encode_displayed_values_request(int interval_s, std::vector<std::uint8_t>& out) {
  std::array<std::uint8_t, kRequestBytes> rec{};
  put_header(rec, kRequestBytes, ge_s5::kRequestDriLevel, 0, ge_s5::kSrTypeRequest);
  rec[40] = kPhdbDisplayed;
  const int clamped = std::clamp<int>(interval_s, std::numeric_limits<std::int16_t>::min(),
                                      std::numeric_limits<std::int16_t>::max());
  put_i16(rec, 41, static_cast<std::int16_t>(clamped));
  put_u32(rec, 43, 0);  // phdb_class_bf: basic class only
  rec[47] = 0;
  ge_s5::append_frame(rec, out);
}

std::optional<int> GeS5RequestParser::feed(std::span<const std::uint8_t> bytes) {
  last_.reset();
  deframer_.feed(bytes, counters_, *this);
  return last_;
}

bool GeS5RequestParser::on_record(std::span<const std::uint8_t> record) {
  if (get_u16(record, 0) != record.size()) return false;
  ++counters_.frames;
  if (get_u16(record, 14) != ge_s5::kMainTypePhdb || record[18] != ge_s5::kSrTypeRequest) {
    return true;  // well-formed, but not a displayed-values request
  }
  const std::int16_t offset = get_i16(record, 16);
  if (offset < 0) return true;
  const std::size_t at = ge_s5::kHeaderBytes + static_cast<std::size_t>(offset);
  if (at + (kRequestBytes - ge_s5::kHeaderBytes) > record.size()) return true;
  if (record[at] == kPhdbDisplayed) last_ = get_i16(record, at + 1);
  return true;
}

}  // namespace vigil::protocols

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <optional>

#include "vigil/core/channel.hpp"
#include "vigil/protocols/masimo.hpp"

namespace vigil::protocols {
namespace {

using core::ReadingFlag;

constexpr std::size_t kDateTimeLength = 17;  // "MM/DD/YY HH:MM:SS"
constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

// The fields Vigil reads; everything else on the line (SN, DESAT, PIDELTA, ...) is skipped.
enum Field : std::size_t { kSpo2, kBpm, kPi, kSpco, kSpmet, kPvi, kAlarm, kExc, kFieldCount };
constexpr std::array<std::string_view, kFieldCount> kTags{"SPO2",  "BPM", "PI",    "SPCO",
                                                          "SPMET", "PVI", "ALARM", "EXC"};
constexpr std::array<core::Channel, kAlarm> kChannels{
    core::Channel::spo2, core::Channel::pulse_rate, core::Channel::perfusion_index,
    core::Channel::spco, core::Channel::spmet,      core::Channel::pvi};

struct ExcMapping {
  std::uint32_t bits;
  ReadingFlag flag;
};
// 0x800 (SET) and the bits above 0x40000 are informational and map to nothing.
constexpr std::array<ExcMapping, 8> kExcMappings{{
    {masimo_exc::no_sensor | masimo_exc::sensor_off, ReadingFlag::sensor_off},
    {masimo_exc::defective_sensor | masimo_exc::unrecognized_sensor |
         masimo_exc::incompatible_sensor | masimo_exc::cable_faults | masimo_exc::sensor_expired,
     ReadingFlag::sensor_fault},
    {masimo_exc::low_perfusion, ReadingFlag::low_perfusion},
    {masimo_exc::pulse_search, ReadingFlag::searching},
    {masimo_exc::interference | masimo_exc::ambient_light, ReadingFlag::interference},
    {masimo_exc::low_siq, ReadingFlag::low_signal_quality},
    {masimo_exc::no_cable, ReadingFlag::sensor_disconnected},
    {masimo_exc::calibrating, ReadingFlag::calibrating},
}};

struct AlarmCondition {
  std::uint32_t bit;
  core::DeviceConditionKind kind;
  std::string_view detail;
};
constexpr std::array<AlarmCondition, 11> kAlarmConditions{{
    {masimo_alarm::spo2_high, core::DeviceConditionKind::device_alarm, "spo2_high"},
    {masimo_alarm::spo2_low, core::DeviceConditionKind::device_alarm, "spo2_low"},
    {masimo_alarm::pulse_rate_high, core::DeviceConditionKind::device_alarm, "pulse_rate_high"},
    {masimo_alarm::pulse_rate_low, core::DeviceConditionKind::device_alarm, "pulse_rate_low"},
    {masimo_alarm::low_battery, core::DeviceConditionKind::low_battery, "low_battery"},
    {masimo_alarm::spco_high, core::DeviceConditionKind::device_alarm, "spco_high"},
    {masimo_alarm::spco_low, core::DeviceConditionKind::device_alarm, "spco_low"},
    {masimo_alarm::spmet_high, core::DeviceConditionKind::device_alarm, "spmet_high"},
    {masimo_alarm::spmet_low, core::DeviceConditionKind::device_alarm, "spmet_low"},
    {masimo_alarm::desaturation, core::DeviceConditionKind::device_alarm, "desaturation"},
    {masimo_alarm::pi_delta, core::DeviceConditionKind::device_alarm, "pi_delta"},
}};
constexpr std::uint32_t kConditionBits = [] {
  std::uint32_t m = 0;
  for (const auto& c : kAlarmConditions) m |= c.bit;
  return m;
}();

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when s[p..] looks like "MM/DD/YY HH:MM:SS" followed by a space or the end of s.
bool date_time_shape_at(std::string_view s, std::size_t p) {
  const char* d = s.data() + p;
  // Separators first: they reject almost every position with one compare.
  if (d[2] != '/' || d[5] != '/' || d[8] != ' ' || d[11] != ':' || d[14] != ':') return false;
  static constexpr std::array<std::uint8_t, 12> kDigitAt{0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16};
  for (std::uint8_t i : kDigitAt) {
    if (!is_digit(d[i])) return false;
  }
  return p + kDateTimeLength == s.size() || d[kDateTimeLength] == ' ';
}

// Start of the last date/time on the line: whatever precedes it is rubbish or a cut-off line.
std::size_t find_last_date_time(std::string_view s) {
  if (s.size() < kDateTimeLength) return kNotFound;
  for (std::size_t p = s.size() - kDateTimeLength + 1; p-- > 0;) {
    if (date_time_shape_at(s, p)) return p;
  }
  return kNotFound;
}

int two_digits(const char* d) { return (d[0] - '0') * 10 + (d[1] - '0'); }

// Seconds since the Unix epoch (UTC, years 2000+YY); nullopt for an impossible date or time.
std::optional<std::int64_t> parse_date_time(const char* d) {
  using namespace std::chrono;
  const int hh = two_digits(d + 9), mm = two_digits(d + 12), ss = two_digits(d + 15);
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  const year_month_day ymd{year{2000 + two_digits(d + 6)},
                           month{static_cast<unsigned>(two_digits(d))},
                           day{static_cast<unsigned>(two_digits(d + 3))}};
  if (!ymd.ok()) return std::nullopt;
  const std::int64_t days_since_epoch = sys_days{ymd}.time_since_epoch().count();
  return days_since_epoch * 86400 + hh * 3600 + mm * 60 + ss;
}

// "098", "03.60%", "01.0%" -> the number; dashes ("---", "--.-") and anything malformed
// ("9x8", "", ".5") -> nullopt. Digits are accumulated as an integer and divided once, so
// "03.60" gives exactly the double nearest 3.6.
std::optional<double> parse_decimal(std::string_view v) {
  if (!v.empty() && v.back() == '%') v.remove_suffix(1);
  if (v.empty() || v.size() > 9) return std::nullopt;
  std::uint32_t mantissa = 0;
  int int_digits = 0;
  int frac_digits = -1;  // -1: no '.' seen
  for (char c : v) {
    if (is_digit(c)) {
      mantissa = mantissa * 10 + static_cast<std::uint32_t>(c - '0');
      if (frac_digits < 0) {
        ++int_digits;
      } else {
        ++frac_digits;
      }
    } else if (c == '.' && frac_digits < 0 && int_digits > 0) {
      frac_digits = 0;
    } else {
      return std::nullopt;
    }
  }
  if (frac_digits == 0) return std::nullopt;  // "12."
  static constexpr std::array<double, 9> kPow10{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  return static_cast<double>(mantissa) / kPow10[static_cast<std::size_t>(std::max(frac_digits, 0))];
}

std::optional<std::uint32_t> parse_hex(std::string_view v) {
  if (v.empty() || v.size() > 8) return std::nullopt;
  std::uint32_t bits = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), bits, 16);
  if (ec != std::errc{} || end != v.data() + v.size()) return std::nullopt;
  return bits;
}

std::optional<double> value_in_range(std::string_view v, core::Channel c) {
  const auto value = parse_decimal(v);
  if (!value) return std::nullopt;
  const auto& info = core::channel_info(c);
  if (*value < info.min_valid || *value > info.max_valid) return std::nullopt;
  return value;
}

core::ReadingFlags merge(core::ReadingFlags a, core::ReadingFlags b) {
  return core::ReadingFlags::from_bits(a.bits() | b.bits());
}

}  // namespace

core::ReadingFlags masimo_exc_flags(std::uint32_t exc_bits) {
  core::ReadingFlags flags;
  for (const auto& m : kExcMappings) {
    if (exc_bits & m.bits) flags.set(m.flag);
  }
  return flags;
}

core::ReadingFlags masimo_alarm_flags(std::uint32_t alarm_bits) {
  core::ReadingFlags flags;
  flags.set(ReadingFlag::device_alarm, (alarm_bits & masimo_alarm::active) != 0);
  flags.set(ReadingFlag::device_alarm_silenced, (alarm_bits & masimo_alarm::silenced) != 0);
  return flags;
}

void MasimoAsciiDecoder::feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) {
  const std::uint8_t* p = bytes.data();
  const std::uint8_t* const end = p + bytes.size();
  while (p != end) {
    if (pair_terminator_ != 0) {
      const char expected = pair_terminator_;
      pair_terminator_ = 0;
      if (static_cast<char>(*p) == expected) {  // second half of CR LF / LF CR
        if (!last_line_was_frame_) ++counters_.bytes_discarded;
        ++p;
        continue;
      }
    }
    const std::uint8_t* q = p;
    while (q != end && *q != '\r' && *q != '\n') ++q;
    append(p, static_cast<std::size_t>(q - p));
    if (q == end) break;
    end_line(static_cast<char>(*q), sink);
    p = q + 1;
  }
}

void MasimoAsciiDecoder::append(const std::uint8_t* data, std::size_t n) {
  while (n > 0) {
    if (length_ == line_.size()) make_room();
    const std::size_t k = std::min(n, line_.size() - length_);
    std::memcpy(line_.data() + length_, data, k);
    length_ += k;
    data += k;
    n -= k;
  }
}

// The buffer is full without a line end: keep only what may still become a frame, i.e. from
// the last date/time on (if it is not at the start), else the tail that may hold a partial one.
void MasimoAsciiDecoder::make_room() {
  std::size_t keep_from = find_last_date_time({line_.data(), length_});
  if (keep_from == kNotFound || keep_from == 0) keep_from = length_ - (kDateTimeLength - 1);
  counters_.bytes_discarded += keep_from;
  std::memmove(line_.data(), line_.data() + keep_from, length_ - keep_from);
  length_ -= keep_from;
}

void MasimoAsciiDecoder::end_line(char terminator, DecoderSink& sink) {
  const std::string_view line{line_.data(), length_};
  length_ = 0;
  pair_terminator_ = terminator == '\r' ? '\n' : '\r';
  const bool frame = !line.empty() && decode_line(line, sink);
  if (!frame) counters_.bytes_discarded += line.size() + 1;
  last_line_was_frame_ = frame;
}

bool MasimoAsciiDecoder::decode_line(std::string_view line, DecoderSink& sink) {
  const std::size_t start = find_last_date_time(line);
  if (start == kNotFound) return false;
  const auto device_time = parse_date_time(line.data() + start);
  if (!device_time) return false;

  std::array<std::string_view, kFieldCount> values{};
  std::array<bool, kFieldCount> present{};
  std::string_view rest = line.substr(start + kDateTimeLength);
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view token = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    const std::size_t eq = token.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view tag = token.substr(0, eq);
    for (std::size_t f = 0; f < kFieldCount; ++f) {
      if (tag == kTags[f]) {
        if (!present[f]) values[f] = token.substr(eq + 1);  // the first of a repeated tag wins
        present[f] = true;
        break;
      }
    }
  }
  if (!present[kSpo2] || !present[kBpm]) return false;

  const auto alarm = present[kAlarm] ? parse_hex(values[kAlarm]) : std::nullopt;
  const auto exc = present[kExc] ? parse_hex(values[kExc]) : std::nullopt;
  core::Reading reading;
  reading.device_time_s = device_time;
  if (exc) reading.flags = masimo_exc_flags(*exc);
  if (alarm) reading.flags = merge(reading.flags, masimo_alarm_flags(*alarm));

  ++counters_.frames;
  counters_.bytes_discarded += start;
  for (std::size_t f = 0; f < kChannels.size(); ++f) {
    if (!present[f]) continue;
    reading.channel = kChannels[f];
    reading.value = value_in_range(values[f], kChannels[f]);
    if (confirm_ && !confirmations_[f].accept(reading.value)) continue;
    sink.on_reading(reading);
  }
  // An unreadable ALARM field says nothing about the alarms: keep the last known state.
  if (alarm) report_alarm_changes(*alarm, sink);
  return true;
}

void MasimoAsciiDecoder::report_alarm_changes(std::uint32_t alarm_bits, DecoderSink& sink) {
  std::uint32_t now = alarm_bits & kConditionBits;
  if (confirm_) {
    // A bit changes only when two lines agree on its new state (no checksum: one corrupted
    // digit must not raise or end a condition).
    const std::uint32_t agreed = ~(now ^ previous_alarm_bits_);
    previous_alarm_bits_ = now;
    now = (now & agreed) | (alarm_bits_ & ~agreed);
  }
  const std::uint32_t changed = now ^ alarm_bits_;
  alarm_bits_ = now;
  if (changed == 0) return;
  for (const auto& c : kAlarmConditions) {
    if ((changed & c.bit) == 0) continue;
    core::DeviceCondition condition;
    condition.kind = c.kind;
    condition.active = (now & c.bit) != 0;
    condition.detail = c.detail;
    condition.code = static_cast<int>(c.bit);
    sink.on_condition(condition);
  }
}

}  // namespace vigil::protocols

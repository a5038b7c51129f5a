#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <optional>

#include "vigil/protocols/masimo.hpp"

namespace vigil::protocols {
namespace {

using core::ReadingFlag;

// Longest line the encoder can write (radical7 with 8-digit hex fields is ~150 bytes).
constexpr std::size_t kMaxEncodedLine = 256;

char* put_text(char* p, std::string_view text) {
  std::memcpy(p, text.data(), text.size());
  return p + text.size();
}

char* put_digits(char* p, std::uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return p + width;
}

// A fixed-point field ("098", "03.60", "01.0") or dashes of the same width when absent.
char* put_fixed(char* p, std::optional<double> value, int int_digits, int frac_digits) {
  if (!value || !std::isfinite(*value)) {
    p = put_text(p, std::string_view("------").substr(0, static_cast<std::size_t>(int_digits)));
    if (frac_digits > 0) {
      *p++ = '.';
      p = put_text(p, std::string_view("------").substr(0, static_cast<std::size_t>(frac_digits)));
    }
    return p;
  }
  double scale = 1;
  for (int i = 0; i < frac_digits; ++i) scale *= 10;
  double limit = 1;  // 10^(all digits): the first value the width cannot show
  for (int i = 0; i < int_digits + frac_digits; ++i) limit *= 10;
  const double scaled = std::clamp(std::round(*value * scale), 0.0, limit - 1);
  const auto units = static_cast<std::uint64_t>(scaled);
  const auto divisor = static_cast<std::uint64_t>(scale);
  p = put_digits(p, units / divisor, int_digits);
  if (frac_digits > 0) {
    *p++ = '.';
    p = put_digits(p, units % divisor, frac_digits);
  }
  return p;
}

std::optional<double> as_double(std::optional<int> v) {
  return v ? std::optional<double>(*v) : std::nullopt;
}

// Upper-case hex, at least min_width digits (0: no padding).
char* put_hex(char* p, std::uint32_t value, int min_width) {
  int digits = 1;
  while (digits < 8 && (value >> (4 * digits)) != 0) ++digits;
  digits = std::max(digits, min_width);
  for (int i = digits - 1; i >= 0; --i) {
    p[i] = "0123456789ABCDEF"[value & 0xF];
    value >>= 4;
  }
  return p + digits;
}

}  // namespace

std::uint32_t masimo_exc_bits_for(core::ReadingFlags flags) {
  std::uint32_t bits = 0;
  if (flags.has(ReadingFlag::sensor_off)) bits |= masimo_exc::sensor_off;
  if (flags.has(ReadingFlag::sensor_fault)) bits |= masimo_exc::defective_sensor;
  if (flags.has(ReadingFlag::low_perfusion)) bits |= masimo_exc::low_perfusion;
  if (flags.has(ReadingFlag::searching)) bits |= masimo_exc::pulse_search;
  if (flags.has(ReadingFlag::interference)) bits |= masimo_exc::interference;
  if (flags.has(ReadingFlag::low_signal_quality)) bits |= masimo_exc::low_siq;
  if (flags.has(ReadingFlag::sensor_disconnected)) bits |= masimo_exc::no_cable;
  if (flags.has(ReadingFlag::calibrating)) bits |= masimo_exc::calibrating;
  return bits;
}

std::uint32_t masimo_alarm_bits_for(core::ReadingFlags flags) {
  std::uint32_t bits = 0;
  if (flags.has(ReadingFlag::device_alarm)) bits |= masimo_alarm::active;
  if (flags.has(ReadingFlag::device_alarm_silenced)) bits |= masimo_alarm::silenced;
  return bits;
}

std::size_t MasimoAsciiEncoder::write_line(const OximeterState& state, std::int64_t unix_time_s,
                                           std::uint32_t alarm_bits, std::uint32_t exc_bits,
                                           char* out) const {
  using namespace std::chrono;
  const sys_seconds time{seconds{unix_time_s}};
  const sys_days date = floor<days>(time);
  const year_month_day ymd{date};
  const hh_mm_ss<seconds> clock{time - date};
  const int yy = ((static_cast<int>(ymd.year()) % 100) + 100) % 100;  // the device shows 2 digits

  const bool radical5 = format_ == MasimoLineFormat::radical5;
  char* p = out;
  p = put_digits(p, static_cast<unsigned>(ymd.month()), 2);
  *p++ = '/';
  p = put_digits(p, static_cast<unsigned>(ymd.day()), 2);
  *p++ = '/';
  p = put_digits(p, static_cast<std::uint64_t>(yy), 2);
  *p++ = ' ';
  p = put_digits(p, static_cast<std::uint64_t>(clock.hours().count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<std::uint64_t>(clock.minutes().count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<std::uint64_t>(clock.seconds().count()), 2);
  if (!radical5) {
    p = put_text(p, " SN=");
    p = put_digits(p, serial_number_ % 10'000'000'000ULL, 10);
  }
  p = put_text(p, " SPO2=");
  p = put_fixed(p, as_double(state.spo2), 3, 0);
  p = put_text(p, "% BPM=");
  p = put_fixed(p, as_double(state.pulse_rate), 3, 0);
  p = put_text(p, " PI=");
  p = put_fixed(p, state.perfusion_index, 2, 2);
  *p++ = '%';
  if (!radical5) {
    p = put_text(p, " SPCO=");
    p = put_fixed(p, state.spco, 2, 1);
    p = put_text(p, "% SPMET=");
    p = put_fixed(p, state.spmet, 2, 1);
    // OximeterState has no desaturation count or PI delta: sent as unavailable.
    p = put_text(p, "% DESAT=-- PIDELTA=+--");
  }
  if (format_ == MasimoLineFormat::radical7) {
    p = put_text(p, " PVI=");
    p = put_fixed(p, as_double(state.pvi), 3, 0);
  }
  const std::uint32_t alarm = alarm_bits | masimo_alarm_bits_for(state.flags) |
                              (state.low_battery ? masimo_alarm::low_battery : 0);
  p = put_text(p, " ALARM=");
  p = put_hex(p, alarm, radical5 ? 0 : 4);
  p = put_text(p, " EXC=");
  p = put_hex(p, exc_bits | masimo_exc_bits_for(state.flags), radical5 ? 0 : 6);
  p = put_text(p, "\r\n");
  return static_cast<std::size_t>(p - out);
}

void MasimoAsciiEncoder::encode_line(const OximeterState& state, std::int64_t unix_time_s,
                                     std::uint32_t alarm_bits, std::uint32_t exc_bits,
                                     std::vector<std::uint8_t>& out) const {
  std::array<char, kMaxEncodedLine> line;
  const std::size_t n = write_line(state, unix_time_s, alarm_bits, exc_bits, line.data());
  out.insert(out.end(), line.begin(), line.begin() + static_cast<std::ptrdiff_t>(n));
}

void MasimoAsciiEncoder::encode_line(const OximeterState& state, std::int64_t unix_time_s,
                                     std::uint32_t alarm_bits, std::uint32_t exc_bits,
                                     std::string& out) const {
  std::array<char, kMaxEncodedLine> line;
  out.append(line.data(), write_line(state, unix_time_s, alarm_bits, exc_bits, line.data()));
}

}  // namespace vigil::protocols

// Replay CSV parsing: every problem names its line and column.
#include "vigil/drivers/sim/replay.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace vigil::drivers::sim {
namespace {

constexpr std::array<std::string_view, 5> kColumns = {"t_s", "spo2", "pulse_rate", "nibp_systolic",
                                                      "nibp_diastolic"};
constexpr std::array<int, 5> kMax = {0, 100, 300, 300, 300};

std::string where(std::size_t line, std::size_t column) {
  std::string s = "line " + std::to_string(line);
  if (column > 0) {
    s += ", column " + std::to_string(column) + " (" + std::string(kColumns[column - 1]) + ")";
  }
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    const auto comma = line.find(',');
    fields.push_back(trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return fields;
    line.remove_prefix(comma + 1);
  }
}

double parse_time(std::string_view f, std::size_t line) {
  double t = 0;
  const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), t);
  if (f.empty()) throw ReplayError(line, 1, "the time is required");
  if (ec != std::errc() || end != f.data() + f.size() || !std::isfinite(t) || t < 0) {
    throw ReplayError(line, 1, "'" + std::string(f) + "' is not a time in seconds >= 0");
  }
  return t;
}

std::optional<int> parse_value(std::string_view f, std::size_t line, std::size_t column) {
  if (f.empty()) return std::nullopt;
  int v = 0;
  const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
  if (ec == std::errc::result_out_of_range && end == f.data() + f.size()) {
    throw ReplayError(line, column,
                      "'" + std::string(f) + "' is outside 0.." + std::to_string(kMax[column - 1]));
  }
  if (ec != std::errc() || end != f.data() + f.size()) {
    throw ReplayError(line, column, "'" + std::string(f) + "' is not a whole number");
  }
  if (v < 0 || v > kMax[column - 1]) {
    throw ReplayError(line, column,
                      std::to_string(v) + " is outside 0.." + std::to_string(kMax[column - 1]));
  }
  return v;
}

bool is_header(const std::vector<std::string_view>& fields) {
  return std::equal(fields.begin(), fields.end(), kColumns.begin(), kColumns.end());
}

}  // namespace

ReplayError::ReplayError(std::size_t line, std::size_t column, const std::string& message,
                         const std::string& source)
    : std::runtime_error((source.empty() ? "" : source + ": ") +
                         (line == 0 ? message : where(line, column) + ": " + message)),
      line_(line),
      column_(column),
      message_(message) {}

ReplayTrack ReplayTrack::parse(std::string_view csv) {
  ReplayTrack track;
  std::size_t line_number = 0;
  while (!csv.empty()) {
    const auto nl = csv.find('\n');
    const std::string_view line = trim(csv.substr(0, nl));
    csv.remove_prefix(nl == std::string_view::npos ? csv.size() : nl + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const auto fields = split(line);
    if (track.rows_.empty() && is_header(fields)) continue;
    if (fields.size() != kColumns.size()) {
      throw ReplayError(line_number, 0,
                        "expected 5 columns (t_s,spo2,pulse_rate,nibp_systolic,nibp_diastolic), "
                        "found " +
                            std::to_string(fields.size()));
    }
    ReplayRow row;
    row.t_s = parse_time(fields[0], line_number);
    row.spo2 = parse_value(fields[1], line_number, 2);
    row.pulse_rate = parse_value(fields[2], line_number, 3);
    row.nibp_systolic = parse_value(fields[3], line_number, 4);
    row.nibp_diastolic = parse_value(fields[4], line_number, 5);
    if (row.nibp_systolic.has_value() != row.nibp_diastolic.has_value()) {
      throw ReplayError(line_number, row.nibp_systolic ? 5 : 4,
                        "a blood pressure needs both nibp_systolic and nibp_diastolic");
    }
    if (row.nibp_systolic && *row.nibp_diastolic >= *row.nibp_systolic) {
      throw ReplayError(line_number, 5,
                        "nibp_diastolic " + std::to_string(*row.nibp_diastolic) +
                            " must be below nibp_systolic " + std::to_string(*row.nibp_systolic));
    }
    if (!track.rows_.empty() && row.t_s <= track.rows_.back().t_s) {
      throw ReplayError(line_number, 1,
                        "times must increase (previous row has t_s " +
                            std::to_string(track.rows_.back().t_s) + ")");
    }
    track.rows_.push_back(row);
  }
  if (track.rows_.empty()) throw ReplayError(line_number, 0, "the replay file has no rows");
  return track;
}

ReplayTrack ReplayTrack::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReplayError(0, 0, "cannot read replay file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse(text.str());
  } catch (const ReplayError& e) {
    throw ReplayError(e.line(), e.column(), e.message(), path);
  }
}

const ReplayRow& ReplayTrack::at(double t_s) const {
  // First row whose time is after t_s; the row before it is in force.
  const auto it = std::upper_bound(rows_.begin(), rows_.end(), t_s,
                                   [](double t, const ReplayRow& r) { return t < r.t_s; });
  return it == rows_.begin() ? *it : *(it - 1);
}

}  // namespace vigil::drivers::sim

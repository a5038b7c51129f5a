#pragma once
// Replay files: CSV `t_s,spo2,pulse_rate,nibp_systolic,nibp_diastolic`, one row per change,
// times in seconds (increasing), an empty field = the value is absent. An optional header line
// with exactly these column names is skipped; blank lines and lines starting with '#' too.
// Each row's values hold until the next row; the last row holds for ever.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::drivers::sim {

// Names where a replay file is wrong: "line 4, column 3 (pulse_rate): 'abc' is not a whole
// number", prefixed with the file name when loaded from a file. line and column are 1-based;
// column 0 = the whole line; line 0 = the whole file.
class ReplayError : public std::runtime_error {
 public:
  ReplayError(std::size_t line, std::size_t column, const std::string& message,
              const std::string& source = {});
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::size_t line_;
  std::size_t column_;
  std::string message_;
};

struct ReplayRow {
  double t_s = 0;
  std::optional<int> spo2;            // %, 0..100
  std::optional<int> pulse_rate;      // bpm, 0..300
  std::optional<int> nibp_systolic;   // mmHg, 0..300
  std::optional<int> nibp_diastolic;  // mmHg, 0..300
};

class ReplayTrack {
 public:
  // Throws ReplayError for a bad row, an empty file, or times that do not increase.
  static ReplayTrack parse(std::string_view csv);
  // Throws ReplayError (line 0) when the file cannot be read.
  static ReplayTrack load(const std::string& path);

  // The row in force at t_s (the first row before it starts).
  const ReplayRow& at(double t_s) const;
  const std::vector<ReplayRow>& rows() const { return rows_; }

 private:
  std::vector<ReplayRow> rows_;
};

}  // namespace vigil::drivers::sim

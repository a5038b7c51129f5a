#pragma once
// Private to core/src: text helpers for the session rules' messages: numbers and durations
// as short text ("0.86", "52.5", "40 min"), and whether a free-text field was filled in.

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <string>
#include <string_view>

namespace vigil::core::detail {

// At most two decimals, trailing zeros dropped: 0.75 -> "0.75", 52.50 -> "52.5", 28 -> "28".
inline std::string number_text(double v) {
  std::array<char, 64> buf{};
  auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 2);
  if (ec != std::errc{}) return "?";
  std::string s(buf.data(), end);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

inline std::string minutes_text(std::chrono::minutes m) {
  return std::to_string(m.count()) + " min";
}

// True when the text has at least one non-whitespace character (reasons, names).
inline bool has_text(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
}

}  // namespace vigil::core::detail

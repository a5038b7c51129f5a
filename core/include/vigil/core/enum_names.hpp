#pragma once
// One mechanism for every enum whose enumerators have stable names (stored in databases, written
// to files, printed). An enum takes part by declaring, in its own namespace, a constexpr
//
//   constexpr std::string_view enum_name(E e) {
//     switch (e) {            // no default: -Werror=switch (set for every build) fails the build
//       case E::first: return "first";   // when an enumerator has no case, i.e. no name
//       ...
//     }
//     return {};              // reached only for a value that is no enumerator
//   }
//
// Everything else is derived from that one switch: the count, the list of all values and
// from-name, so no count is kept by hand. Named enums have a one-byte underlying type, so every
// possible value is probed at compile time and no enumerator can be missed (values need not be
// contiguous: wire codes such as 0xA1 are fine).

#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace vigil::core {

template <typename E>
concept NamedEnum = std::is_enum_v<E> && sizeof(E) == 1 && requires(E e) {
  { enum_name(e) } -> std::convertible_to<std::string_view>;
};

namespace enum_names_detail {
inline constexpr std::size_t kValueCount = 256;  // every value of a one-byte enum

template <NamedEnum E>
constexpr std::string_view name_at(std::size_t i) {
  return enum_name(static_cast<E>(i));
}
}  // namespace enum_names_detail

// How many enumerators E has. Fails to compile (a throw in a constant expression) when two
// enumerators share a name.
template <NamedEnum E>
consteval std::size_t enum_count() {
  using enum_names_detail::kValueCount;
  using enum_names_detail::name_at;
  std::size_t n = 0;
  for (std::size_t i = 0; i < kValueCount; ++i) {
    if (name_at<E>(i).empty()) continue;
    ++n;
    for (std::size_t j = i + 1; j < kValueCount; ++j) {
      if (name_at<E>(i) == name_at<E>(j)) throw "enum_count: two enumerators share a name";
    }
  }
  return n;
}

// Every enumerator of E, in ascending value (for the usual 0, 1, 2, ...: declaration) order.
template <NamedEnum E>
inline constexpr auto enum_values = [] {
  std::array<E, enum_count<E>()> values{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < enum_names_detail::kValueCount; ++i) {
    if (!enum_names_detail::name_at<E>(i).empty()) values[n++] = static_cast<E>(i);
  }
  return values;
}();

// Every name of E, in the order of enum_values.
template <NamedEnum E>
inline constexpr auto enum_names = [] {
  std::array<std::string_view, enum_count<E>()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = enum_name(enum_values<E>[i]);
  return names;
}();

// The enumerator named `name`, or nullopt for a name no enumerator has.
template <NamedEnum E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (E e : enum_values<E>) {
    if (enum_name(e) == name) return e;
  }
  return std::nullopt;
}

}  // namespace vigil::core

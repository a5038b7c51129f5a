// Range checks of the rating scales (docs/clinical.md "Scales").
#include <array>
#include <string>

#include "vigil/core/discharge_modified_aldrete.hpp"
#include "vigil/db/observation_store.hpp"

namespace vigil::db {
namespace {

struct ScaleRule {
  Scale scale;  // its name is scale_name(scale)
  std::size_t items;
  int min;
  int max;
};

constexpr std::array<ScaleRule, core::enum_count<Scale>()> kRules{{
    {Scale::moaas, 1, 0, 5},
    {Scale::rass, 1, -5, 4},
    {Scale::cadss, 23, 0, 4},
    {Scale::aldrete, 5, 0, 2},
    {Scale::phq9, 9, 0, 3},
    {Scale::gad7, 7, 0, 3},
    {Scale::cadss6, 6, 0, 4},
}};

constexpr bool one_rule_per_scale_in_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (kRules[i].scale != core::enum_values<Scale>[i]) return false;
  }
  return true;
}
static_assert(one_rule_per_scale_in_order(), "kRules: one row per Scale, in enumerator order");

std::string range_text(const ScaleRule& r) {
  if (r.min < 0) return std::to_string(r.min) + "..+" + std::to_string(r.max);
  return std::to_string(r.min) + "-" + std::to_string(r.max);
}

}  // namespace

std::string_view severity_band(Scale scale, int total) {
  // PHQ-9: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
  // GAD-7: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
  if (scale != Scale::phq9 && scale != Scale::gad7) return {};
  if (total < 5) return "minimal";
  if (total < 10) return "mild";
  if (total < 15) return "moderate";
  if (scale == Scale::phq9 && total < 20) return "moderately severe";
  return "severe";
}

const std::vector<int>& cadss6_items() {
  static const std::vector<int> items{1, 2, 6, 7, 15, 22};
  return items;
}

int validate_scale(Scale scale, const std::vector<int>& items) {
  const ScaleRule& r = kRules[static_cast<std::size_t>(scale)];
  const std::string field = std::string(scale_name(scale)) + ".items";
  if (items.size() != r.items) {
    throw ValidationError(field + ": " + std::to_string(r.items) + " answer" +
                          (r.items == 1 ? "" : "s") + " required (got " +
                          std::to_string(items.size()) + ")");
  }
  int total = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i] < r.min || items[i] > r.max) {
      throw ValidationError(field + "[" + std::to_string(i + 1) + "]: must be " + range_text(r) +
                            " (got " + std::to_string(items[i]) + ")");
    }
    total += items[i];
  }
  if (scale == Scale::aldrete) {
    const core::ModifiedAldreteItems a{items[0], items[1], items[2], items[3], items[4]};
    const auto score = core::modified_aldrete_score(a);
    if (!score.total) throw ValidationError("aldrete.items: " + score.error);
    total = *score.total;
  }
  return total;
}

}  // namespace vigil::db

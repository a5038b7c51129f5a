#include "vigil/core/discharge_modified_aldrete.hpp"

#include <array>
#include <cmath>
#include <string_view>
#include <utility>

namespace vigil::core {

int aldrete_spo2_score(double spo2_percent, bool on_supplemental_oxygen) {
  if (!std::isfinite(spo2_percent) || spo2_percent < 0 || spo2_percent > 100) return 0;
  if (spo2_percent > 92 && !on_supplemental_oxygen) return 2;
  if (spo2_percent > 90) return 1;
  return 0;
}

ModifiedAldreteScore modified_aldrete_score(const ModifiedAldreteItems& items) {
  const std::array<std::pair<std::string_view, int>, 5> scored{
      {{"activity", items.activity},
       {"respiration", items.respiration},
       {"circulation", items.circulation},
       {"consciousness", items.consciousness},
       {"spo2", items.spo2}}};
  int total = 0;
  for (const auto& [name, score] : scored) {
    if (score < 0 || score > 2) {
      return {std::nullopt, std::string{name} + ": an Aldrete item scores 0-2 (got " +
                                std::to_string(score) + ")"};
    }
    total += score;
  }
  return {total, {}};
}

}  // namespace vigil::core
